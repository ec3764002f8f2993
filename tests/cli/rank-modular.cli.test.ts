import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../src/core/rng.js';
import { primeAt } from '../../src/linalg/index.js';
import { randRank } from '../helpers/matrices.js';
import { runBinary, runInMemory } from '../helpers/cli.js';

const matrixFile = (rows: (string | number)[][]): string => JSON.stringify({ format: 'matrix/1', rows: rows.map((r) => r.map(String)) });

describe('relu-exact rank --method modular', () => {
  it('a 30x40 matrix of rank 17 (randRank): rank, nullity, the method and the time', async () => {
    const a = randRank(new SeededRng(17), 30, 40, 17);
    const files = { 'virtual:m.json': matrixFile(a.rows.map((r) => r.map(String))) };
    for (const method of ['modular', 'fraction-free', 'auto']) {
      const r = await runInMemory(['rank', '--matrix', 'virtual:m.json', '--method', method, '--json'], files);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out).toMatchObject({ rank: 17, nullity: 23, rows: 30, cols: 40, exact: true, method });
      expect(typeof out.seconds).toBe('number');
    }
  });

  it('an unlucky first prime ([[p, 0], [0, 1/2]] with p = 2^26 - 5) still gives rank 2, as the built binary', () => {
    const r = runBinary(['rank', '--matrix', 'tests/cli/fixtures/unlucky-prime.json', '--method', 'modular', '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ rank: 2, nullity: 0, method: 'modular' });
    expect(primeAt(0)).toBe(67108859);
  });

  it('the text summary says rank, nullity and seconds', async () => {
    const r = await runInMemory(['rank', '--matrix', 'virtual:m.json', '--method', 'modular'], { 'virtual:m.json': matrixFile([['1/2', 1], [1, 2]]) });
    expect(r.stdout).toMatch(/^rank 1, nullity 1 \(2x2, exact, \d+\.\d{3} s\)/);
  });
});
