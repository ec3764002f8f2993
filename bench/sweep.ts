/**
 * Sweep throughput: the same sweep on 1 and on 2 worker threads (and in the main thread, no
 * workers), measured alternately in one run, as the built binary runs it (`dist/`: run
 * `npm run build` first). The ratio 1 worker / 2 workers is the speed-up from the second core.
 * On a shared machine that ratio says more about the neighbours than about the sweep, so the
 * process's CPU time (user + system, from /usr/bin/time where present) is reported too: CPU
 * seconds per wall second is how many cores the sweep actually kept busy, and the CPU time
 * with 2 workers over that with 1 is the cost of parallelism (threads, copies, start-up).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions, Reporter } from './run.js';

const SPECS: { name: string; spec: Record<string, unknown> }[] = [
  {
    name: 'spline-random, pytorch init, H in 8..64, 40 seeds (160 instances)',
    spec: { format: 'sweep/1', task: 'spline-random', grid: { width: [8, 16, 32, 64], seed: [...Array(40).keys()] }, fixed: { weights: 'pytorch' } },
  },
  {
    name: 'init-stats, H = 256, 200 trials, 24 seeds (24 instances)',
    spec: { format: 'sweep/1', task: 'init-stats', grid: { seed: [...Array(24).keys()] }, fixed: { width: 256, trials: 200 } },
  },
  {
    name: 'eval-random, [4, 16, 16, 1], he-normal, 100 points, 32 seeds',
    spec: { format: 'sweep/1', task: 'eval-random', grid: { seed: [...Array(32).keys()] }, fixed: { widths: [4, 16, 16, 1], weights: 'he-normal', points: 100 } },
  },
];

const REPEATS = 3;

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function timeSweep(specFile: string, out: string, workers: number): { seconds: number; cpu: number; instances: number; busy: number } {
  rmSync(out, { force: true });
  const args = ['dist/cli/main.js', 'sweep', '--spec', specFile, '--out', out, '--workers', String(workers), '--json'];
  const r = TIME !== undefined ? spawnSync(TIME, ['-f', 'CPU %U %S', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sweep failed: ${r.stderr}`);
  const summary = JSON.parse(r.stdout) as { seconds: number; ran: number };
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  // The instances' own wall times over the workers' wall time: how busy the pool kept its workers.
  const msSum = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .reduce((a, l) => a + (JSON.parse(l) as { ms: number }).ms, 0);
  return { seconds: summary.seconds, cpu: m !== null ? Number(m[1]) + Number(m[2]) : NaN, instances: summary.ran, busy: msSum / 1000 / (Math.max(workers, 1) * summary.seconds) };
}

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(reporter: Reporter, _options: BenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'relu-exact-bench-sweep-'));
  const rows: string[][] = [];
  const load = loadavg()[0];
  for (const { name, spec } of SPECS) {
    const specFile = join(dir, 'spec.json');
    writeFileSync(specFile, JSON.stringify(spec));
    const times: Record<number, number[]> = { 0: [], 1: [], 2: [] };
    const cpu: Record<number, number[]> = { 0: [], 1: [], 2: [] };
    const busy: number[] = [];
    let instances = 0;
    for (let r = 0; r < REPEATS; r++) {
      for (const w of [0, 1, 2]) {
        reporter.progress(`${name}: ${w} worker(s), run ${r + 1}/${REPEATS}`);
        const t = timeSweep(specFile, join(dir, 'out.jsonl'), w);
        times[w].push(t.seconds);
        cpu[w].push(t.cpu);
        if (w === 2) busy.push(t.busy);
        instances = t.instances;
      }
    }
    const [t0, t1, t2] = [median(times[0]), median(times[1]), median(times[2])];
    const [c1, c2] = [median(cpu[1]), median(cpu[2])];
    rows.push([name, (instances / t0).toFixed(1), (instances / t1).toFixed(1), (instances / t2).toFixed(1), (t1 / t2).toFixed(2), (c2 / t2).toFixed(2), (c2 / c1).toFixed(2), `${(100 * median(busy)).toFixed(0)}%`]);
  }
  rmSync(dir, { recursive: true, force: true });
  reporter.table({
    title: 'Sweep throughput (instances per second, median of 3, wall time inside the sweep)',
    columns: ['sweep', 'main thread', '1 worker', '2 workers', 'speed-up 1 -> 2', 'cores busy (2 workers)', 'CPU time 2 / 1 workers', 'pool busy (2 workers)'],
    rows,
    notes: [
      `${availableParallelism()} cores; load average at the start ${load.toFixed(2)}, at the end ${loadavg()[0].toFixed(2)} (other processes share the cores: a busy machine caps the speed-up).`,
      'Throughput counts the sweep from its first instance to its last line (not the start-up of Node); CPU time is the whole process, start-up included.',
      'Pool busy: the sum of the instances\' own times over 2 x the sweep\'s time: the share of time both workers had an instance (start-up of the threads and hand-over are the rest).',
    ],
  });
}
