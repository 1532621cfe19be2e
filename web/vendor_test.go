package web

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// vendored maps each committed file under assets/vendor/ to the file of
// node_modules it is a copy of (vendor.sh copies them).
var vendored = map[string]string{
	"assets/vendor/jsQR.js":                                     "node_modules/jsqr/dist/jsQR.js",
	"assets/vendor/jsQR.LICENSE":                                "node_modules/jsqr/LICENSE",
	"assets/vendor/swagger-ui/swagger-ui-bundle.js":             "node_modules/swagger-ui-dist/swagger-ui-bundle.js",
	"assets/vendor/swagger-ui/swagger-ui.css":                   "node_modules/swagger-ui-dist/swagger-ui.css",
	"assets/vendor/swagger-ui/swagger-ui-bundle.js.LICENSE.txt": "node_modules/swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt",
	"assets/vendor/swagger-ui/LICENSE":                          "node_modules/swagger-ui-dist/LICENSE",
	"assets/vendor/swagger-ui/NOTICE":                           "node_modules/swagger-ui-dist/NOTICE",
}

// TestVendoredUpToDate fails when a committed assets/vendor/ copy (the
// jsQR browser build, Swagger UI's bundle and stylesheet, their licences)
// differs from the one npm installed from package-lock.json: run
// `bash web/vendor.sh` after changing a version. It skips when
// web/node_modules is missing, except under CI=true where that is a failure.
func TestVendoredUpToDate(t *testing.T) {
	for _, pkg := range []string{"jsqr", "swagger-ui-dist"} {
		if _, err := os.Stat(filepath.Join("node_modules", pkg, "package.json")); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("web/node_modules is required under CI (run npm ci in web/): %v", err)
			}
			t.Skipf("web/node_modules missing (run npm ci in web/): %v", err)
		}
	}
	for file, installed := range vendored {
		want, err := os.ReadFile(filepath.FromSlash(installed))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.FromSlash(file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s: run `bash web/vendor.sh`", file, installed)
		}
		// What is embedded is what is on disk.
		if emb, err := Files.ReadFile(file); err != nil || !bytes.Equal(emb, want) {
			t.Errorf("embedded %s differs from %s (err %v)", file, installed, err)
		}
	}
	// Nothing else is vendored: a stale file left behind would still be served.
	err := fs.WalkDir(Files, "assets/vendor", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && vendored[path] == "" {
			t.Errorf("%s is not a copy vendor.sh makes: remove it", path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPinnedVersions checks that package.json pins every dependency to an
// exact version (what is vendored and embedded must not drift with a range)
// and that the lock file installs those versions.
func TestPinnedVersions(t *testing.T) {
	var pkg struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	var lock struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	for file, v := range map[string]any{"package.json": &pkg, "package-lock.json": &lock} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	exact := regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)
	for _, deps := range []map[string]string{pkg.Dependencies, pkg.DevDependencies} {
		for name, version := range deps {
			if !exact.MatchString(version) {
				t.Errorf("package.json: %s is %q, not an exact version", name, version)
			}
			if got := lock.Packages["node_modules/"+name].Version; got != version {
				t.Errorf("package-lock.json installs %s %q, package.json pins %q", name, got, version)
			}
		}
	}
	for _, name := range []string{"jsqr", "swagger-ui-dist", "playwright-core"} {
		if pkg.Dependencies[name] == "" && pkg.DevDependencies[name] == "" {
			t.Errorf("package.json does not pin %s", name)
		}
	}
}

// refRE finds the URLs a page or stylesheet refers to: src and href
// attributes, CSS url(), JS import specifiers, workers and fetches of
// literal paths.
var refRE = regexp.MustCompile(`(?:\b(?:src|href)\s*=\s*"([^"]*)"|url\(\s*['"]?([^'")]*)|\bimport\s[^'"]*['"]([^'"]+)['"]|\bfrom\s+['"]([^'"]+)['"]|new Worker\(\s*['"]([^'"]+)['"]|importScripts\(\s*['"]([^'"]+)['"])`)

// cspRE finds a page's Content-Security-Policy meta tag.
var cspRE = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

// TestEmbeddedPages checks that every page and every file they or their
// scripts refer to are embedded, that every reference stays on the service's
// own origin (the pages load nothing from elsewhere), and that each page's
// Content-Security-Policy allows only its own origin: no other host, no
// inline or eval'd script, no inline style.
func TestEmbeddedPages(t *testing.T) {
	for _, page := range []string{"staff.html", "wallet.html", "console.html", "docs.html"} {
		b, err := Files.ReadFile(page)
		if err != nil {
			t.Fatalf("%s is not embedded: %v", page, err)
		}
		if !bytes.Contains(b, []byte(`name="viewport"`)) {
			t.Errorf("%s lacks a viewport meta tag", page)
		}
		m := cspRE.FindSubmatch(b)
		if m == nil {
			t.Errorf("%s lacks its Content-Security-Policy", page)
			continue
		}
		csp := string(m[1])
		if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "script-src 'self';") ||
			!strings.Contains(csp, "style-src 'self';") || !strings.Contains(csp, "object-src 'none'") {
			t.Errorf("%s CSP %q: want default-src, script-src and style-src 'self' only, object-src 'none'", page, csp)
		}
		// Only images may come from elsewhere (launch images are https
		// URLs a brand gives); code, styles and calls stay same-origin.
		for _, directive := range strings.Split(csp, ";") {
			bads := []string{"unsafe", "http:", "https:", "*"}
			if name, _, _ := strings.Cut(strings.TrimSpace(directive), " "); name == "img-src" {
				bads = []string{"unsafe", "http:", "*"}
			}
			for _, bad := range bads {
				if strings.Contains(directive, bad) {
					t.Errorf("%s CSP %q allows %q in %q", page, csp, bad, strings.TrimSpace(directive))
				}
			}
		}
		if bytes.Contains(b, []byte("<script>")) || bytes.Contains(b, []byte(" style=")) || bytes.Contains(b, []byte("<style")) {
			t.Errorf("%s has an inline script or style, which its CSP refuses", page)
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
			case ref == "/staff" || ref == "/wallet" || ref == "/console" || ref == "/openapi.json" ||
				ref == "/docs" || strings.HasPrefix(ref, "/docs#"):
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
