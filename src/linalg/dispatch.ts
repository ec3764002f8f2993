/**
 * Which exact algorithm `'auto'` runs: fraction-free bigint elimination below the measured
 * crossover sizes, the certified modular algorithms from there on. The thresholds are on
 * min(m, n), measured with `npm run bench -- --only crossover` (README, "Exact linear algebra at
 * speed"): below them both take well under a millisecond, so the choice matters little.
 */
export type ExactOp = 'rank' | 'det' | 'rref' | 'nullspace' | 'solve';

/** Smallest min(m, n) at which the modular path was measured faster. */
export const MODULAR_CROSSOVER: Readonly<Record<ExactOp, number>> = Object.freeze({
  rank: 12,
  det: 12,
  rref: 12,
  nullspace: 12,
  solve: 12,
});

export function modularPays(op: ExactOp, nrows: number, ncols: number): boolean {
  return Math.min(nrows, ncols) >= MODULAR_CROSSOVER[op];
}
