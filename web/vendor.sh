#!/usr/bin/env bash
# Copies the jsQR browser build (and its licence) from node_modules into
# assets/vendor/, where the pages load it and go:embed picks it up. Run after
# changing the jsqr version in package.json; vendor_test.go fails when the
# committed copy differs from node_modules.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

if [ ! -d node_modules/jsqr ]; then
	npm ci --no-audit --no-fund
fi
mkdir -p assets/vendor
cp node_modules/jsqr/dist/jsQR.js assets/vendor/jsQR.js
cp node_modules/jsqr/LICENSE assets/vendor/jsQR.LICENSE
chmod 0644 assets/vendor/jsQR.js assets/vendor/jsQR.LICENSE
echo "vendored jsqr $(node -p 'require("./node_modules/jsqr/package.json").version') into assets/vendor/"
