/**
 * A grid brute force for univariate identifiability, sharing no code with src/analyses: a net of
 * width at most m (output bias on) is g(x) = c + sum_i mu_i relu(s_i (x - beta_i)). With the
 * breakpoints beta_i on a grid and the orientations s_i fixed, g is linear in (mu, c), so the
 * nets agreeing with f on the samples form an affine space, found by Gaussian elimination; it
 * holds a g != f iff its particular solution or one of its kernel directions is not f (resp. 0)
 * at some test point (the breakpoints of both, their midpoints and points beyond, where two
 * CPWL functions with those kinks agree everywhere iff they agree). A hit is a counterexample;
 * no hit is no proof (the grid may miss a placement).
 */
import { Rational } from '../../src/field/rational.js';

export interface GridNet {
  readonly beta: Rational[];
  readonly s: (1 | -1)[];
  readonly mu: Rational[];
  readonly c: Rational;
}

const relu = (x: Rational): Rational => (x.sign() > 0 ? x : Rational.ZERO);

export function gridValue(g: GridNet, x: Rational): Rational {
  return g.beta.reduce((acc, b, i) => acc.add(g.mu[i].mul(relu(x.sub(b).mul(Rational.of(g.s[i]))))), g.c);
}

/** Solutions of A u = y: a particular one and a kernel basis, or null when inconsistent. */
function solveAffine(A: Rational[][], y: Rational[]): { particular: Rational[]; kernel: Rational[][] } | null {
  const n = A[0].length;
  const M = A.map((r, i) => [...r, y[i]]);
  const pivots: number[] = [];
  let row = 0;
  for (let c = 0; c < n && row < M.length; c++) {
    const p = M.findIndex((r, i) => i >= row && !r[c].isZero());
    if (p < 0) continue;
    [M[row], M[p]] = [M[p], M[row]];
    const inv = Rational.ONE.div(M[row][c]);
    M[row] = M[row].map((x) => x.mul(inv));
    for (let i = 0; i < M.length; i++) {
      if (i !== row && !M[i][c].isZero()) {
        const f = M[i][c];
        M[i] = M[i].map((x, j) => x.sub(f.mul(M[row][j])));
      }
    }
    pivots.push(c);
    row++;
  }
  if (M.slice(row).some((r) => !r[n].isZero())) return null;
  const particular = new Array<Rational>(n).fill(Rational.ZERO);
  pivots.forEach((c, i) => (particular[c] = M[i][n]));
  const free = [...Array(n).keys()].filter((c) => !pivots.includes(c));
  const kernel = free.map((f) => {
    const v = new Array<Rational>(n).fill(Rational.ZERO);
    v[f] = Rational.ONE;
    pivots.forEach((c, i) => (v[c] = M[i][f].neg()));
    return v;
  });
  return { particular, kernel };
}

/** Every tuple of `k` grid breakpoints (with repetition, non-decreasing) and orientations. */
function* placements(grid: readonly Rational[], k: number, from = 0): Generator<number[]> {
  if (k === 0) return yield [];
  for (let i = from; i < grid.length; i++) for (const rest of placements(grid, k - 1, i)) yield [i, ...rest];
}

/**
 * A net of width <= m agreeing with f (given as a function and its kinks) at the samples and
 * differing from it somewhere, with breakpoints on the grid; null when the grid holds none.
 */
export function gridCounterexample(f: (x: Rational) => Rational, fKinks: readonly Rational[], samples: readonly Rational[], m: number, grid: readonly Rational[]): GridNet | null {
  const y = samples.map(f);
  for (let k = 0; k <= m; k++) {
    for (const idx of placements(grid, k)) {
      const beta = idx.map((i) => grid[i]);
      for (let mask = 0; mask < 1 << k; mask++) {
        const s = beta.map((_, i) => ((mask >> i) & 1 ? -1 : 1) as 1 | -1);
        const basis = (x: Rational): Rational[] => [...beta.map((b, i) => relu(x.sub(b).mul(Rational.of(s[i])))), Rational.ONE];
        const sol = samples.length === 0 ? { particular: new Array<Rational>(k + 1).fill(Rational.ZERO), kernel: [...Array(k + 1).keys()].map((j) => [...Array(k + 1).keys()].map((i) => (i === j ? Rational.ONE : Rational.ZERO))) } : solveAffine(samples.map(basis), y);
        if (sol === null) continue;
        const test = testPoints([...beta, ...fKinks, ...samples]);
        const net = (u: Rational[]): GridNet => ({ beta, s, mu: u.slice(0, k), c: u[k] });
        const p = net(sol.particular);
        if (test.some((x) => !gridValue(p, x).eq(f(x)))) return p;
        for (const v of sol.kernel) {
          // The direction changes the function: move along it (any nonzero step keeps agreement).
          const q = net(sol.particular.map((x, i) => x.add(v[i])));
          if (test.some((x) => !gridValue(q, x).eq(f(x)))) return q;
        }
      }
    }
  }
  return null;
}

/** The points, their midpoints, and one point beyond each end. */
export function testPoints(xs: readonly Rational[]): Rational[] {
  const s = [...xs].sort((a, b) => a.cmp(b)).filter((x, i, a) => i === 0 || !x.eq(a[i - 1]));
  if (s.length === 0) return [Rational.ZERO];
  const mids = s.slice(1).map((x, i) => x.add(s[i]).div(Rational.of(2)));
  return [s[0].sub(Rational.ONE), ...s, ...mids, s[s.length - 1].add(Rational.ONE)];
}

/** The samples, thirds of every gap, and two points beyond each end. */
export function identifyGrid(samples: readonly Rational[], extra: readonly Rational[] = []): Rational[] {
  const s = [...samples, ...extra].sort((a, b) => a.cmp(b)).filter((x, i, a) => i === 0 || !x.eq(a[i - 1]));
  const out = [s[0].sub(Rational.of(2)), s[0].sub(Rational.ONE), ...s];
  for (let i = 0; i + 1 < s.length; i++) {
    const w = s[i + 1].sub(s[i]);
    out.push(s[i].add(w.div(Rational.of(3))), s[i].add(w.mul(Rational.of(2, 3))));
  }
  out.push(s[s.length - 1].add(Rational.ONE), s[s.length - 1].add(Rational.of(2)));
  return out.sort((a, b) => a.cmp(b)).filter((x, i, a) => i === 0 || !x.eq(a[i - 1]));
}
