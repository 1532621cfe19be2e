#!/usr/bin/env bash
# Rebuilds every contract artifact listed in artifacts.json: build/<Contract>.json
# (solc combined-json) and its abigen v2 Go binding (one file per contract).
# Run from anywhere; `make contracts` runs it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

if [ ! -d node_modules ]; then
	npm ci --no-audit --no-fund
fi
node compile.js build
node -e '
for (const a of require("./artifacts.json")) console.log(a.contract, a.package, a.binding);
' | while read -r contract pkg binding; do
	mkdir -p "$(dirname "$binding")"
	go tool abigen --v2 --combined-json "build/$contract.json" --pkg "$pkg" --out "$binding"
	chmod 0644 "$binding"
	echo "wrote $binding"
done
