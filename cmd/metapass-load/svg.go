package main

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// bar is one row of a horizontal bar chart.
type bar struct {
	Label string
	Value float64
	Note  string // printed after the value
}

// svgHeader opens an SVG document of w×h with a title line.
func svgHeader(sb *strings.Builder, w, h int, title string) {
	fmt.Fprintf(sb, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", w, h, w, h)
	fmt.Fprintf(sb, `<rect width="%d" height="%d" fill="#fff"/>`+"\n", w, h)
	fmt.Fprintf(sb, `<text x="10" y="20" font-size="14" font-weight="bold">%s</text>`+"\n", html.EscapeString(title))
}

// barChart renders rows as horizontal bars scaled to the largest value.
func barChart(title, unit string, rows []bar) string {
	const w, left, right, rowH, top = 760, 230, 230, 28, 36
	h := top + rowH*len(rows) + 10
	var sb strings.Builder
	svgHeader(&sb, w, h, title)
	top1 := 0.0
	for _, r := range rows {
		top1 = math.Max(top1, r.Value)
	}
	span := float64(w - left - right)
	for i, r := range rows {
		y := top + i*rowH
		length := 0.0
		if top1 > 0 {
			length = span * r.Value / top1
		}
		fmt.Fprintf(&sb, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", left-8, y+15, html.EscapeString(r.Label))
		fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="#4878d0"/>`+"\n", left, y+3, length, rowH-8)
		fmt.Fprintf(&sb, `<text x="%.1f" y="%d">%s %s%s</text>`+"\n", float64(left)+length+6, y+15,
			thousands(r.Value), html.EscapeString(unit), html.EscapeString(r.Note))
	}
	sb.WriteString("</svg>\n")
	return sb.String()
}

// fillChart renders each block's fill as a vertical bar, with the 90 %
// goal and the mean as lines.
func fillChart(title string, bs []block, f fill) string {
	const w, h, left, right, top, bottom = 760, 300, 50, 20, 36, 40
	var sb strings.Builder
	svgHeader(&sb, w, h, title)
	plotH, plotW := float64(h-top-bottom), float64(w-left-right)
	ceil := 110.0
	for _, p := range f.Percent {
		ceil = math.Max(ceil, math.Ceil(p/10)*10)
	}
	y := func(pct float64) float64 { return float64(top) + plotH*(1-pct/ceil) }
	for pct := 0.0; pct <= ceil; pct += 20 {
		fmt.Fprintf(&sb, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd"/>`+"\n", left, w-right, y(pct), y(pct))
		fmt.Fprintf(&sb, `<text x="%d" y="%.1f" text-anchor="end">%.0f %%</text>`+"\n", left-6, y(pct)+4, pct)
	}
	if n := len(bs); n > 0 {
		slot := plotW / float64(n)
		for i, b := range bs {
			x := float64(left) + slot*float64(i)
			fmt.Fprintf(&sb, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#4878d0"><title>block %d: %d passes, %.1f %%</title></rect>`+"\n",
				x+slot*0.1, y(f.Percent[i]), slot*0.8, plotH*f.Percent[i]/ceil, b.Number, b.Passes, f.Percent[i])
			if n <= 40 || i%(n/20+1) == 0 {
				fmt.Fprintf(&sb, `<text x="%.1f" y="%d" text-anchor="middle" font-size="10">%d</text>`+"\n", x+slot/2, h-bottom+14, b.Number)
			}
		}
	}
	fmt.Fprintf(&sb, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#d65f5f" stroke-dasharray="6 4"/>`+"\n", left, w-right, y(90), y(90))
	fmt.Fprintf(&sb, `<text x="%d" y="%.1f" fill="#d65f5f" text-anchor="end">goal 90 %%</text>`+"\n", w-right-4, y(90)-4)
	fmt.Fprintf(&sb, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#333"/>`+"\n", left, w-right, y(f.Mean), y(f.Mean))
	fmt.Fprintf(&sb, `<text x="%d" y="%.1f" text-anchor="start">mean %.1f %%</text>`+"\n", left+4, y(f.Mean)-4, f.Mean)
	fmt.Fprintf(&sb, `<text x="%d" y="%d" text-anchor="middle">block</text>`+"\n", left+int(plotW/2), h-8)
	sb.WriteString("</svg>\n")
	return sb.String()
}

// thousands formats v rounded to an integer with thousands separators.
func thousands(v float64) string {
	s := fmt.Sprintf("%.0f", math.Round(v))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
