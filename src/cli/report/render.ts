/** Renderers for report sections: plain text for the terminal, one self-contained HTML page (html.ts). */
import { table } from '../text.js';
import type { Block, SectionOutput } from './section.js';

export function renderText(title: string, sections: readonly SectionOutput[]): string {
  const out: string[] = [title, '='.repeat(title.length), ''];
  const facts = sections.flatMap((s) => (s.headline ?? []).map((f) => [s.title, f.label, f.value + (f.tone === 'warn' ? '  (!)' : '')]));
  if (facts.length > 0) out.push('At a glance', '-----------', table(['section', 'fact', 'value'], facts), '');
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

export { escapeHtml, renderHtml, type HtmlPage } from './html.js';
