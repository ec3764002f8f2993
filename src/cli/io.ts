/** What a command may touch: its output streams and the file system (swappable in tests). */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
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
  /** A file written piece by piece, each piece on disk when `write` returns (streams, JSONL). Optional: without it, commands collect and call writeText once. */
  openWrite?(path: string): { write(text: string): void; close(): void };
  /** Create a directory and its parents (optional: in-memory test IOs keep files by path alone). */
  makeDir?(path: string): void;
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
    openWrite: (path) => {
      let fd: number;
      try {
        fd = openSync(path, 'w');
      } catch (e) {
        throw new InputError(`cannot write the file (${describeFsError(e)})`, { file: path });
      }
      return { write: (text) => void writeSync(fd, text), close: () => closeSync(fd) };
    },
    makeDir: (path) => {
      try {
        mkdirSync(path, { recursive: true });
      } catch (e) {
        throw new InputError(`cannot create the directory (${describeFsError(e)})`, { file: path });
      }
    },
  };
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  const known: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a directory', ENOTDIR: 'a parent is not a directory' };
  return (code !== undefined && known[code]) || (e instanceof Error ? e.message : String(e));
}
