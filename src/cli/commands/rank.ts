import { UsageError } from '../../core/errors.js';
import { rank, type LinalgMethod } from '../../linalg/operations.js';
import type { Command } from '../command.js';
import { loadMatrix, printJson } from '../inputs.js';

const METHODS: readonly LinalgMethod[] = ['auto', 'fraction-free', 'gauss-jordan', 'modular'];

export const rankCommand: Command = {
  name: 'rank',
  summary: 'exact rank and nullity of a rational matrix',
  options: {
    matrix: { type: 'string', valueName: 'FILE', required: true, description: 'the matrix (matrix/1)' },
    method: { type: 'string', valueName: 'NAME', default: 'auto', description: `the algorithm: ${METHODS.join(', ')}` },
  },
  run(ctx) {
    const method = ctx.options['method'] as LinalgMethod;
    if (!METHODS.includes(method)) throw new UsageError(`--method must be one of ${METHODS.join(', ')}, got ${JSON.stringify(method)}`);
    const { matrix } = loadMatrix(ctx);
    const started = performance.now();
    const r = rank(matrix, { method });
    const seconds = (performance.now() - started) / 1000;
    if (ctx.json) {
      printJson(ctx, { rank: r, nullity: matrix.ncols - r, rows: matrix.nrows, cols: matrix.ncols, exact: true, method, seconds });
      return;
    }
    ctx.io.stdout(`rank ${r}, nullity ${matrix.ncols - r} (${matrix.nrows}x${matrix.ncols}, exact, ${seconds.toFixed(3)} s)\n`);
  },
};
