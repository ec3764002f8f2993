import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DimensionError } from '../../src/core/errors.js';
import { F64 } from '../../src/field/f64.js';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { activationPattern, evaluate, evaluateScalar, preActivations } from '../../src/network/evaluate.js';
import { readReluNet } from '../../src/network/json-io.js';
import { flattenParameters, parameterName, withParameters } from '../../src/network/parameters.js';
import { convertNet, createReluNet, hiddenNeuronCount, hiddenWidths, isShallowScalar, parameterCount, widths } from '../../src/network/relu-net.js';

const q = (s: string): Rational => {
  const [n, d] = s.split('/');
  return Rational.of(BigInt(n), BigInt(d ?? '1'));
};
const bundled = readReluNet(readFileSync('examples/bundled/net.json', 'utf8'));

/** The tent map t(x) = 2 relu(x) - 4 relu(x - 1/2), composed k times (maps [0,1] onto [0,1]). */
function tentComposed(k: number) {
  const layers = [];
  for (let i = 0; i < k; i++) {
    const inW = i === 0 ? [[q('1')], [q('1')]] : [
      [q('2'), q('-4')],
      [q('2'), q('-4')],
    ];
    layers.push({ W: inW, b: [q('0'), q('-1/2')] });
  }
  layers.push({ W: [[q('2'), q('-4')]], b: [q('0')] });
  return createReluNet(QQ, layers);
}

describe('ReluNet', () => {
  it('knows its architecture', () => {
    expect(widths(bundled)).toEqual([1, 4, 1]);
    expect(hiddenWidths(bundled)).toEqual([4]);
    expect(hiddenNeuronCount(bundled)).toBe(4);
    expect(parameterCount(bundled)).toBe(13); // 4 (1 + 1) + 1 (4 + 1)
    expect(isShallowScalar(bundled)).toBe(true);
    const deep = tentComposed(3);
    expect(widths(deep)).toEqual([1, 2, 2, 2, 1]);
    expect(parameterCount(deep)).toBe(4 + 6 + 6 + 3);
  });
  it('refuses shapes that do not chain', () => {
    expect(() => createReluNet(QQ, [])).toThrow(DimensionError);
    expect(() => createReluNet(QQ, [{ W: [[q('1')]], b: [] }])).toThrow('layers[0].b has length 0 but W has 1 rows');
    expect(() =>
      createReluNet(QQ, [
        { W: [[q('1')]], b: [q('0')] },
        { W: [[q('1'), q('2')]], b: [q('0')] },
      ]),
    ).toThrow('layers[1].W has 2 columns but layers[0] has 1 outputs');
  });
});

describe('evaluation', () => {
  it('evaluates the bundled example at hand-computed points', () => {
    // f(x) = 1/4 + relu(x) + 1/2 relu(1 - x) - relu(2x - 1) + 3/4 relu(x - 1/2)
    expect(evaluateScalar(bundled, [q('-1')]).toString()).toBe('5/4');
    expect(evaluateScalar(bundled, [q('1/2')]).toString()).toBe('1');
    expect(evaluateScalar(bundled, [q('2')]).toString()).toBe('3/8');
    expect(evaluateScalar(bundled, [q('3/4')]).toString()).toBe('13/16');
  });
  it('evaluates the composed tent map: t^k(x) on dyadic points', () => {
    const t3 = tentComposed(3);
    // t(1/8) = 1/4, t(1/4) = 1/2, t(1/2) = 1;  t(3/16) = 3/8, t(3/8) = 3/4, t(3/4) = 1/2
    expect(evaluateScalar(t3, [q('1/16')]).toString()).toBe('1/2');
    expect(evaluateScalar(t3, [q('3/16')]).toString()).toBe('1/2');
    expect(evaluateScalar(tentComposed(1), [q('1/3')]).toString()).toBe('2/3');
    expect(evaluateScalar(tentComposed(2), [q('1/3')]).toString()).toBe('2/3'); // 1/3 -> 2/3 -> 2/3
  });
  it('reports exact ties in the activation pattern', () => {
    expect(activationPattern(bundled, [q('1/2')])).toEqual([[1, 1, 0, 0]]);
    expect(activationPattern(bundled, [q('-1')])).toEqual([[-1, 1, -1, -1]]);
    expect(preActivations(bundled, [q('1/2')])[0].map(String)).toEqual(['1/2', '1/2', '0', '0']);
  });
  it('evaluates multi-output nets and refuses wrong shapes', () => {
    const net = createReluNet(QQ, [{ W: [[q('1'), q('2')], [q('3'), q('-1')]], b: [q('0'), q('1/2')] }]);
    expect(evaluate(net, [q('1'), q('1')]).map(String)).toEqual(['3', '5/2']);
    expect(() => evaluateScalar(net, [q('1'), q('1')])).toThrow(DimensionError);
    expect(() => evaluate(net, [q('1')])).toThrow('the net takes 2 inputs, the point has 1');
  });
  it('evaluates the same net in float64', () => {
    const f = convertNet(bundled, F64);
    expect(evaluateScalar(f, [0.75])).toBe(13 / 16);
    expect(convertNet(f, QQ).layers[1].W.get(0, 3).toString()).toBe('3/4');
  });
});

describe('parameters', () => {
  it('flatten in relu-net/1 order: per layer W row-major then b', () => {
    expect(flattenParameters(bundled).map(String)).toEqual(['1', '-1', '2', '1', '0', '1', '-1', '-1/2', '1', '1/2', '-1', '3/4', '1/4']);
    expect(parameterName(bundled, 0)).toBe('layers[0].W[0][0]');
    expect(parameterName(bundled, 5)).toBe('layers[0].b[1]');
    expect(parameterName(bundled, 9)).toBe('layers[1].W[0][1]');
    expect(parameterName(bundled, 12)).toBe('layers[1].b[0]');
    expect(() => parameterName(bundled, 13)).toThrow(DimensionError);
  });
  it('withParameters is the inverse of flattenParameters', () => {
    const theta = flattenParameters(bundled).map((x) => x.add(Rational.ONE));
    const moved = withParameters(bundled, theta);
    expect(flattenParameters(moved).map(String)).toEqual(theta.map(String));
    expect(() => withParameters(bundled, theta.slice(1))).toThrow(DimensionError);
  });
});
