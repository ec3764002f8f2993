import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports point one way (STYLE.md): core -> field -> linalg -> lp -> network -> arrangement ->
 * spline -> analyses -> cli, with float kernels beside. Each module lists what it may import.
 */
const LOWER = ['core', 'field', 'linalg', 'lp', 'network', 'arrangement', 'spline', 'analyses'];
const below = (m: string): string[] => LOWER.slice(0, LOWER.indexOf(m));
const ALLOWED: Record<string, string[]> = {
  ...Object.fromEntries(LOWER.map((m) => [m, below(m)])),
  float: ['core'],
  analyses: [...below('analyses'), 'float'],
  dynamics: ['core', 'field', 'linalg', 'float', 'network', 'spline'],
  testing: ['core', 'field', 'linalg', 'network', 'verify'],
  // The certificate verifier shares nothing with the algorithms it checks: parsing and rationals only.
  verify: ['core', 'field', 'network'],
  // relu-exact/vitest: exact matchers over the analyses.
  matchers: [...LOWER],
  // Sweeps run any analysis over a grid: they sit just under the CLI.
  sweep: [...LOWER, 'float', 'dynamics', 'testing'],
  cli: [...LOWER, 'float', 'dynamics', 'testing', 'sweep', 'verify'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('module layering', () => {
  const files = sourceFiles('src').filter((f) => relative('src', f).includes('/'));
  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(10);
  });
  it.each(files.map((f) => [relative('src', f)]))('%s imports only from allowed modules', (file) => {
    const module = file.split('/')[0];
    expect(Object.keys(ALLOWED), `unknown module ${module}: add it to the layering table`).toContain(module);
    const imports = [...readFileSync(join('src', file), 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) {
      const target = relative('src', join('src', file, '..', spec)).split('/')[0];
      if (target === module) continue;
      expect(ALLOWED[module], `${file} imports ${spec}`).toContain(target);
    }
  });
});
