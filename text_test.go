package metapass_test

import (
	"strings"
	"testing"

	"github.com/metapass/metapass"
)

func TestCheckLine(t *testing.T) {
	tests := []struct {
		name, in string
		max      int
		prose    bool
		ok       bool
	}{
		{"ascii", "XO Pass", 255, false, true},
		{"emoji within bytes", strings.Repeat("🎟", 63), 255, false, true},
		{"emoji beyond bytes", strings.Repeat("🎟", 64), 255, false, false},
		{"NUL", "a\x00b", 255, false, false},
		{"line feed in a line", "a\nb", 255, false, false},
		{"line feed in prose", "a\nb\tc", 255, true, true},
		{"NUL in prose", "a\x00b", 255, true, false},
		{"DEL", "a\x7fb", 255, false, false},
		{"C1 control", "a\u0085b", 255, false, false},
		{"right-to-left override", "a\u202eb", 255, false, false},
		{"left-to-right isolate", "a\u2066b", 255, true, false},
		{"arabic letter mark", "a\u061cb", 255, false, false},
		{"right-to-left text", "مرحبا", 255, false, true},
		{"invalid UTF-8", "a\xffb", 255, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := metapass.CheckLine
			if tt.prose {
				check = metapass.CheckProse
			}
			err := check("name", tt.in, tt.max)
			if (err == nil) != tt.ok {
				t.Fatalf("error %v, want ok=%v", err, tt.ok)
			}
			if err != nil && (metapass.ErrorCode(err) != metapass.EINVALID || !strings.Contains(err.Error(), "field name")) {
				t.Fatalf("error %v, want EINVALID naming the field", err)
			}
		})
	}
}

func TestCheckWebURL(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"https://example.com/a.png", true},
		{"HTTPS://example.com/a.png", true},
		{"http://localhost:8080/a.png", true},
		{"http://127.0.0.1/a.png", true},
		{"http://[::1]/a.png", true},
		{"http://shop.localhost/a.png", true},
		{"http://example.com/a.png", false},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{"data:image/png;base64,AAAA", false},
		{"ftp://example.com/a", false},
		{"//example.com/a", false},
		{"/a.png", false},
		{"https://user:pw@example.com/", false},
		{"https:///a", false},
		{"https://example.com/a b", false},
		{"https://example.com/\u202e", false},
		{"https://example.com/" + strings.Repeat("a", metapass.MaxURLBytes), false},
	}
	for _, tt := range tests {
		if err := metapass.CheckWebURL("image_url", tt.in); (err == nil) != tt.ok {
			t.Errorf("CheckWebURL(%.60q) = %v, want ok=%v", tt.in, err, tt.ok)
		}
	}
}
