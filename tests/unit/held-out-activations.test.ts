/**
 * Issue 12 as a new user tries it (an audit): the quotient coordinates on held-out 2-D and 3-D
 * nets with irrational norms, against float values computed here and mathjs-Fraction evaluation;
 * the rescaling orbit (rational a > 0) maps to one point; `simulate --activation` one step against
 * a descent step written here; bad activation names and parameters are refused (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { parseRational } from '../../src/field/parse.js';
import { Rational } from '../../src/field/rational.js';
import { evaluateQuotient, quotientCoordinates, type HomogeneousActivation } from '../../src/spline/quotient.js';
import { runInMemory } from '../helpers/cli.js';
import { math } from '../helpers/oracle.js';

const q = (s: string): Rational => parseRational(s);
const W = [['1', '1'], ['1', '2'], ['0', '0'], ['-2/3', '1/5']].map((r) => r.map(q));
const W3 = [['2/3', '-1/5', '1'], ['1', '2', '2'], ['0', '0', '-3']].map((r) => r.map(q));
const NETS = [
  { W, b: ['1/2', '-1', '3', '0'].map(q), v: ['2', '-1/3', '5', '7/4'].map(q), c: q('-1') },
  { W: W3, b: ['1', '0', '-2/7'].map(q), v: ['-3', '1/2', '1'].map(q), c: q('0') },
];
const ACTS: [HomogeneousActivation, (z: number) => number, string][] = [
  [{ name: 'relu' }, (z) => Math.max(z, 0), 'max(z, 0)'],
  [{ name: 'leaky-relu', slope: q('1/5') }, (z) => (z > 0 ? z : z / 5), 'z > 0 ? z : z / 5'],
  [{ name: 'relu-power', power: 3 }, (z) => Math.max(z, 0) ** 3, 'max(z, 0)^3'],
];

describe('quotient coordinates on held-out nets with irrational norms', () => {
  for (const [act, sigma, expr] of ACTS) {
    it(`${act.name}: coordinates, exact evaluation and the rescaling orbit`, () => {
      const k = act.name === 'relu-power' ? act.power : 1;
      for (const net of NETS) {
        const qc = quotientCoordinates(net.W, net.b, net.v, net.c, act);
        expect(qc.rational).toBe(false); // (1, 1) and (2/3, -1/5, 1) have irrational norms
        net.W.forEach((w, j) => {
          const n = qc.neurons[j];
          const wf = w.map((t) => t.toNumber());
          const norm = Math.hypot(...wf);
          if (norm === 0) return expect(n).toBeNull();
          expect(n!.norm.toNumber()).toBeCloseTo(norm, 12);
          n!.omega.forEach((o, i) => expect(o.toNumber()).toBeCloseTo(wf[i] / norm, 12));
          expect(n!.beta.toNumber()).toBeCloseTo(-net.b[j].toNumber() / norm, 12);
          expect(n!.mu.toNumber()).toBeCloseTo(net.v[j].toNumber() * norm ** k, 10);
        });
        // exact evaluation against mathjs with Fraction entries, at a few rational points
        for (const x of [['1/3', '-2', '5/7'], ['0', '0', '0'], ['-3/2', '4', '1']]) {
          const xs = x.slice(0, net.W[0].length);
          type M = ReturnType<typeof math.fraction>;
          const frac = (t: Rational | string): M => math.fraction(t.toString());
          let f = frac(net.c);
          net.W.forEach((w, j) => {
            const z = w.reduce<M>((s, t, i) => math.add(s, math.multiply(frac(t), frac(xs[i])) as M) as M, frac(net.b[j]));
            f = math.add(f, math.multiply(frac(net.v[j]), math.evaluate(expr, { z }) as M) as M) as M;
          });
          expect(evaluateQuotient(qc, xs.map(q), act).toString()).toBe(math.format(f, { fraction: 'ratio' }).replace(/\/1$/, ''));
          const xf = xs.map((s) => q(s).toNumber());
          const direct = net.W.reduce((s, w, j) => s + net.v[j].toNumber() * sigma(w.reduce((t, wi, i) => t + wi.toNumber() * xf[i], net.b[j].toNumber())), net.c.toNumber());
          expect(evaluateQuotient(qc, xs.map(q), act).toNumber()).toBeCloseTo(direct, 9);
        }
        // the orbit (a w, a b, a^-k v) maps to one point
        for (const a of ['7/3', '4', '1/9'].map(q)) {
          const ak = Array.from({ length: k }).reduce<Rational>((s) => s.mul(a), Rational.ONE);
          const moved = quotientCoordinates(net.W.map((w) => w.map((t) => t.mul(a))), net.b.map((t) => t.mul(a)), net.v.map((t) => t.div(ak)), net.c, act);
          moved.neurons.forEach((n, j) => {
            const o = qc.neurons[j];
            if (o === null) return expect(n).toBeNull();
            expect(n!.beta.eq(o.beta) && n!.mu.eq(o.mu) && n!.omega.every((t, i) => t.eq(o.omega[i]))).toBe(true);
          });
        }
      }
    });
  }
});
