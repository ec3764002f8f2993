/**
 * `relu-exact check`: the theorem checks of proofs/ and the conjectures, with certificates.
 * The registry (dist/proofs, reached as 'relu-exact/proofs') is loaded on demand, because it
 * needs fast-check, a peer dependency that the other commands do not.
 */
import { UsageError } from '../../core/errors.js';
import type { AnyTheorem, Certificate, ConjectureReport, Conjecture, RunOptions, TheoremReport } from '../../testing/index.js';
import type { Command, CommandContext } from '../command.js';
import { integerOption, printJson } from '../inputs.js';
import { progressBar } from '../progress.js';
import { table } from '../text.js';

interface ProofsModule {
  THEOREMS: readonly AnyTheorem[];
  CONJECTURES: readonly Conjecture<unknown>[];
  runTheorem(theorem: AnyTheorem, options?: RunOptions): TheoremReport;
  checkConjecture(conjecture: Conjecture<unknown>, options?: { seed?: number; numRuns?: number }): ConjectureReport<unknown>;
}

async function loadProofs(): Promise<ProofsModule> {
  const specifier = 'relu-exact/proofs'; // a variable: resolved at run time (dist/proofs), not by the compiler
  try {
    return (await import(specifier)) as ProofsModule;
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    if (/fast-check/.test(message)) throw new UsageError('check needs fast-check, a peer dependency of relu-exact: npm install fast-check');
    throw e;
  }
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'run the theorem checks of proofs/ (or a conjecture), exactly, with certificates',
  description:
    'Each theorem is checked on all small instances of a size (or seeded random ones) with exact arithmetic; every instance gets a ' +
    'certificate/1 that the independent verifier re-checks on the spot (--certificates DIR writes them, DIR/NAME/INDEX.json). A failing ' +
    'check is shrunk with fast-check to a minimal counterexample, printed and written as DIR/NAME/counterexample.json; the exit code is then 1. ' +
    'A pending theorem (a statement whose module is not there yet; none at present) says what it needs. --conjecture NAME searches a conjecture for a counterexample ' +
    '(exit 0 either way). --list prints the registry. Sizes mean different things per theorem (points, width, grid height): --size needs a NAME.',
  options: {
    size: { type: 'string', valueName: 'S', description: "instance size (the theorem's own meaning and range; see --list)" },
    seed: { type: 'string', valueName: 'K', default: '1', description: 'seed for random instances and shrinking' },
    certificates: { type: 'string', valueName: 'DIR', description: 'write every certificate (and counterexamples) under DIR' },
    conjecture: { type: 'string', valueName: 'NAME', description: 'search a conjecture for a counterexample instead' },
    list: { type: 'boolean', description: 'list the theorems and conjectures with their sizes and sources' },
  },
  positionals: [{ name: 'NAME', description: 'one theorem (default: all)' }],
  async run(ctx) {
    const proofs = await loadProofs();
    const seed = integerOption(ctx, 'seed', { max: 2 ** 31 - 1 });
    if (ctx.options['list'] === true) return list(ctx, proofs);
    if (typeof ctx.options['conjecture'] === 'string') {
      if (ctx.positionals.length > 0) throw new UsageError('give either a theorem NAME or --conjecture NAME, not both');
      return conjecture(ctx, proofs, ctx.options['conjecture'], seed);
    }
    const name = ctx.positionals[0];
    const chosen = name === undefined ? proofs.THEOREMS : proofs.THEOREMS.filter((t) => t.name === name);
    if (chosen.length === 0) throw new UsageError(`unknown theorem ${JSON.stringify(name)}; the theorems are: ${proofs.THEOREMS.map((t) => t.name).join(', ')}`);
    if (ctx.options['size'] !== undefined && name === undefined) throw new UsageError('--size needs a theorem NAME: sizes mean different things per theorem (see relu-exact check --list)');
    const size = ctx.options['size'] !== undefined ? integerOption(ctx, 'size', { min: 0 }) : undefined;
    for (const t of chosen) {
      if (size !== undefined && t.status === 'ready' && (size < t.size.min || size > t.size.max)) throw new UsageError(`${t.name}: size must be an integer in [${t.size.min}, ${t.size.max}] (${t.size.meaning}), got ${size}`);
    }
    const dir = ctx.options['certificates'] as string | undefined;
    const reports = chosen.map((theorem) => {
      const bar = progressBar(ctx.io, theorem.name.padEnd(34));
      const report = proofs.runTheorem(theorem, {
        size,
        seed,
        onProgress: (done, total) => bar.update(done / total),
        onCertificate: dir === undefined ? undefined : (index, cert) => writeCertificate(ctx, dir, theorem.name, String(index), cert),
      });
      if (theorem.status === 'ready') bar.done();
      if (dir !== undefined && report.counterexample?.certificate) writeCertificate(ctx, dir, theorem.name, 'counterexample', report.counterexample.certificate);
      return report;
    });
    const failed = reports.some((r) => r.failed > 0);
    // The shrunk instance is in the counterexample's certificate (as JSON) and printed; the live value stays out.
    const plain = reports.map((r) => (r.counterexample === null ? r : { ...r, counterexample: { ...r.counterexample, value: undefined } }));
    if (ctx.json) printJson(ctx, { theorems: plain, passed: !failed, seed, certificates: dir ?? null });
    else ctx.io.stdout(checkSummary(reports, dir));
    return failed ? 1 : 0;
  },
};

function writeCertificate(ctx: CommandContext, dir: string, theorem: string, file: string, cert: Certificate): void {
  ctx.io.makeDir?.(`${dir}/${theorem}`);
  ctx.io.writeText(`${dir}/${theorem}/${file}.json`, JSON.stringify(cert, null, 1) + '\n');
}

/** The text output: the table, what pending theorems need, and each failure with its shrunk counterexample. */
export function checkSummary(reports: readonly TheoremReport[], dir: string | undefined): string {
  const rows = reports.map((r) => [r.name, r.pending !== null ? 'pending' : r.passed ? 'passed' : 'FAILED', r.pending !== null ? '-' : String(r.size), String(r.instances), String(r.skipped), r.pending !== null ? '-' : r.seconds.toFixed(2)]);
  const lines = [table(['theorem', 'status', 'size', 'instances', 'skipped', 'seconds'], rows), ''];
  for (const r of reports) {
    if (r.pending !== null) lines.push(`pending  ${r.name}: ${r.pending}`);
  }
  for (const r of reports.filter((x) => x.failed > 0)) {
    lines.push('', `FAILED ${r.name} (${r.failed} of ${r.instances} instances): ${r.title}`, `  source: ${r.source}`);
    for (const f of r.failures) lines.push(`  instance ${f.index}: ${f.reason}`);
    if (r.counterexample !== null) {
      lines.push(`  shrunk counterexample (${r.counterexample.shrinks} shrinks): ${r.counterexample.instance}`, `    first found: ${r.counterexample.original}`, `    why: ${r.counterexample.reason}`);
    }
  }
  const ready = reports.filter((r) => r.pending === null);
  const total = ready.reduce((s, r) => s + r.instances, 0);
  lines.push('', `${ready.filter((r) => r.passed).length} of ${ready.length} theorem checks passed on ${total} instances, every certificate re-checked by the independent verifier${dir !== undefined ? ` and written under ${dir}` : ''}; ${reports.length - ready.length} pending.`);
  return lines.join('\n') + '\n';
}

function list(ctx: CommandContext, proofs: ProofsModule): number {
  const theorems = proofs.THEOREMS.map((t) => ({ name: t.name, title: t.title, source: t.source, statement: t.statement, ...(t.status === 'ready' ? { size: t.size, instances: t.instancesAre } : { pending: `needs ${t.needs}`, plan: t.plan }) }));
  const conjectures = proofs.CONJECTURES.map((c) => ({ name: c.name, statement: c.statement, note: c.note ?? null }));
  if (ctx.json) {
    printJson(ctx, { theorems, conjectures });
    return 0;
  }
  const lines: string[] = [];
  for (const t of theorems) {
    lines.push(`${t.name}: ${t.title}`, `  source: ${t.source}`);
    if ('size' in t) lines.push(`  size: ${t.size!.meaning}, default ${t.size!.default}, from ${t.size!.min} to ${t.size!.max}; instances: ${t.instances}`);
    else lines.push(`  ${t.pending}`);
  }
  lines.push('', 'conjectures (relu-exact check --conjecture NAME):', ...conjectures.map((c) => `${c.name}: ${c.statement}${c.note !== null ? ` (${c.note})` : ''}`));
  ctx.io.stdout(lines.join('\n') + '\n');
  return 0;
}

function conjecture(ctx: CommandContext, proofs: ProofsModule, name: string, seed: number): number {
  const c = proofs.CONJECTURES.find((x) => x.name === name);
  if (c === undefined) throw new UsageError(`unknown conjecture ${JSON.stringify(name)}; the conjectures are: ${proofs.CONJECTURES.map((x) => x.name).join(', ')}`);
  const r = proofs.checkConjecture(c, { seed });
  const dir = ctx.options['certificates'] as string | undefined;
  const cert = r.counterexample?.certificate ?? null;
  if (dir !== undefined && cert !== null) writeCertificate(ctx, dir, c.name, 'counterexample', cert);
  const verification = r.counterexample?.verification ?? null;
  if (ctx.json) {
    printJson(ctx, {
      conjectures: [{ name: r.name, statement: r.statement, refuted: r.refuted, runs: r.runs, seconds: r.seconds, counterexample: r.counterexample?.printed ?? null, shrinks: r.counterexample?.shrinks ?? 0, certificate: cert, verification }],
      seed,
    });
    return 0;
  }
  const lines = [`conjecture ${r.name}: ${r.statement}`];
  if (!r.refuted) lines.push(`no counterexample in ${r.runs} random instances (seed ${seed})`);
  else {
    lines.push(`REFUTED after ${r.runs} random instance${r.runs === 1 ? '' : 's'}; shrunk in ${r.counterexample!.shrinks} steps to`, `  ${r.counterexample!.printed}`);
    if (verification !== null) lines.push(verification.valid ? `certificate: ${verification.summary} (verified independently)` : `certificate NOT verified: ${verification.reason}`);
    if (dir !== undefined && cert !== null) lines.push(`written to ${dir}/${r.name}/counterexample.json`);
  }
  ctx.io.stdout(lines.join('\n') + '\n');
  return 0;
}
