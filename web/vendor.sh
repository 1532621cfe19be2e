#!/usr/bin/env bash
# Copies the browser builds the pages load from node_modules into
# assets/vendor/, where go:embed picks them up:
#   - jsQR (the staff page's QR decoder) and its licence;
#   - Swagger UI (the /docs page): swagger-ui-bundle.js, swagger-ui.css and
#     their licences (Apache-2.0 LICENSE and NOTICE, and the bundle's
#     third-party notices), into assets/vendor/swagger-ui/.
# Run after changing a version in package.json; vendor_test.go fails when a
# committed copy differs from node_modules.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

if [ ! -d node_modules/jsqr ] || [ ! -d node_modules/swagger-ui-dist ]; then
	npm ci --no-audit --no-fund
fi
mkdir -p assets/vendor/swagger-ui
cp node_modules/jsqr/dist/jsQR.js assets/vendor/jsQR.js
cp node_modules/jsqr/LICENSE assets/vendor/jsQR.LICENSE
chmod 0644 assets/vendor/jsQR.js assets/vendor/jsQR.LICENSE
echo "vendored jsqr $(node -p 'require("./node_modules/jsqr/package.json").version') into assets/vendor/"

sw=node_modules/swagger-ui-dist
for f in swagger-ui-bundle.js swagger-ui.css swagger-ui-bundle.js.LICENSE.txt LICENSE NOTICE; do
	cp "$sw/$f" "assets/vendor/swagger-ui/$f"
	chmod 0644 "assets/vendor/swagger-ui/$f"
done
echo "vendored swagger-ui-dist $(node -p 'require("./node_modules/swagger-ui-dist/package.json").version') into assets/vendor/swagger-ui/"
