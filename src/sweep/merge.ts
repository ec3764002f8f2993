/**
 * Joining the results files of a sharded (or resumed, or repeated) sweep into one: one line per
 * key, checked against the spec when given. A key seen twice is a duplicate: harmless when the
 * results agree, a *conflict* when they do not (a task that is not deterministic, or files of
 * different code versions); the first successful line is kept either way, and conflicts are
 * listed. A successful line wins over a recorded failure of the same key (a retried instance).
 */
import { InputError } from '../core/errors.js';
import { formatResultLine, parseResults, type ResultLine } from './results.js';
import { canonicalJson, iterInstances, type SweepSpec } from './spec.js';

export interface MergeInput {
  file: string;
  text: string;
}

export interface MergeReport {
  files: number;
  /** Complete lines read, over all files. */
  lines: number;
  /** Distinct keys written. */
  instances: number;
  /** Lines whose key was already seen (identical or not). */
  duplicates: number;
  /** Keys whose results differ between lines. */
  conflicts: string[];
  /** Torn last lines dropped, by file. */
  torn: string[];
  /** With a spec: grid keys with no line, and keys not in the grid. */
  missing: string[] | null;
  extra: string[] | null;
  failed: number;
  /** With a spec: every grid key has a line, and no conflict. */
  complete: boolean | null;
}

/** The merged file's text (sorted by grid position) and what was found. */
export function mergeResults(inputs: readonly MergeInput[], spec?: SweepSpec): { text: string; report: MergeReport } {
  const chosen = new Map<string, ResultLine>();
  const conflicts = new Set<string>();
  const torn: string[] = [];
  let lines = 0;
  let duplicates = 0;
  let specId: { id: string; task: string; file: string } | undefined = spec !== undefined ? { id: spec.id, task: spec.task.name, file: 'the spec' } : undefined;
  for (const { file, text } of inputs) {
    const parsed = parseResults(text, file);
    if (parsed.torn !== null) torn.push(file);
    for (const line of parsed.lines) {
      lines++;
      if (specId === undefined) specId = { id: line.spec, task: line.task, file };
      else if (line.spec !== specId.id || line.task !== specId.task) {
        throw new InputError(`key ${line.key} comes from task ${line.task} with spec id ${line.spec}, but ${specId.file} has task ${specId.task} with spec id ${specId.id}: these are not shards of one sweep`, { file });
      }
      const prior = chosen.get(line.key);
      if (prior === undefined) {
        chosen.set(line.key, line);
        continue;
      }
      duplicates++;
      if (prior.ok && line.ok && canonicalJson(prior.result) !== canonicalJson(line.result)) conflicts.add(line.key);
      if (!prior.ok && line.ok) chosen.set(line.key, line);
    }
  }
  let ordered = [...chosen.values()].sort((a, b) => a.index - b.index || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let missing: string[] | null = null;
  let extra: string[] | null = null;
  if (spec !== undefined) {
    const grid = [...iterInstances(spec)];
    const position = new Map(grid.map((i) => [i.key, i.index]));
    missing = grid.filter((i) => !chosen.has(i.key)).map((i) => i.key);
    extra = ordered.filter((l) => !position.has(l.key)).map((l) => l.key);
    // Grid order, by the spec's positions (a line's own index is where it sat when it ran).
    const at = (l: ResultLine): number => position.get(l.key) ?? Number.MAX_SAFE_INTEGER;
    ordered = ordered.sort((a, b) => at(a) - at(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  const report: MergeReport = {
    files: inputs.length,
    lines,
    instances: ordered.length,
    duplicates,
    conflicts: [...conflicts],
    torn,
    missing,
    extra,
    failed: ordered.filter((l) => !l.ok).length,
    complete: missing === null ? null : missing.length === 0 && conflicts.size === 0,
  };
  return { text: ordered.map(formatResultLine).join(''), report };
}
