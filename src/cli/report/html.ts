/**
 * The report as one self-contained HTML page: inline CSS and inline SVG, no scripts, no fonts
 * or images to fetch, so it opens offline, prints, and can be mailed as one file. Layout: a
 * header naming the inputs, a summary of every section's headline facts, then the sections
 * (tables that scroll within a box when long, figures that shrink to the page, notes that stand
 * out). Sections come from `sections/`; a section without a headline is summarised by its first
 * sentence, so new analyses appear in the summary without touching this file.
 */
import type { Block, Fact, SectionOutput } from './section.js';

export interface HtmlPage {
  /** What the report is about: the net's name or file. */
  heading: string;
  /** The input files, shown under the title: `[['net', 'examples/bundled/net.json'], ...]`. */
  inputs: readonly (readonly [string, string])[];
  version: string;
  sections: readonly (SectionOutput & { id: string })[];
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Tables longer than this scroll inside a box (the header stays in view). */
const LONG_TABLE_ROWS = 14;

export function renderHtml(page: HtmlPage): string {
  const { sections } = page;
  // The first section's first text says what the input is (for a net: its widths and size).
  const lede = firstSentence(sections[0]?.blocks.find((b) => b.kind === 'text'));
  const anchor = (i: number): string => `s-${escapeHtml(sections[i].id)}`;
  const inputs = page.inputs.map(([k, v]) => `<span class="input"><b>${escapeHtml(k)}</b> <code>${escapeHtml(v)}</code></span>`).join(' ');
  const summary = sections.map((s, i) => summaryCard(s, anchor(i))).join('\n');
  const toc = sections.map((s, i) => `<li><a href="#${anchor(i)}">${escapeHtml(s.title)}</a>${noteCount(s) > 0 ? ` <span class="dot" title="${noteCount(s)} note(s)"></span>` : ''}</li>`).join('');
  const body = sections
    .map((s, i) => `<section id="${anchor(i)}">\n<h2><a class="self" href="#${anchor(i)}">${escapeHtml(s.title)}</a></h2>\n${s.blocks.map(blockHtml).join('\n')}\n</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="relu-exact ${escapeHtml(page.version)}">
<title>${escapeHtml(page.heading)}: relu-exact report</title>
<style>
${CSS}
</style>
</head>
<body>
<header>
<p class="kicker">relu-exact report</p>
<h1>${escapeHtml(page.heading)}</h1>
${lede !== undefined ? `<p class="lede">${escapeHtml(lede)}</p>\n` : ''}<p class="inputs">${inputs || 'no input files'}</p>
</header>
<div class="layout">
<nav aria-label="sections"><p class="navtitle">Sections</p><ol>${toc}</ol></nav>
<main>
<section id="summary" class="summary">
<h2>At a glance</h2>
<div class="cards">
${summary}
</div>
<p class="legend">Exact values are rationals in lowest terms (<code>p/q</code>); <code>~</code> marks a decimal approximation. Highlighted notes point at what deserves a second look.</p>
</section>
${body}
</main>
</div>
<footer>Made by relu-exact ${escapeHtml(page.version)}. Every value called exact is computed over the rationals; float values say so.</footer>
</body>
</html>
`;
}

function noteCount(s: SectionOutput): number {
  return s.blocks.filter((b) => b.kind === 'note').length;
}

function summaryCard(s: SectionOutput, anchor: string): string {
  const facts = s.headline ?? [];
  const body =
    facts.length > 0
      ? `<dl>${facts.map(factHtml).join('')}</dl>`
      : `<p>${escapeHtml(firstSentence(s.blocks.find((b) => b.kind === 'text' || b.kind === 'note')) ?? 'see the section')}</p>`;
  const notes = noteCount(s);
  const badge = notes > 0 ? `<a class="badge" href="#${anchor}">${notes} note${notes === 1 ? '' : 's'}</a>` : '';
  return `<div class="card"><h3><a href="#${anchor}">${escapeHtml(s.title)}</a>${badge}</h3>${body}</div>`;
}

function factHtml(f: Fact): string {
  const tone = f.tone !== undefined ? ` class="${f.tone}"` : '';
  return `<div${tone}><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd></div>`;
}

/** The first sentence of a text block, for sections that give no headline. */
function firstSentence(b: Block | undefined): string | undefined {
  if (b === undefined || (b.kind !== 'text' && b.kind !== 'note')) return undefined;
  const m = /^.*?[.!?](?=\s|$)/s.exec(b.text);
  const s = (m?.[0] ?? b.text).trim();
  return s.length > 220 ? s.slice(0, 217) + '...' : s;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'text':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'note':
      return `<p class="note" role="note">${escapeHtml(b.text)}</p>`;
    case 'table': {
      const long = b.rows.length > LONG_TABLE_ROWS;
      const head = `<thead><tr>${b.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td${c.length > 32 ? ' class="long"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
      const caption = long ? `<p class="rows">${b.rows.length} rows (scroll inside the table)</p>` : '';
      return `${caption}<div class="table${long ? ' scroll' : ''}"><table>${head}<tbody>\n${rows}\n</tbody></table></div>`;
    }
    case 'svg':
      return `<figure>${b.svg}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
  }
}

const CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6470; --line: #d9dee4; --soft: #f5f7f9; --accent: #1f5fbf; --warn: #b76e00; --warn-bg: #fff5e0; --good: #2b7a3d; --good-bg: #eaf6ec; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: white; }
header { padding: 1.6rem 2rem 1rem; border-bottom: 1px solid var(--line); background: var(--soft); }
h1 { margin: 0 0 0.3rem; font-size: 1.6rem; }
.kicker { margin: 0; color: var(--accent); font-size: 0.8rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; }
.lede { margin: 0 0 0.5rem; max-width: 60rem; }
.inputs { margin: 0; color: var(--muted); }
.input { margin-right: 1.2rem; white-space: nowrap; }
code, td { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.88em; }
.layout { display: grid; grid-template-columns: 14rem minmax(0, 1fr); gap: 2rem; max-width: 78rem; margin: 0 auto; padding: 0 2rem; }
nav { position: sticky; top: 0; align-self: start; padding-top: 1.4rem; font-size: 0.92rem; }
.navtitle { margin: 0 0 0.3rem; color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; }
nav ol { margin: 0; padding-left: 1.2rem; } nav li { margin: 0.2rem 0; }
.dot { display: inline-block; width: 0.5rem; height: 0.5rem; border-radius: 50%; background: var(--warn); vertical-align: middle; }
main { min-width: 0; padding-bottom: 3rem; }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
h2 { margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--line); font-size: 1.3rem; }
h2 a.self { color: inherit; }
section { scroll-margin-top: 1rem; }
.summary h2 { margin-top: 1.4rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.8rem; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 0.7rem 0.9rem; background: white; }
.card h3 { margin: 0 0 0.4rem; font-size: 1rem; display: flex; justify-content: space-between; gap: 0.5rem; align-items: baseline; }
.card p { margin: 0; color: var(--muted); font-size: 0.92rem; }
.card dl { margin: 0; } .card dl > div { display: flex; justify-content: space-between; gap: 0.8rem; padding: 0.1rem 0.3rem; border-radius: 4px; }
.card dt { color: var(--muted); font-size: 0.9rem; white-space: nowrap; } .card dd { margin: 0; text-align: right; font-weight: 600; overflow-wrap: anywhere; font-size: 0.92rem; }
.card .warn { background: var(--warn-bg); } .card .warn dd { color: var(--warn); }
.card .good { background: var(--good-bg); } .card .good dd { color: var(--good); }
.badge { font-size: 0.75rem; font-weight: 600; color: var(--warn); background: var(--warn-bg); border-radius: 999px; padding: 0.05rem 0.5rem; white-space: nowrap; }
.legend { color: var(--muted); font-size: 0.85rem; margin-top: 0.8rem; }
.note { background: var(--warn-bg); border-left: 4px solid var(--warn); border-radius: 0 6px 6px 0; padding: 0.5rem 0.9rem; }
.note::before { content: "Note: "; font-weight: 700; color: var(--warn); }
.table { overflow-x: auto; margin: 0.6rem 0 1rem; border: 1px solid var(--line); border-radius: 6px; }
.table.scroll { max-height: 26rem; overflow-y: auto; }
.rows { margin: 0.6rem 0 0; color: var(--muted); font-size: 0.85rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th { position: sticky; top: 0; background: var(--soft); text-align: left; font-size: 0.85rem; font-weight: 600; padding: 0.35rem 0.7rem; border-bottom: 1px solid var(--line); }
td { padding: 0.25rem 0.7rem; border-bottom: 1px solid #eef1f4; vertical-align: top; }
td.long { overflow-wrap: anywhere; min-width: 12rem; font-size: 0.8em; }
tbody tr:nth-child(even) { background: #fafbfc; } tbody tr:hover { background: #eef4fc; }
figure { margin: 1rem 0 1.4rem; } figure svg { max-width: 100%; height: auto; display: block; border: 1px solid var(--line); border-radius: 6px; }
figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.3rem; }
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; padding: 1rem 2rem 2rem; text-align: center; }
@media (max-width: 60rem) { .layout { grid-template-columns: minmax(0, 1fr); padding: 0 1rem; } nav { position: static; } header { padding: 1.2rem 1rem 0.8rem; } }
@media print { nav { display: none; } .layout { display: block; } .table.scroll { max-height: none; overflow: visible; } th { position: static; } figure, .card { break-inside: avoid; } }
`;
