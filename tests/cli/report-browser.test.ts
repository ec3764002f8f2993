/**
 * The HTML report as a reader sees it: rendered by headless Chromium (Debian's `chromium`, which
 * .ci/run installs), driven by playwright-core. Checks that the page shows (title, every section,
 * the summary, SVG figures with a nonzero size), logs no console error, and asks the network for
 * nothing: the only request is the page itself.
 *
 * Why playwright-core and not `chromium --dump-dom`: the dump shows the DOM but neither console
 * errors nor requests nor layout sizes; playwright-core reports all three, drives the system
 * browser through `executablePath` and downloads nothing. Skips, with a note, where Chromium or
 * playwright-core is absent.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBinary } from '../helpers/cli.js';

const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => p !== undefined && p !== '');
const chromiumPath = CANDIDATES.find((p) => existsSync(p));
type Playwright = typeof import('playwright-core');
const playwright: Playwright | undefined = await import('playwright-core').catch(() => undefined);
const skip = chromiumPath === undefined || playwright === undefined;
if (skip) console.warn(`NOTE: the browser test of the HTML report is skipped: ${chromiumPath === undefined ? `no Chromium at ${CANDIDATES.join(', ')} (apt-get install chromium, or set CHROMIUM_PATH)` : 'playwright-core is not installed'}`);

/** The flags that work on this kind of machine (closed network, root): see the machine notes. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Rendered {
  title: string;
  sectionIds: string[];
  headings: string[];
  cards: number;
  svgSizes: { width: number; height: number }[];
  consoleErrors: string[];
  requests: string[];
  failed: string[];
}

describe.skipIf(skip)('the HTML report in headless Chromium', () => {
  let browser: Awaited<ReturnType<Playwright['chromium']['launch']>>;
  const dir = mkdtempSync(join(tmpdir(), 'relu-exact-report-'));

  beforeAll(async () => {
    browser = await playwright!.chromium.launch({ executablePath: chromiumPath, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function render(file: string): Promise<Rendered> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    const failed: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const result: Rendered = {
      title: await page.title(),
      sectionIds: await page.locator('main > section[id^="s-"]').evaluateAll((els) => els.map((e) => e.id.slice(2))),
      headings: await page.locator('main > section h2').allTextContents(),
      cards: await page.locator('.summary .card').count(),
      svgSizes: [],
      consoleErrors,
      requests,
      failed,
    };
    for (const svg of await page.locator('figure svg').all()) {
      const box = await svg.boundingBox();
      result.svgSizes.push({ width: box?.width ?? 0, height: box?.height ?? 0 });
    }
    await page.close();
    return result;
  }

  function report(args: string[], name: string): { file: string; sections: string[] } {
    const file = join(dir, name);
    const r = runBinary(['report', ...args, '--out', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return { file, sections: JSON.parse(r.stdout).sections };
  }

  it('shows the bundled report: title, every section, the summary and its figures, with no console error and no network request', async () => {
    const { file, sections } = report([], 'bundled.html');
    const page = await render(file);
    expect(page.title).toContain('relu-exact report');
    expect(page.sectionIds).toEqual(sections);
    expect(sections).toEqual(expect.arrayContaining(['network', 'data', 'evaluation', 'spline']));
    expect(page.headings[0]).toBe('At a glance');
    expect(page.cards).toBe(sections.length);
    expect(page.svgSizes.length).toBeGreaterThanOrEqual(1);
    for (const s of page.svgSizes) expect(s.width * s.height).toBeGreaterThan(100);
    expect(page.consoleErrors).toEqual([]);
    expect(page.failed).toEqual([]);
    expect(page.requests).toEqual([pathToFileURL(file).href]);
  });

  it('shows the report of an imported PyTorch net in the same way', async () => {
    const { file, sections } = report(['--net', 'examples/torch/tiny.safetensors'], 'imported.html');
    const page = await render(file);
    expect(page.sectionIds).toEqual(sections);
    expect(sections).toContain('imported');
    expect(page.headings).toContain('Imported from PyTorch');
    expect(page.svgSizes.every((s) => s.width > 0 && s.height > 0)).toBe(true);
    expect([page.consoleErrors, page.failed, page.requests.length]).toEqual([[], [], 1]);
  });
});
