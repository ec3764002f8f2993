/** A progress bar on stderr, drawn only when stderr is a terminal, at most ten times a second. */
import type { CliIo } from './io.js';

export interface Progress {
  update(fraction: number): void;
  done(): void;
}

export function progressBar(io: CliIo, label: string, width = 30): Progress {
  if (!io.stderrIsTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  const draw = (fraction: number): void => {
    const f = Math.max(0, Math.min(1, fraction));
    const filled = Math.round(f * width);
    io.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}%`);
  };
  return {
    update(fraction) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(fraction);
    },
    done() {
      draw(1);
      io.stderr('\n');
    },
  };
}
