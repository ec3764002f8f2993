/**
 * Data-set instances for the pattern theorems: families of small grids, the instances of a size
 * (subsets or multisets of grid points) and a fast-check arbitrary of the same shape.
 */
import fc from 'fast-check';
import { Rational } from 'relu-exact';
import { dataset, rational } from 'relu-exact/arbitraries';
import { multisetsOf, subsetsOf } from './combinatorics.js';

export interface DataInstance {
  /** n points, one row each. */
  readonly X: Rational[][];
  /** Lift x~ = (x, 1) (true) or x~ = x. */
  readonly bias: boolean;
}

interface Family {
  readonly name: string;
  readonly bias: boolean;
  readonly grid: Rational[][];
}

const q = (...xs: number[]): Rational[] => xs.map((x) => Rational.of(x));
const range = (lo: number, hi: number): number[] => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

/** The grids: 1-D {-2..2} with bias, 2-D {0,1,2}^2 with bias, 2-D {-1,0,1}^2 \ {0} without bias. */
export const FAMILIES: readonly Family[] = [
  { name: '1-D with bias, x in {-2..2}', bias: true, grid: range(-2, 2).map((x) => q(x)) },
  { name: '2-D with bias, x in {0,1,2}^2', bias: true, grid: range(0, 2).flatMap((a) => range(0, 2).map((b) => q(a, b))) },
  { name: '2-D without bias, x in {-1,0,1}^2 minus 0', bias: false, grid: range(-1, 1).flatMap((a) => range(-1, 1).map((b) => q(a, b))).filter((p) => p.some((x) => !x.isZero())) },
];

export const FAMILY_TEXT = FAMILIES.map((f) => f.name).join('; ');

/** All n-point subsets (distinct points) or multisets (repeats allowed) of every family's grid. */
export function gridInstances(n: number, repeats: boolean): DataInstance[] {
  return FAMILIES.flatMap((f) => (repeats ? multisetsOf(f.grid, n) : subsetsOf(f.grid, n)).map((X) => ({ X: X.map((p) => p.slice()), bias: f.bias })));
}

/** Data of 1 to n points in dimension 1 or 2, with or without bias: what shrinking searches. */
export function dataArbitrary(n: number): fc.Arbitrary<DataInstance> {
  const coordinate = rational({ maxNumerator: 3, maxDenominator: 2 });
  const family = (d: number, bias: boolean) => fc.record({ X: fc.array(fc.array(coordinate, { minLength: d, maxLength: d }), { minLength: 1, maxLength: n }), bias: fc.constant(bias) });
  return fc.oneof(family(1, true), family(2, true), family(2, false));
}

/** x~_i = (x_i, 1) or x_i. */
export function lifted(instance: DataInstance): Rational[][] {
  return instance.X.map((x) => (instance.bias ? [...x, Rational.ONE] : [...x]));
}

/** No point lifts to 0 (a zero vector is no hyperplane). */
export function noZeroPoint(instance: DataInstance): boolean {
  return lifted(instance).every((v) => v.some((x) => !x.isZero()));
}

export function showData(instance: DataInstance): Record<string, unknown> {
  return { X: instance.X, bias: instance.bias };
}

/** `perShape` seeded random n-point sets in general position for d = 1, 2, 3, with and without bias. */
export function randomGeneralPosition(n: number, seed: number, perShape: number): DataInstance[] {
  const out: DataInstance[] = [];
  for (const d of [1, 2, 3]) {
    for (const bias of [true, false]) {
      const arb = dataset({ dimension: d, bias, points: n, position: 'general-position', coordinates: { maxNumerator: 9, maxDenominator: 4 } });
      for (const { X } of fc.sample(arb, { seed: seed + 31 * d + (bias ? 1 : 0), numRuns: perShape })) out.push({ X, bias });
    }
  }
  return out;
}
