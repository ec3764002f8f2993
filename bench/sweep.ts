/**
 * Sweep throughput: the same sweep on 1 and on 2 worker threads (and in the main thread, no
 * workers), measured alternately in one run, as the built binary runs it (`dist/`: run
 * `npm run build` first). The ratio 1 worker / 2 workers is the speed-up from the second core;
 * the load average printed with the table says how busy the machine was.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions, Reporter } from './run.js';

const SPECS: { name: string; spec: Record<string, unknown> }[] = [
  {
    name: 'spline-random, pytorch init, H in 8..64, 40 seeds (160 instances)',
    spec: { format: 'sweep/1', task: 'spline-random', grid: { width: [8, 16, 32, 64], seed: [...Array(40).keys()] }, fixed: { weights: 'pytorch' } },
  },
  {
    name: 'init-stats, H = 256, 300 trials, 24 seeds (24 instances)',
    spec: { format: 'sweep/1', task: 'init-stats', grid: { seed: [...Array(24).keys()] }, fixed: { width: 256, trials: 300 } },
  },
  {
    name: 'eval-random, [4, 16, 16, 1], he-normal, 200 points, 64 seeds',
    spec: { format: 'sweep/1', task: 'eval-random', grid: { seed: [...Array(64).keys()] }, fixed: { widths: [4, 16, 16, 1], weights: 'he-normal', points: 200 } },
  },
];

const REPEATS = 3;

function timeSweep(specFile: string, out: string, workers: number): { seconds: number; instances: number } {
  rmSync(out, { force: true });
  const r = spawnSync(process.execPath, ['dist/cli/main.js', 'sweep', '--spec', specFile, '--out', out, '--workers', String(workers), '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sweep failed: ${r.stderr}`);
  const summary = JSON.parse(r.stdout) as { seconds: number; ran: number };
  return { seconds: summary.seconds, instances: summary.ran };
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
    let instances = 0;
    for (let r = 0; r < REPEATS; r++) {
      for (const w of [0, 1, 2]) {
        reporter.progress(`${name}: ${w} worker(s), run ${r + 1}/${REPEATS}`);
        const t = timeSweep(specFile, join(dir, 'out.jsonl'), w);
        times[w].push(t.seconds);
        instances = t.instances;
      }
    }
    const [t0, t1, t2] = [median(times[0]), median(times[1]), median(times[2])];
    rows.push([name, (instances / t0).toFixed(1), (instances / t1).toFixed(1), (instances / t2).toFixed(1), (t1 / t2).toFixed(2)]);
  }
  rmSync(dir, { recursive: true, force: true });
  reporter.table({
    title: 'Sweep throughput (instances per second, median of 3, wall time inside the sweep)',
    columns: ['sweep', 'main thread', '1 worker', '2 workers', 'speed-up 1 -> 2'],
    rows,
    notes: [`${availableParallelism()} cores; load average at the start ${load.toFixed(2)} (other processes share the cores: a busy machine caps the speed-up).`],
  });
}
