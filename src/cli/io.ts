/** What a command may touch: its output streams and the file system (swappable in tests). */
import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from '../core/errors.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress lines are shown only then). */
  readonly stderrIsTTY: boolean;
  readText(path: string): string;
  /** Binary files (safetensors); optional so in-memory test IOs need not provide it. */
  readBytes?(path: string): Uint8Array;
  writeText(path: string, text: string): void;
}

export function nodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: process.stderr.isTTY === true,
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch (e) {
        throw new InputError(`cannot read the file (${describeFsError(e)})`, { file: path });
      }
    },
    readBytes: (path) => {
      try {
        return readFileSync(path);
      } catch (e) {
        throw new InputError(`cannot read the file (${describeFsError(e)})`, { file: path });
      }
    },
    writeText: (path, text) => {
      try {
        writeFileSync(path, text);
      } catch (e) {
        throw new InputError(`cannot write the file (${describeFsError(e)})`, { file: path });
      }
    },
  };
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  const known: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a directory', ENOTDIR: 'a parent is not a directory' };
  return (code !== undefined && known[code]) || (e instanceof Error ? e.message : String(e));
}
