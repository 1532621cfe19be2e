#!/usr/bin/env bash
# Rebuilds the MetaPass artifacts: build/MetaPass.json (solc combined-json) and
# the abigen v2 Go binding metapass.go. Run from anywhere; `make contracts` runs it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

if [ ! -d node_modules ]; then
	npm ci --no-audit --no-fund
fi
node compile.js build
go tool abigen --v2 --combined-json build/MetaPass.json --pkg contracts --out metapass.go
chmod 0644 metapass.go
echo "wrote metapass.go"
