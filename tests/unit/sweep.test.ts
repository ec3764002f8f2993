import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/core/errors.js';
import { mergeResults } from '../../src/sweep/merge.js';
import { parseResults, type ResultLine } from '../../src/sweep/results.js';
import { planSweep, runSweep } from '../../src/sweep/run-sweep.js';
import { expandOutPath, inShard, parseShard, resolveShard, WHOLE, type Shard } from '../../src/sweep/shard.js';
import { canonicalJson, instanceCount, iterInstances, readSweepSpec } from '../../src/sweep/spec.js';
import { TASKS } from '../../src/sweep/tasks/index.js';

const specText = (o: Record<string, unknown>): string => JSON.stringify({ format: 'sweep/1', ...o });
const spec = (o: Record<string, unknown>) => readSweepSpec(specText(o), TASKS, { file: 's.json' });
const SMALL = { task: 'spline-random', grid: { width: [1, 2, 3], seed: [0, 1, 2, 3] }, fixed: { range: 2 } };
const tmp = (): string => mkdtempSync(join(tmpdir(), 'relu-exact-sweep-'));

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('sweep specs', () => {
  it('expand to the product of the grid, the last key fastest, with fixed parameters and defaults', () => {
    const s = spec(SMALL);
    const all = [...iterInstances(s)];
    expect(instanceCount(s)).toBe(12);
    expect(all.slice(0, 5).map((i) => i.key)).toEqual([
      '{"seed":0,"width":1}',
      '{"seed":1,"width":1}',
      '{"seed":2,"width":1}',
      '{"seed":3,"width":1}',
      '{"seed":0,"width":2}',
    ]);
    expect(all[5].params).toEqual({ range: 2, weights: 'integers', 'max-states': 65536, width: 2, seed: 1 });
    expect(new Set(all.map((i) => i.key)).size).toBe(12);
  });
  it('identify instances by key, whatever the order of the grid; the spec id follows task and fixed parameters only', () => {
    const a = spec(SMALL);
    const b = spec({ ...SMALL, grid: { seed: [3, 2, 1, 0, 4], width: [3, 2, 1] } });
    const keys = (s: typeof a) => new Set([...iterInstances(s)].map((i) => i.key));
    expect([...keys(a)].every((k) => keys(b).has(k))).toBe(true);
    expect(b.id).toBe(a.id);
    expect(spec({ ...SMALL, fixed: { range: 3 } }).id).not.toBe(a.id);
    expect(spec({ ...SMALL, fixed: {}, grid: { ...SMALL.grid } }).id).not.toBe(a.id); // range back to its default 3
  });
  it.each([
    [{ task: 'magic' }, 's.json: task: unknown task "magic"; the tasks are: init-stats, spline-random, eval-random'],
    [{ task: 'spline-random', grid: { widht: [1] } }, 's.json: grid.widht: task spline-random has no parameter "widht" (its parameters: width, seed, weights, range, max-states)'],
    [{ task: 'spline-random', grid: { width: [1, 2, 0] } }, 's.json: grid.width[2]: expected an integer in [1, 10000], got 0'],
    [{ task: 'spline-random', grid: { width: [1, 1] } }, 's.json: grid.width[1]: 1 appears twice'],
    [{ task: 'spline-random', grid: { width: 4 } }, 'grid.width: expected a non-empty list of values'],
    [{ task: 'spline-random', grid: { width: [1] }, fixed: { width: 2 } }, '"width" is both in grid and in fixed'],
    [{ task: 'spline-random', fixed: { weights: 'xavier' } }, 'fixed.weights: expected one of integers, pytorch'],
    [{ task: 'spline-random' }, 'task spline-random needs "width" (hidden width H): give it in grid or fixed'],
    [{ task: 'eval-random', grid: { widths: [[2, 3, 1], [2, 0, 1]] } }, 'grid.widths[1]: expected a list of 2 to 64 integers in [1, 10000], got [2,0,1]'],
    [{ task: 'spline-random', fixed: { width: 1 }, shards: 0 }, 'shards: expected a positive integer, got 0'],
    [{ task: 'spline-random', fixed: { width: 1 }, repeat: 2 }, 'unknown key "repeat"'],
  ])('refuse %j', (o, message) => {
    const e = errorOf(() => spec(o));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toContain(message);
  });
  it('refuse an instance the task cannot run, before running any', () => {
    const s = spec({ task: 'eval-random', grid: { widths: [[2, 3, 1], [2, 3, 2]] } });
    expect(errorOf(() => planSweep(s, { out: join(tmp(), 'r.jsonl'), shard: WHOLE, version: 't' })).message).toContain('instance {"widths":[2,3,2]}: widths must end in 1');
  });
});

describe('sharding', () => {
  test.prop([fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 9 })])('the shards are pairwise disjoint, their union is the grid, and they differ in size by at most one', (n, count) => {
    const owners = Array.from({ length: n }, (_, i) => Array.from({ length: count }, (_, k) => k).filter((k) => inShard(i, { index: k, count, source: 't' })));
    expect(owners.every((o) => o.length === 1)).toBe(true);
    const sizes = Array.from({ length: count }, (_, k) => owners.filter((o) => o[0] === k).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
  const same = (a: Shard, b: Shard) => [a.index, a.count, b.index, b.count];
  it('reads the same split from --shard, Slurm job arrays and Kubernetes indexed jobs', () => {
    for (let i = 0; i < 4; i++) {
      const flag = parseShard(`${i}/4`);
      const slurm = resolveShard({ env: { SLURM_ARRAY_TASK_ID: String(i), SLURM_ARRAY_TASK_COUNT: '4' } });
      const slurmFrom1 = resolveShard({ env: { SLURM_ARRAY_TASK_ID: String(i + 1), SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '1' } });
      const slurmStep = resolveShard({ env: { SLURM_ARRAY_TASK_ID: String(10 + 5 * i), SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '10', SLURM_ARRAY_TASK_STEP: '5' } });
      const k8s = resolveShard({ env: { JOB_COMPLETION_INDEX: String(i) }, count: 4 });
      for (const s of [slurm, slurmFrom1, slurmStep, k8s]) expect(same(s, flag)).toEqual([i, 4, i, 4]);
      expect([slurm.source, k8s.source]).toEqual(['SLURM_ARRAY_TASK_ID', 'JOB_COMPLETION_INDEX']);
    }
    expect(resolveShard({ shard: '1/2', env: { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '4' } })).toEqual({ index: 1, count: 2, source: '--shard' });
    expect(resolveShard({ env: {} })).toEqual(WHOLE);
  });
  it.each([
    [() => parseShard('4/4'), '--shard must be i/N with 0 <= i < N'],
    [() => parseShard('1-4'), '--shard must be i/N'],
    [() => resolveShard({ env: { SLURM_ARRAY_TASK_ID: '2' } }), 'SLURM_ARRAY_TASK_COUNT is not'],
    [() => resolveShard({ env: { SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_COUNT: '4' } }), 'SLURM_ARRAY_TASK_ID=7 is not one of the 4 tasks'],
    [() => resolveShard({ env: { JOB_COMPLETION_INDEX: '1' } }), 'pass --shards N'],
    [() => resolveShard({ env: { JOB_COMPLETION_INDEX: '5' }, count: 5 }), 'only 5 shards'],
    [() => resolveShard({ env: { JOB_COMPLETION_INDEX: 'x' }, count: 5 }), 'JOB_COMPLETION_INDEX must be a non-negative integer'],
  ])('refuses a bad shard (%#)', (f, message) => {
    const e = errorOf(f);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toContain(message);
  });
  it('puts the shard into the output path', () => {
    expect(expandOutPath('out/r-{shard}-of-{shards}.jsonl', { index: 3, count: 8, source: 't' })).toBe('out/r-3-of-8.jsonl');
  });
});

describe('results files', () => {
  const line = (key: string, extra: Partial<ResultLine> = {}): string => JSON.stringify({ key, index: 0, task: 't', spec: 'x', ok: true, result: { v: key }, params: {}, ms: 1, version: 'v', ...extra }) + '\n';
  it('tolerate a torn last line, and refuse a corrupt one elsewhere with its number', () => {
    const text = line('a') + line('b') + '{"key":"c","ind';
    const parsed = parseResults(text);
    expect(parsed.lines.map((l) => l.key)).toEqual(['a', 'b']);
    expect(parsed.torn).toBe('{"key":"c","ind');
    expect(parsed.completeBytes).toBe(Buffer.byteLength(line('a') + line('b')));
    expect(() => parseResults(line('a') + '{oops\n' + line('b'), 'r.jsonl')).toThrow('r.jsonl: line 2 is not JSON');
    expect(() => parseResults('{"a": 1}\n')).toThrow('line 1 is not a sweep result');
  });
  it('merge to one line per key: identical duplicates dropped, conflicts listed, success over failure', () => {
    const { text, report } = mergeResults([
      { file: 'A', text: line('a') + line('b') + line('c', { ok: false, error: 'boom', result: undefined }) },
      { file: 'B', text: line('a') + line('b', { result: { v: 'other' } }) + line('c') + '{"torn' },
    ]);
    expect(text.split('\n').filter(Boolean).map((l) => [JSON.parse(l).key, JSON.parse(l).ok])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
    ]);
    expect(report).toMatchObject({ files: 2, lines: 6, instances: 3, duplicates: 3, conflicts: ['b'], torn: ['B'], missing: null, failed: 0 });
    expect(() => mergeResults([{ file: 'A', text: line('a') }, { file: 'B', text: line('b', { spec: 'y' }) }])).toThrow('these are not shards of one sweep');
  });
});

describe('running a sweep (in the main thread)', () => {
  it('writes one line per instance; a resumed sweep runs only what is missing, after a torn line', async () => {
    const dir = tmp();
    const s = spec(SMALL);
    const full = join(dir, 'full.jsonl');
    await runSweep(planSweep(s, { out: full, shard: WHOLE, version: 't' }), { workers: 0, version: 't' });
    const fullLines = parseResults(readFileSync(full, 'utf8')).lines;
    expect(fullLines.map((l) => l.key).sort()).toEqual([...iterInstances(s)].map((i) => i.key).sort());
    // A sweep cut short: 5 complete lines and half of a sixth.
    const part = join(dir, 'part.jsonl');
    const text = readFileSync(full, 'utf8').split('\n');
    writeFileSync(part, text.slice(0, 5).join('\n') + '\n' + text[5].slice(0, 30));
    expect(() => planSweep(s, { out: part, shard: WHOLE, version: 't' })).toThrow('already holds results: pass --resume');
    const plan = planSweep(s, { out: part, shard: WHOLE, resume: true, version: 't' });
    expect([plan.done.size, plan.todo.length, plan.torn?.length]).toEqual([5, 7, 30]);
    await runSweep(plan, { workers: 0, version: 't' });
    const resumed = parseResults(readFileSync(part, 'utf8'));
    expect(resumed.torn).toBeNull();
    expect(resumed.lines.map((l) => l.key).sort()).toEqual(fullLines.map((l) => l.key).sort());
    // Deterministic: the same results as the uninterrupted run.
    const byKey = new Map(fullLines.map((l) => [l.key, canonicalJson(l.result)]));
    expect(resumed.lines.every((l) => byKey.get(l.key) === canonicalJson(l.result))).toBe(true);
    // Nothing left: a second resume runs nothing.
    expect(planSweep(s, { out: part, shard: WHOLE, resume: true, version: 't' }).todo).toHaveLength(0);
  });
  it('does not repeat a recorded failure on resume, unless asked to retry failures', () => {
    const s = spec(SMALL);
    const out = join(tmp(), 'r.jsonl');
    const [first] = iterInstances(s);
    writeFileSync(out, JSON.stringify({ key: first.key, index: 0, task: 'spline-random', spec: s.id, ok: false, error: 'budget', params: first.params, ms: 1, version: 't' }) + '\n');
    expect(planSweep(s, { out, shard: WHOLE, resume: true, version: 't' }).todo.map((i) => i.key)).not.toContain(first.key);
    expect(planSweep(s, { out, shard: WHOLE, resume: true, retryFailed: true, version: 't' }).todo.map((i) => i.key)).toContain(first.key);
  });
  it('refuses to resume a file of another spec', async () => {
    const out = join(tmp(), 'r.jsonl');
    await runSweep(planSweep(spec(SMALL), { out, shard: WHOLE, version: 't' }), { workers: 0, version: 't' });
    expect(() => planSweep(spec({ ...SMALL, fixed: { range: 5 } }), { out, shard: WHOLE, resume: true, version: 't' })).toThrow('holds results of another spec');
  });
  it('merges shards into the unsharded result, and reports a missing shard against the spec', async () => {
    const dir = tmp();
    const s = spec(SMALL);
    const files = [0, 1, 2].map((k) => join(dir, `r-${k}.jsonl`));
    for (let k = 0; k < 3; k++) await runSweep(planSweep(s, { out: files[k], shard: { index: k, count: 3, source: 't' }, version: 't' }), { workers: 0, version: 't' });
    const whole = join(dir, 'whole.jsonl');
    await runSweep(planSweep(s, { out: whole, shard: WHOLE, version: 't' }), { workers: 0, version: 't' });
    const read = (f: string) => ({ file: f, text: readFileSync(f, 'utf8') });
    const merged = mergeResults(files.map(read), s);
    expect(merged.report).toMatchObject({ instances: 12, duplicates: 0, conflicts: [], missing: [], extra: [], complete: true });
    const order = new Map([...iterInstances(s)].map((i) => [i.key, i.index]));
    const strip = (text: string) => parseResults(text).lines.map((l) => [l.key, canonicalJson(l.result)]);
    expect(strip(merged.text)).toEqual(strip(readFileSync(whole, 'utf8')).sort((a, b) => order.get(a[0])! - order.get(b[0])!));
    const partial = mergeResults([read(files[0]), read(files[2]), read(files[2])], s);
    expect(partial.report.missing).toEqual([...iterInstances(s)].filter((i) => i.index % 3 === 1).map((i) => i.key));
    expect(partial.report).toMatchObject({ duplicates: 4, complete: false });
  });
});

describe('the tasks', () => {
  const task = (name: string) => TASKS.find((t) => t.name === name)!;
  it('are deterministic: the same parameters give the same result', () => {
    for (const [name, params] of [
      ['spline-random', { width: 6, seed: 3, weights: 'pytorch', range: 3, 'max-states': 65536 }],
      ['eval-random', { widths: [2, 4, 3, 1], seed: 1, points: 10, weights: 'he-normal', range: 2 }],
      ['init-stats', { width: 8, scheme: 'pytorch', bias: 'default', trials: 20, seed: 2 }],
    ] as const) {
      expect(canonicalJson(task(name).run(params))).toBe(canonicalJson(task(name).run(params)));
    }
  });
  it('eval-random: float64 is exact on integer weights and dyadic points (every value has few bits), and not on converted initialisations', () => {
    const ints = task('eval-random').run({ widths: [2, 5, 5, 1], seed: 4, points: 40, weights: 'integers', range: 3 });
    expect(ints).toMatchObject({ floatExact: true, floatMaxAbsError: '0' });
    expect(ints['maxValueBits'] as number).toBeLessThan(53);
    const floats = task('eval-random').run({ widths: [3, 16, 16, 1], seed: 4, points: 40, weights: 'he-normal', range: 3 });
    expect(floats['floatExact']).toBe(false);
    expect(floats['floatMaxAbsErrorApprox'] as number).toBeLessThan(1e-12);
  });
  it('spline-random: a width-1 net has minimal width = its number of knots (0 or 1); continuous initialisations give irreducible nets', () => {
    for (let seed = 0; seed < 20; seed++) {
      const r = task('spline-random').run({ width: 1, seed, weights: 'integers', range: 2, 'max-states': 65536 });
      // One neuron: a kink (facing either way, one neuron makes it: minimal width 1), or a constant (width 0).
      expect(r['knots'] as number).toBeLessThanOrEqual(1);
      expect(r['minimalWidth']).toBe(r['knots']);
    }
    for (let seed = 0; seed < 5; seed++) {
      const r = task('spline-random').run({ width: 12, seed, weights: 'pytorch', range: 3, 'max-states': 65536 });
      expect(r).toMatchObject({ knots: 12, minimalWidth: 12, reducible: false, sharedBreakpoints: 0 });
    }
  });
  it('init-stats: the PyTorch default agrees with its closed forms (|z| < 5)', () => {
    const r = task('init-stats').run({ width: 32, scheme: 'pytorch', bias: 'default', trials: 400, seed: 1 });
    expect(r['maxAbsZ'] as number).toBeLessThan(5);
  });
});

describe('the worker pool', () => {
  it('fails at once, with a clear message, when a worker thread cannot start (here: no compiled worker next to the sources)', async () => {
    const { runPool } = await import('../../src/sweep/pool.js');
    const outcomes: unknown[] = [];
    await expect(runPool([{ index: 0, task: 'spline-random', params: { width: 1 } }], { workers: 1, onOutcome: (o) => outcomes.push(o) })).rejects.toThrow('a sweep worker thread could not start');
    expect(outcomes).toEqual([]);
  });
});

describe('the worker pool, when a worker dies', () => {
  it('records the instance it was running as failed, replaces the worker, and runs everything else', async () => {
    const { runPool } = await import('../../src/sweep/pool.js');
    const file = join(tmp(), 'dying-worker.mjs');
    // A worker that exits (as an out-of-memory worker would) on instance 3, and answers the others.
    writeFileSync(
      file,
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', (r) => { if (r.index === 3) process.exit(7); parentPort.postMessage({ index: r.index, ok: true, result: { twice: 2 * r.index }, ms: 0 }); });
       parentPort.postMessage('ready');`,
    );
    const outcomes: { index: number; ok: boolean; error?: string }[] = [];
    const requests = Array.from({ length: 8 }, (_, index) => ({ index, task: 't', params: {} }));
    await runPool(requests, { workers: 2, workerUrl: pathToFileURL(file), onOutcome: (o) => outcomes.push(o) });
    expect(outcomes.map((o) => o.index).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(outcomes.find((o) => o.index === 3)).toMatchObject({ ok: false, error: 'the worker thread died: exit code 7' });
    expect(outcomes.filter((o) => o.ok)).toHaveLength(7);
  });
});

describe('the example spec (README)', () => {
  it('reads, with 4 x 3 x 10 instances in 8 shards', () => {
    const s = readSweepSpec(readFileSync('examples/sweep/spline-random.json', 'utf8'), TASKS);
    expect([instanceCount(s), s.shards, s.task.name]).toEqual([120, 8, 'spline-random']);
  });
});
