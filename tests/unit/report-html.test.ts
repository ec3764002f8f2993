import { describe, expect, it } from 'vitest';
import { BudgetExceededError } from '../../src/core/errors.js';
import { buildSections } from '../../src/cli/report/build.js';
import { briefRational } from '../../src/cli/report/facts.js';
import { renderHtml } from '../../src/cli/report/html.js';
import { renderText } from '../../src/cli/report/render.js';
import type { ReportSection, SectionOutput } from '../../src/cli/report/section.js';
import { Rational } from '../../src/field/rational.js';

const section = (id: string, out: Partial<SectionOutput>): SectionOutput & { id: string } => ({ id, title: id, blocks: [], json: {}, ...out });
const page = (sections: (SectionOutput & { id: string })[]) => renderHtml({ heading: 'my <net>', inputs: [['net', 'a&b.json']], version: '9.9.9', sections });

describe('the HTML page', () => {
  it('summarises each section by its headline, or by its first sentence when it gives none', () => {
    const html = page([
      section('a', { title: 'Alpha', headline: [{ label: 'rank', value: '3', tone: 'good' }, { label: 'ties', value: '2', tone: 'warn' }], blocks: [{ kind: 'text', text: 'Alpha text.' }] }),
      section('b', { title: 'Beta', blocks: [{ kind: 'table', header: ['x'], rows: [['1']] }, { kind: 'text', text: 'First sentence here. Second one.' }, { kind: 'note', text: 'look' }] }),
    ]);
    expect(html).toContain('<div class="good"><dt>rank</dt><dd>3</dd></div><div class="warn"><dt>ties</dt><dd>2</dd></div>');
    expect(html).toContain('<h3><a href="#s-b">Beta</a><a class="badge" href="#s-b">1 note</a></h3><p>First sentence here.</p>');
    // The first section's first sentence is the page's lede.
    expect(html).toContain('<p class="lede">Alpha text.</p>');
  });
  it('escapes every piece of text and loads nothing', () => {
    const html = page([section('x"y', { title: '<b>', blocks: [{ kind: 'text', text: '<script>alert(1)</script>' }, { kind: 'table', header: ['<h>'], rows: [['a&b']] }] })]);
    expect(html).not.toMatch(/<script|<h>|https?:\/\/|<link|<img|@import|url\(/);
    expect(html).toContain('&lt;b&gt;</a></h2>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('id="s-x&quot;y"');
    expect(html).toContain('<title>my &lt;net&gt;: relu-exact report</title>');
  });
  it('lets long tables scroll inside a box, and says how long they are', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [String(i)]);
    const html = page([section('t', { blocks: [{ kind: 'table', header: ['i'], rows }] })]);
    expect(html).toContain('<p class="rows">40 rows (scroll inside the table)</p><div class="table scroll">');
    expect(page([section('t', { blocks: [{ kind: 'table', header: ['i'], rows: rows.slice(0, 5) }] })])).not.toContain('class="table scroll"');
  });
  it('puts the headline facts at the top of the text report too', () => {
    const text = renderText('T', [section('a', { title: 'Alpha', headline: [{ label: 'ties', value: '2', tone: 'warn' }] })]);
    expect(text).toMatch(/At a glance\n-+\nsection\s+fact\s+value\n[- ]+\nAlpha\s+ties\s+2  \(!\)/);
  });
});

describe('building the sections', () => {
  const ok: ReportSection = { id: 'ok', applies: () => true, build: () => ({ title: 'OK', blocks: [], json: { v: 1 } }) };
  const never: ReportSection = { id: 'never', applies: () => false, build: () => { throw new Error('not called'); } };
  const budget: ReportSection = { id: 'big', applies: () => true, build: () => { throw new BudgetExceededError('more than 10 patterns'); } };
  const broken: ReportSection = { id: 'broken', applies: () => true, build: () => { throw new TypeError('x is undefined'); } };
  it('keeps the others when one runs out of budget or fails, and reports the failure', () => {
    const { sections, failed } = buildSections({ digits: 6 }, [ok, never, budget, broken]);
    expect(sections.map((s) => s.id)).toEqual(['ok', 'big', 'broken']);
    expect(sections[1].blocks).toEqual([{ kind: 'note', text: 'Not computed: more than 10 patterns' }]);
    expect(sections[2].json).toEqual({ error: 'x is undefined', budgetExceeded: false });
    expect(failed).toEqual([{ id: 'broken', message: 'x is undefined' }]);
  });
});

describe('briefRational', () => {
  it.each([
    [Rational.of(3n), '3'],
    [Rational.of(11n, 4n), '11/4 (~2.75)'],
    [Rational.of(130885849406505n, 140737488355328n), '~0.93'],
    [Rational.of(-1n, 3n), '-1/3 (~-0.3333)'],
  ])('%s -> %s', (q, text) => {
    expect(briefRational(q)).toBe(text);
  });
});
