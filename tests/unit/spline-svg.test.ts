import { describe, expect, it } from 'vitest';
import { parseRational } from '../../src/field/parse.js';
import { niceTicks, splineSvg } from '../../src/spline/svg.js';
import { toSpline } from '../../src/spline/to-spline.js';
import { shallow1d } from '../helpers/univariate.js';

const q = (s: string | number) => parseRational(String(s));

/** Every tag closed in order (a small well-formedness check, no XML library). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing === '/') continue;
    if (closing === '/') {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}

describe('niceTicks', () => {
  it('uses steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(-1.3, 1.3).map((t) => Number(t.toFixed(10)))).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(0.001, 0.0013).length).toBeGreaterThan(2);
    expect(niceTicks(1, 1)).toEqual([]);
  });
});

describe('splineSvg', () => {
  const s = toSpline(shallow1d([[1, -1, 3], [-1, 4, 2]])); // O2: knots 1 and 4
  it('is a well-formed, self-contained SVG with labelled axes, knots and data', () => {
    const svg = splineSvg(s, { data: { x: [q(0), q(2), q(5)], y: [q(8), q(7), q(12)] }, title: 'f <O2> & co' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(balanced(svg)).toBe(true);
    expect(svg).not.toMatch(/href|<script/);
    expect(svg).toContain('>x</text>');
    expect(svg).toContain('>f(x)</text>');
    expect(svg).toContain('f &lt;O2&gt; &amp; co');
    expect(svg.match(/<circle [^>]*r="4" fill="#d9480f"><title>knot/g)?.length).toBe(2);
    expect(svg).toContain('knots (2)');
    expect(svg).toContain('data (3)');
    expect(svg).not.toContain('NaN');
  });
  it('shows every knot and data point inside the frame', () => {
    const svg = splineSvg(s, { data: { x: [q(-10)] }, width: 500, height: 300 });
    for (const m of svg.matchAll(/<circle cx="([-\d.]+)" cy="([-\d.]+)"/g)) {
      const [x, y] = [Number(m[1]), Number(m[2])];
      expect(x).toBeGreaterThanOrEqual(64);
      expect(x).toBeLessThanOrEqual(480);
      expect(y).toBeGreaterThanOrEqual(34);
      expect(y).toBeLessThanOrEqual(252);
    }
  });
  it('draws affine functions and constants too', () => {
    for (const net of [shallow1d([[1, 0, 1], [-1, 0, -1]]), shallow1d([[0, 1, 3]])]) {
      const svg = splineSvg(toSpline(net));
      expect(balanced(svg)).toBe(true);
      expect(svg).not.toContain('NaN');
      expect(svg).toContain('knots (0)');
    }
    expect(() => splineSvg(s, { xRange: [q(1), q(1)] })).toThrow(/increasing/);
  });
});
