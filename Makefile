# The README's words are these targets: run, test, build, contracts, gas, bench, load, lint.
# bench runs the Go benchmarks (go test -bench); load runs the load benchmark
# of issue 7 (cmd/metapass-load: intake on SQLite and PostgreSQL, a minting
# burst on a devnet with 1 s blocks, memory), which writes docs/bench/*.svg.
GO         ?= go
DATA_DIR   ?= ./data
LOAD_FLAGS ?=

# testcontainers-go in this environment: no reaper container, and dial the
# mapped ports on localhost.
export TESTCONTAINERS_RYUK_DISABLED ?= true
export TESTCONTAINERS_HOST_OVERRIDE ?= localhost

.PHONY: run test test-short attack build contracts gas bench load lint fmt-check

## run: start the service on its embedded default (SQLite + in-process dev chain; webhooks may target local receivers)
run:
	@echo "==> building metapass: the first build compiles go-ethereum and takes about 5 minutes on 2 cores (packages are listed as they compile); later builds take seconds"
	$(GO) build -v -o bin/metapass ./cmd/metapass
	./bin/metapass serve -data-dir $(DATA_DIR) -allow-private-targets

## test: every test, the container tier included, with the race detector
test: fmt-check
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 20m $$($(GO) list ./... | grep -v /attack$$)
	# The attack suite drives a separately built serve binary; its own test
	# code gains nothing from the race detector, which slows its per-request
	# database fingerprints tenfold.
	$(GO) test -count=1 -timeout 20m ./attack
	# Fuzz budgets are execution counts, not durations: a duration races Go
	# 1.26's fuzz coordinator at its deadline (go.dev/issue/75804).
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime 20000x ./httpapi
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 50000x ./siwe
	$(GO) test -run '^$$' -fuzz FuzzParseCode -fuzztime 50000x ./events

## test-short: the quick tier only (no containers, no subprocesses)
test-short:
	$(GO) test -short -count=1 ./...

## attack: the hostile-tenant suite, every case (make test runs its quick cases; CI=true all)
attack:
	METAPASS_ATTACK_FULL=1 $(GO) test -count=1 -v -timeout 20m ./attack

## build: a static binary in bin/
build:
	CGO_ENABLED=0 $(GO) build -o bin/metapass ./cmd/metapass

## contracts: compile the Solidity sources and regenerate the Go bindings
contracts:
	bash contracts/build.sh

## gas: mint gas of PassCollection vs OpenZeppelin, ERC721A and Solady (the README's tables)
gas:
	@test -d contracts/node_modules/erc721a -a -d contracts/node_modules/solady || (cd contracts && npm ci --no-audit --no-fund)
	$(GO) run ./contracts/internal/gasreport -contracts contracts

## bench: the benchmarks whose figures are in the README
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count=1 ./...

## load: the load benchmark, about 3 minutes: a markdown report on stdout, charts in docs/bench/
## (LOAD_FLAGS="-duration 2s -clients 8 -orders 300 -postgres=false -out ''" for a quick check)
load:
	$(GO) run ./cmd/metapass-load $(LOAD_FLAGS)

## lint: formatting, vet and staticcheck
lint: fmt-check
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './contracts/node_modules/*')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
