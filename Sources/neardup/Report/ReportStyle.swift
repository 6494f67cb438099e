/// The report page's style sheet: system fonts only, nothing loaded from elsewhere.
enum ReportStyle {
    static let css = """
:root { --ink: #1d2330; --muted: #5f6b7a; --line: #d9dee5; --paper: #ffffff; --wash: #f4f6f9; --accent: #1f5fbf;
  --added: #e3f6e8; --added-ink: #17642f; --dropped: #fdecec; --dropped-ink: #a3202a; --changed: #fff6dc; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--wash); }
header.top { background: var(--paper); border-bottom: 1px solid var(--line); padding: 18px 28px 10px; }
header.top h1 { margin: 0; font-size: 22px; }
header.top .inputs { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
dl.counts { display: flex; flex-wrap: wrap; gap: 10px 28px; margin: 14px 0 4px; }
dl.counts .count { display: flex; flex-direction: column-reverse; }
dl.counts dt { color: var(--muted); font-size: 12px; }
dl.counts dd { margin: 0; font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.controls { display: flex; flex-wrap: wrap; align-items: end; gap: 10px 18px; padding: 12px 28px; background: var(--paper);
  border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 2; }
.controls label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; }
.controls input, .controls select { font: inherit; padding: 4px 6px; border: 1px solid var(--line); border-radius: 4px; }
.controls input[type=search] { width: 320px; }
.controls select { max-width: 260px; }
.sort { display: flex; gap: 0; }
.sort button { font: inherit; font-size: 13px; padding: 5px 10px; border: 1px solid var(--line); background: var(--paper); cursor: pointer; }
.sort button:first-child { border-radius: 4px 0 0 4px; }
.sort button:last-child { border-radius: 0 4px 4px 0; border-left: 0; }
.sort button[aria-pressed=true] { background: var(--accent); color: #fff; border-color: var(--accent); }
#nd-status { color: var(--muted); font-size: 13px; margin-left: auto; }
main { padding: 14px 28px 40px; }
ol.groups { list-style: none; margin: 0; padding: 0; }
li.group { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; margin: 0 0 8px; }
button.summary { display: grid; grid-template-columns: 100px 1fr auto; grid-template-rows: auto auto; gap: 2px 14px; width: 100%;
  text-align: left; font: inherit; color: inherit; background: none; border: 0; padding: 10px 14px; cursor: pointer; }
button.summary:hover { background: #f8fafc; }
button.summary[aria-expanded=true] { border-bottom: 1px solid var(--line); }
.summary .number { grid-row: 1 / 3; color: var(--muted); font-size: 13px; padding-top: 2px; }
.summary .headline { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.summary .badges { display: flex; gap: 6px; }
.summary .meta { grid-column: 2 / 4; color: var(--muted); font-size: 13px; }
.badge { font-size: 12px; padding: 1px 8px; border-radius: 10px; background: #e8eef8; color: #24457a; white-space: nowrap; }
.badge.bundle { background: #f1e8f8; color: #5b2c7a; }
button#nd-more { font: inherit; padding: 6px 16px; margin: 6px 0; border: 1px solid var(--line); border-radius: 4px; background: var(--paper); cursor: pointer; }
.detail { padding: 8px 18px 16px; }
.detail h3 { font-size: 14px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 14px 0 6px; }
.member { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; }
.member code.id { font-size: 13px; background: var(--wash); padding: 1px 6px; border-radius: 3px; }
.member .outlet { font-weight: 600; }
.member time, .member .undated { color: var(--muted); font-size: 13px; }
.member .share { color: var(--muted); font-size: 13px; }
.member a.source { font-size: 13px; }
.flag { color: #fff; background: var(--dropped-ink); font-size: 12px; padding: 1px 8px; border-radius: 10px; }
.reason { margin: 6px 0 0; }
.badge.reason-label { background: var(--accent); color: #fff; font-weight: 600; }
details.dropped-run > summary { cursor: pointer; color: var(--dropped-ink); background: var(--dropped); border-radius: 3px;
  padding: 3px 8px 3px 50px; font-size: 13px; margin: 2px 0; }
figure.timeline-box { margin: 12px 0 4px; }
figure.timeline-box figcaption { color: var(--muted); font-size: 12px; }
svg.timeline { max-width: 860px; display: block; font-size: 12px; }
svg.timeline .axis { stroke: var(--muted); }
svg.timeline .lane { stroke: var(--line); stroke-dasharray: 2 3; }
svg.timeline text { fill: var(--ink); }
svg.timeline .tick, svg.timeline .note { fill: var(--muted); }
svg.timeline .end { text-anchor: end; }
svg.timeline .dot { fill: #7f9cc6; }
svg.timeline .dot.original { fill: var(--accent); }
svg.timeline .dot.early { fill: var(--dropped-ink); }
svg.timeline .note.original { fill: var(--accent); font-weight: 600; }
svg.timeline .note.early { fill: var(--dropped-ink); font-weight: 600; }
details.copy { border: 1px solid var(--line); border-radius: 5px; margin: 0 0 8px; }
details.copy > summary { padding: 8px 12px; cursor: pointer; display: flex; flex-direction: column; gap: 3px; }
details.copy > summary::-webkit-details-marker { display: none; }
details.copy[open] > summary { border-bottom: 1px solid var(--line); background: #fafbfc; }
.relation { font-size: 13px; }
.relation::before { content: "▸ "; color: var(--muted); }
details[open] > summary .relation::before { content: "▾ "; }
.kind-identical { color: var(--added-ink); }
.kind-rewrite, .kind-bundle { color: #6a3c91; }
.diff { padding: 6px 10px 10px; }
.para { display: grid; grid-template-columns: 34px 16px 1fr; align-items: baseline; border-radius: 3px; }
.para p { margin: 3px 0; }
.para .gutter { color: var(--muted); font-size: 12px; text-align: right; padding-right: 6px; font-variant-numeric: tabular-nums; }
.para .mark { color: var(--muted); font-weight: 700; }
.para.same p { color: #3d4654; }
.para.added { background: var(--added); }
.para.added .mark, .para.added p { color: var(--added-ink); }
.para.dropped { background: var(--dropped); }
.para.dropped p { color: var(--dropped-ink); text-decoration: line-through; text-decoration-color: rgba(163, 32, 42, .45); }
.para.dropped .mark { color: var(--dropped-ink); }
.para.changed { background: var(--changed); }
ins { background: #bfe9c9; color: #0f4d22; text-decoration: none; border-radius: 2px; padding: 0 2px; }
del { background: #f7c6c9; color: #8a1520; border-radius: 2px; padding: 0 2px; }
.furniture { margin-top: 10px; opacity: .55; font-size: 13px; }
.furniture .furniture-title { margin: 0 0 2px; font-weight: 600; }
.furniture ul { margin: 0; padding-left: 18px; }
.furniture .why { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
details.original-text { margin-top: 10px; }
details.original-text > summary { cursor: pointer; color: var(--accent); }
.para .more { color: var(--muted); font-size: 12px; }
.note { color: var(--muted); font-size: 13px; }
footer { color: var(--muted); font-size: 12px; padding: 0 28px 24px; }
.legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: 12px; color: var(--muted); margin: 6px 0 0; }
.legend span.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
"""
}
