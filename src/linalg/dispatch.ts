/**
 * Which exact algorithm `'auto'` runs: fraction-free bigint elimination below the measured
 * crossover sizes, the certified modular algorithms from there on. The thresholds are on
 * min(m, n), measured with `npm run bench -- --only crossover` (README, "Exact linear algebra at
 * speed"): below them both take well under a millisecond, so the choice matters little.
 */
export type ExactOp = 'rank' | 'det' | 'rref' | 'nullspace' | 'solve';

/**
 * Smallest min(m, n) from which the modular path was measured faster at every larger size, on
 * integer and rational square matrices (bench/crossover.ts, 2 cores): rank from 8, nullspace from
 * 8 (integer) and 10 (rational), det and solve from 12 (integer) and 16 (rational). Each threshold
 * is the larger of the two; rref follows nullspace (the same certified elimination).
 */
export const MODULAR_CROSSOVER: Readonly<Record<ExactOp, number>> = Object.freeze({
  rank: 8,
  det: 16,
  rref: 10,
  nullspace: 10,
  solve: 16,
});

export function modularPays(op: ExactOp, nrows: number, ncols: number): boolean {
  return Math.min(nrows, ncols) >= MODULAR_CROSSOVER[op];
}
