// Package web holds the service's two browser pages and their assets, plain
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
//
// The pages call the API at /v1 on their own origin and load their assets
// from /assets/, so the app serves staff.html at /staff, wallet.html at
// /wallet and the files under assets/ at /assets/.
//
// assets/vendor/jsQR.js is the browser build of the jsqr npm package, copied
// by vendor.sh and committed so that building the service needs no Node;
// vendor_test.go fails when it differs from node_modules. package.json pins
// it and playwright-core, which drives the browser tests in e2e/ (run by
// cmd/metapass's TestBrowser).
package web

import "embed"

// Files holds staff.html, wallet.html and the assets/ tree (the pages'
// scripts and styles, and the vendored QR decoder under assets/vendor/).
//
//go:embed staff.html wallet.html console.html docs.html assets
var Files embed.FS
