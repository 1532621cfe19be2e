// Package web holds the service's browser pages and their assets, plain
// HTML, CSS and JavaScript modules with no build step and nothing loaded
// from another origin:
//
//   - staff.html: the door staff's check-in page. A staff key is pasted in
//     (kept in sessionStorage), the event picked, and entry codes are read by
//     the camera (BarcodeDetector where the browser has it, else the
//     vendored jsQR decoder in a worker) or typed in; each check-in is shown
//     as a full-width green ADMITTED or red REJECTED panel.
//   - wallet.html: a customer demo page. A session token is pasted in (or a
//     wallet signs in with SIWE through window.ethereum); it lists the
//     wallet's passes and perks and shows the rotating entry QR code of a
//     pass for an event.
//   - console.html: the brand console. A brand admin key is pasted in (kept
//     in sessionStorage, never in a URL); it creates, edits and publishes
//     launches and shows their state and contract, lists a launch's orders
//     live (every 2 s) with a test-order form, creates perks (a holds rule
//     editor, JSON for the rest) and dry-runs them, creates events and
//     issues their staff keys, shows the door's audit trail, and manages
//     webhook endpoints and deliveries (redeliver). The API's problem+json
//     errors are shown next to the form fields they name.
//   - docs.html: the API reference, Swagger UI rendering /openapi.json.
//
// The pages call the API at /v1 on their own origin and load their assets
// from /assets/, so the app serves staff.html at /staff, wallet.html at
// /wallet, console.html at /console, docs.html at /docs and the files under
// assets/ at /assets/. Each page's Content-Security-Policy allows only its
// own origin, with no inline script or style.
//
// assets/vendor/ holds third-party browser builds copied by vendor.sh from
// node_modules and committed so that building the service needs no Node:
// jsQR.js (the jsqr package) and, under swagger-ui/, swagger-ui-bundle.js and
// swagger-ui.css (the swagger-ui-dist package), each with its licence;
// vendor_test.go fails when a copy differs from node_modules. package.json
// pins them (exact versions) and playwright-core, which drives the browser
// tests in e2e/ (run by cmd/metapass's TestBrowser and TestBrowserConsole).
package web

import "embed"

// Files holds the pages (staff.html, wallet.html, console.html, docs.html)
// and the assets/ tree: the pages' scripts and styles, and the vendored QR
// decoder and Swagger UI under assets/vendor/.
//
//go:embed staff.html wallet.html console.html docs.html assets
var Files embed.FS
