/**
 * Sweeps as a cluster runs them: the built binary in child processes, on worker threads, killed
 * with SIGKILL mid-sweep and resumed, split by --shard and by the Slurm and Kubernetes
 * environment variables, and merged.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = 'dist/cli/main.js';
const dir = mkdtempSync(join(tmpdir(), 'relu-exact-sweep-cli-'));

function write(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

function sweep(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  // A clean environment: no scheduler variables leak in from the machine running the tests.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLURM_') && k !== 'JOB_COMPLETION_INDEX'));
  const r = spawnSync(process.execPath, [BIN, 'sweep', ...args], { encoding: 'utf8', env: { ...base, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const keysOf = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l).key as string);

const resultsOf = (file: string): Map<string, string> =>
  new Map(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l))
      .map((l) => [l.key, JSON.stringify(l.result)]),
  );

describe.skipIf(!existsSync(BIN))('relu-exact sweep (the built binary)', () => {
  it('resumes after SIGKILL mid-sweep: every instance exactly once, nothing lost, nothing repeated', async () => {
    // 32 instances of about 30 ms each on 2 worker threads: about a second of work.
    const spec = write('kill.json', { format: 'sweep/1', task: 'init-stats', grid: { width: [128, 256], seed: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] }, fixed: { trials: 100 } });
    const out = join(dir, 'kill.jsonl');
    const child = spawn(process.execPath, [BIN, 'sweep', '--spec', spec, '--out', out, '--workers', '2'], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const lines = (): number => (existsSync(out) ? readFileSync(out, 'utf8').split('\n').length - 1 : 0);
    const deadline = Date.now() + 30_000;
    while (lines() < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const before = keysOf(out);
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(before.length).toBeLessThan(32); // killed mid-sweep
    expect(new Set(before).size).toBe(before.length);
    // A write cut short as well (as after a crash): half a line at the end.
    appendFileSync(out, '{"key":"{\\"seed\\":3');
    const resumed = sweep(['--spec', spec, '--out', out, '--workers', '2', '--resume', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('dropped a torn last line');
    expect(JSON.parse(resumed.stdout)).toMatchObject({ instances: 32, alreadyDone: before.length, ran: 32 - before.length, tornLineDropped: true });
    const after = keysOf(out);
    expect(after).toHaveLength(32);
    expect(new Set(after).size).toBe(32);
    expect(after.slice(0, before.length)).toEqual(before); // the lines written before the kill are kept as they were
    // The same results as a sweep that was never interrupted (init-stats is seeded).
    const clean = join(dir, 'clean.jsonl');
    expect(sweep(['--spec', spec, '--out', clean, '--workers', '2']).code).toBe(0);
    expect(resultsOf(out)).toEqual(resultsOf(clean));
  });

  it('splits the grid the same way by --shard, Slurm arrays and Kubernetes indexed jobs; merge joins the shards', () => {
    const spec = write('shard.json', { format: 'sweep/1', task: 'eval-random', grid: { widths: [[1, 3, 1], [2, 4, 4, 1]], seed: [0, 1, 2, 3, 4, 5, 6] }, fixed: { points: 8 }, shards: 3 });
    const ways: [string, (k: number) => { args: string[]; env?: Record<string, string> }][] = [
      ['flag', (k) => ({ args: ['--shard', `${k}/3`] })],
      ['slurm', (k) => ({ args: [], env: { SLURM_ARRAY_TASK_ID: String(k + 1), SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3' } })],
      ['k8s', (k) => ({ args: [], env: { JOB_COMPLETION_INDEX: String(k) } })], // the count, 3, comes from the spec
    ];
    const shardKeys: Record<string, string[][]> = {};
    for (const [name, way] of ways) {
      shardKeys[name] = [0, 1, 2].map((k) => {
        const { args, env } = way(k);
        const r = sweep(['--spec', spec, '--out', join(dir, `${name}-{shard}.jsonl`), '--workers', '1', ...args], env);
        expect(r.code, r.stderr).toBe(0);
        return keysOf(join(dir, `${name}-${k}.jsonl`)).sort();
      });
    }
    expect(shardKeys['slurm']).toEqual(shardKeys['flag']);
    expect(shardKeys['k8s']).toEqual(shardKeys['flag']);
    const all = shardKeys['flag'].flat();
    expect(all).toHaveLength(14);
    expect(new Set(all).size).toBe(14); // disjoint, and together the whole grid
    expect(shardKeys['flag'].map((s) => s.length)).toEqual([5, 5, 4]);

    const merged = join(dir, 'merged.jsonl');
    const m = sweep(['merge', ...[0, 1, 2].map((k) => join(dir, `flag-${k}.jsonl`)), '--out', merged, '--spec', spec, '--json']);
    expect(m.code, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout)).toMatchObject({ instances: 14, duplicates: 0, conflicts: [], missing: [], complete: true });
    const whole = join(dir, 'whole.jsonl');
    expect(sweep(['--spec', spec, '--out', whole, '--shard', '0/1', '--workers', '2']).code).toBe(0);
    expect(resultsOf(merged)).toEqual(resultsOf(whole));
    // In grid order, whatever order the shards finished in.
    expect(readFileSync(merged, 'utf8').trim().split('\n').map((l) => JSON.parse(l).index)).toEqual([...Array(14).keys()]);

    // A shard lost, another run twice: merge says which instances are missing and drops the duplicates.
    const partial = sweep(['merge', join(dir, 'flag-0.jsonl'), join(dir, 'slurm-0.jsonl'), join(dir, 'k8s-2.jsonl'), '--out', join(dir, 'partial.jsonl'), '--spec', spec]);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('5 duplicate lines dropped');
    expect(partial.stdout).toContain('MISSING 5 of 14 instances');
  });

  it('refuses bad input with exit 2 and one line', () => {
    const spec = write('bad.json', { format: 'sweep/1', task: 'spline-random', grid: { width: [1, 'two'] } });
    const r = sweep(['--spec', spec, '--out', join(dir, 'bad.jsonl')]);
    expect([r.code, r.stderr.trimEnd().split('\n').length]).toEqual([2, 1]);
    expect(r.stderr).toContain('grid.width[1]: expected an integer in [1, 10000], got "two"');
    const ok = write('ok.json', { format: 'sweep/1', task: 'spline-random', grid: { width: [1, 2] } });
    expect(sweep(['--spec', ok, '--out', join(dir, 'ok.jsonl'), '--workers', '0']).code).toBe(0);
    const again = sweep(['--spec', ok, '--out', join(dir, 'ok.jsonl')]);
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('already holds results: pass --resume')]);
    expect(sweep(['--spec', ok, '--out', 'x.jsonl'], { JOB_COMPLETION_INDEX: '0' }).stderr).toContain('pass --shards N');
  });
});
