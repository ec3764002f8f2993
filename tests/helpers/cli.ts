/** Running the CLI in-process with virtual files, or as a real child process. */
import { spawnSync } from 'node:child_process';
import { InputError } from '../../src/core/errors.js';
import { nodeIo, type CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  written: Map<string, string>;
}

/** Run `relu-exact argv` in-process; `files` are virtual input files (others come from disk). */
export async function runInMemory(argv: string[], files: Record<string, string | Uint8Array> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const disk = nodeIo();
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTTY: false,
    readText: (path) => {
      if (path in files) return typeof files[path] === 'string' ? files[path] : new TextDecoder().decode(files[path]);
      if (written.has(path)) return written.get(path)!;
      if (path.startsWith('virtual:')) throw new InputError('cannot read the file (no such file)', { file: path });
      return disk.readText(path);
    },
    readBytes: (path) => {
      const f = files[path];
      if (f !== undefined) return typeof f === 'string' ? new TextEncoder().encode(f) : f;
      if (path.startsWith('virtual:')) throw new InputError('cannot read the file (no such file)', { file: path });
      return disk.readBytes!(path);
    },
    writeText: (path, text) => void written.set(path, text),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, written };
}

/** Run the built binary (dist/cli/main.js) as a user would. */
export function runBinary(argv: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', ...argv], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
