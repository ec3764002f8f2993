/**
 * General position of the lifted points: any min(n, D) of the x~_i linearly independent
 * (so no zero point, no two points on one line when D >= 2, and with a bias no d + 1 points on
 * one affine hyperplane). Only then do Cover's formula and the generic f-vectors apply.
 *
 * A dependent D-subset {T, j, k} (T its first D - 2 members, independent) shows up as two points
 * whose images in the 2-dimensional quotient R^D / span(T) are parallel: for each T the points
 * after it are projected by an integer basis of span(T)^perp and their directions hashed, in
 * O(C(L, D-2) L) exact operations instead of C(L, D) determinants.
 */
import { echelonBareissInPlace } from '../linalg/fraction-free.js';
import { dividedByContent } from '../lp/integer-rows.js';
import { kernelBasis } from './integer-linalg.js';
import { dotBig } from './exact-sign.js';
import { liftData, type DataInput } from './lifted.js';

export interface GeneralPositionOptions {
  /** Lift with a bias coordinate (default true). */
  bias?: boolean;
  /** Called now and then; may throw (a time budget). */
  checkTime?: () => void;
}

export function generalPosition(X: DataInput, options: GeneralPositionOptions = {}): boolean {
  const data = liftData(X, options.bias ?? true, 'generalPosition');
  const { n, D, vectors } = data;
  if (n === 0) return true;
  if (vectors.some((v) => v.every((x) => x === 0n))) return false;
  if (D === 1) return true;
  if (n <= D) return echelonBareissInPlace(vectors.map((v) => v.slice()), D).rank === n;
  if (data.reps.length < n) return false; // two points on one line
  const reps = data.reps;
  const L = reps.length;
  const independent = (idx: readonly number[]): boolean => echelonBareissInPlace(idx.map((i) => reps[i].slice()), D).rank === idx.length;
  let ok = true;
  const visit = (T: number[]): void => {
    if (!ok) return;
    options.checkTime?.();
    if (T.length === D - 2) {
      const basis = T.length === 0 ? identity(D) : kernelBasis(T.map((i) => reps[i]), D);
      const seen = new Set<string>();
      for (let j = (T.length > 0 ? T[T.length - 1] : -1) + 1; j < L && ok; j++) {
        const p = dividedByContent(basis.map((b) => dotBig(reps[j], b)));
        const lead = p.find((x) => x !== 0n);
        if (lead === undefined) ok = false; // reps[j] lies in span(T)
        else {
          const key = (lead > 0n ? p : p.map((x) => -x)).join(',');
          if (seen.has(key)) ok = false;
          seen.add(key);
        }
      }
      return;
    }
    for (let g = (T.length > 0 ? T[T.length - 1] : -1) + 1; g < L && ok; g++) {
      const next = [...T, g];
      if (!independent(next)) ok = false;
      else visit(next);
    }
  };
  visit([]);
  return ok;
}

function identity(D: number): bigint[][] {
  return Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => (i === j ? 1n : 0n)));
}
