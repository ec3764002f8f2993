/** Renderers for report sections: plain text for the terminal, one self-contained HTML page. */
import { table } from '../text.js';
import type { Block, SectionOutput } from './section.js';

export function renderText(title: string, sections: readonly SectionOutput[]): string {
  const out: string[] = [title, '='.repeat(title.length), ''];
  for (const s of sections) {
    out.push(s.title, '-'.repeat(s.title.length));
    for (const b of s.blocks) out.push(blockText(b), '');
  }
  return out.join('\n');
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'text':
      return b.text;
    case 'note':
      return `! ${b.text}`;
    case 'table':
      return table(b.header, b.rows);
    case 'svg':
      return `[figure: ${b.caption} (in the HTML report)]`;
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** One HTML page, no scripts and no network requests: inline CSS and inline SVG only. */
export function renderHtml(title: string, subtitle: string, sections: readonly SectionOutput[]): string {
  const body = sections
    .map((s, i) => `<section id="s${i}"><h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map(blockHtml).join('\n')}</section>`)
    .join('\n');
  const toc = sections.map((s, i) => `<li><a href="#s${i}">${escapeHtml(s.title)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.45; }
h1 { margin-bottom: 0.2rem; } .sub { color: #555; margin-top: 0; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.6rem 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: left; font-family: ui-monospace, monospace; font-size: 0.9rem; }
th { background: #f3f3f3; font-family: system-ui, sans-serif; }
.note { background: #fff6e0; border-left: 4px solid #e0a800; padding: 0.4rem 0.8rem; }
figure { margin: 1rem 0; } figcaption { color: #555; font-size: 0.9rem; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="sub">${escapeHtml(subtitle)}</p>
<nav><ul>${toc}</ul></nav>
${body}
</body>
</html>
`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'text':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'note':
      return `<p class="note">${escapeHtml(b.text)}</p>`;
    case 'table':
      return `<table><thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'svg':
      return `<figure>${b.svg}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
  }
}
