package web

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestVendoredUpToDate fails when the committed assets/vendor/ copy of the
// jsQR browser build (or its licence) differs from the one npm installed from
// package-lock.json: run `bash web/vendor.sh` after changing the jsqr
// version. It skips when web/node_modules is missing, except under CI=true
// where that is a failure.
func TestVendoredUpToDate(t *testing.T) {
	if _, err := os.Stat(filepath.Join("node_modules", "jsqr", "package.json")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("web/node_modules is required under CI (run npm ci in web/): %v", err)
		}
		t.Skipf("web/node_modules missing (run npm ci in web/): %v", err)
	}
	for vendored, installed := range map[string]string{
		"assets/vendor/jsQR.js":      "node_modules/jsqr/dist/jsQR.js",
		"assets/vendor/jsQR.LICENSE": "node_modules/jsqr/LICENSE",
	} {
		want, err := os.ReadFile(filepath.FromSlash(installed))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.FromSlash(vendored))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s: run `bash web/vendor.sh`", vendored, installed)
		}
		// What is embedded is what is on disk.
		if emb, err := Files.ReadFile(vendored); err != nil || !bytes.Equal(emb, want) {
			t.Errorf("embedded %s differs from %s (err %v)", vendored, installed, err)
		}
	}
}

// refRE finds the URLs a page or stylesheet refers to: src and href
// attributes, CSS url(), JS import specifiers, workers and fetches of
// literal paths.
var refRE = regexp.MustCompile(`(?:\b(?:src|href)\s*=\s*"([^"]*)"|url\(\s*['"]?([^'")]*)|\bimport\s[^'"]*['"]([^'"]+)['"]|\bfrom\s+['"]([^'"]+)['"]|new Worker\(\s*['"]([^'"]+)['"]|importScripts\(\s*['"]([^'"]+)['"])`)

// TestEmbeddedPages checks that both pages and every file they or their
// scripts refer to are embedded, and that every reference stays on the
// service's own origin (the pages load nothing from elsewhere).
func TestEmbeddedPages(t *testing.T) {
	for _, page := range []string{"staff.html", "wallet.html"} {
		b, err := Files.ReadFile(page)
		if err != nil {
			t.Fatalf("%s is not embedded: %v", page, err)
		}
		if !bytes.Contains(b, []byte(`name="viewport"`)) {
			t.Errorf("%s lacks a viewport meta tag", page)
		}
		if !bytes.Contains(b, []byte("Content-Security-Policy")) {
			t.Errorf("%s lacks its Content-Security-Policy", page)
		}
	}
	var refs int
	err := fs.WalkDir(Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(path, "assets/vendor/") {
			return err
		}
		b, err := Files.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range refRE.FindAllStringSubmatch(string(b), -1) {
			ref := strings.Join(m[1:], "")
			switch {
			case ref == "" || strings.HasPrefix(ref, "#") || ref == "data:,":
				continue
			case strings.Contains(ref, "://") || strings.HasPrefix(ref, "//"):
				t.Errorf("%s refers to another origin: %q", path, ref)
			case strings.HasPrefix(ref, "/assets/"):
				refs++
				if _, err := fs.Stat(Files, strings.TrimPrefix(ref, "/")); err != nil {
					t.Errorf("%s refers to %s, which is not embedded", path, ref)
				}
			case strings.HasPrefix(ref, "./") && strings.HasPrefix(path, "assets/"):
				refs++
				if _, err := fs.Stat(Files, "assets/"+strings.TrimPrefix(ref, "./")); err != nil {
					t.Errorf("%s refers to %s, which is not embedded", path, ref)
				}
			case ref == "/staff" || ref == "/wallet":
			default:
				t.Errorf("%s refers to %q: use /assets/… or ./… (same directory) paths", path, ref)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if refs == 0 {
		t.Error("found no asset references at all; is refRE still right?")
	}
}
