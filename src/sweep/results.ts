/**
 * Sweep results: JSON Lines, one object per finished instance, appended and flushed as each
 * finishes, so a killed sweep loses at most the line being written. A line:
 * `{"key", "index", "task", "spec", "ok", "result" | "error", "params", "ms", "version"}`.
 * Reading tolerates a torn last line (a write cut short) and reports it; a malformed line
 * elsewhere is corruption, refused with its line number.
 */
import { InputError } from '../core/errors.js';

export interface ResultLine {
  /** The instance key (canonical JSON of its grid values). */
  key: string;
  /** Its position in the grid when it ran. */
  index: number;
  task: string;
  /** The spec id (task and fixed parameters). */
  spec: string;
  ok: boolean;
  result?: Record<string, unknown>;
  error?: string;
  /** True when the error is a budget that ran out (a result, not a crash). */
  budget?: boolean;
  params: Record<string, unknown>;
  /** Wall time of the instance, in milliseconds (not part of the result: it varies). */
  ms: number;
  version: string;
}

export interface ParsedResults {
  lines: ResultLine[];
  /** The byte length of the complete lines: where a resumed sweep truncates and appends. */
  completeBytes: number;
  /** A last line without its newline, dropped (null when the text ends cleanly). */
  torn: string | null;
}

/** Parse a results file. Throws InputError (file, line number) for a malformed complete line. */
export function parseResults(text: string, file?: string): ParsedResults {
  const end = text.lastIndexOf('\n') + 1;
  const torn = end < text.length ? text.slice(end) : null;
  const lines: ResultLine[] = [];
  text
    .slice(0, end)
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        throw new InputError(`line ${i + 1} is not JSON (the file is corrupt, or not a sweep results file)`, { file });
      }
      const v = value as Partial<ResultLine>;
      if (value === null || typeof value !== 'object' || typeof v.key !== 'string' || typeof v.spec !== 'string' || typeof v.ok !== 'boolean') {
        throw new InputError(`line ${i + 1} is not a sweep result (needs key, spec, ok)`, { file });
      }
      lines.push(v as ResultLine);
    });
  return { lines, completeBytes: Buffer.byteLength(text.slice(0, end)), torn };
}

/** One line of text (with its newline) for a result. */
export function formatResultLine(line: ResultLine): string {
  return JSON.stringify(line) + '\n';
}
