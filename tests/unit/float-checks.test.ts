/**
 * Every float kernel refuses, by name, an array too short for its rows or parameters and a bad
 * row range: a typed array read past its end gives NaN and a write past it does nothing, so these
 * calls used to return wrong numbers silently (src/float/checks.ts).
 */
import { describe, expect, it } from 'vitest';
import { DimensionError } from '../../src/core/errors.js';
import { RELU } from '../../src/float/activation.js';
import {
  denseForwardGeneric,
  denseJacobian,
  denseSseGradientGeneric,
  genericDenseWorkspaceSize,
  genericShallowWorkspaceSize,
  shallowForwardGeneric,
  shallowJacobian,
  shallowSseGradientGeneric,
} from '../../src/float/generic.js';
import { shallowForward, shallowSseGradient, shallowWorkspaceSize } from '../../src/float/shallow.js';
import { sortedForward, sortedSseGradient, sortedWorkspaceSize } from '../../src/float/sorted.js';

const refused = (call: () => unknown, message: RegExp): void => {
  expect(call).toThrow(DimensionError);
  expect(call).toThrow(message);
};

describe('float kernels check their arrays', () => {
  // d = 2 inputs, m = 3 neurons, n = 4 points: theta has m (d + 2) + 1 = 13 entries
  const [d, m, n] = [2, 3, 4];
  const X = new Float64Array(n * d).fill(0.5);
  const y = new Float64Array(n).fill(1);
  const theta = new Float64Array(13).fill(0.25);
  const grad = new Float64Array(13);

  it('the shallow kernel', () => {
    const work = new Float64Array(shallowWorkspaceSize(d, m));
    expect(Number.isFinite(shallowSseGradient(d, m, X, y, 0, n, theta, 0, grad, 0, work))).toBe(true);
    refused(() => shallowSseGradient(d, m, X.subarray(0, 7), y, 0, n, theta, 0, grad, 0, work), /shallowSseGradient: X has 7 entries; rows up to 4 with 2 input\(s\) need 8/);
    refused(() => shallowSseGradient(d, m, X, y.subarray(0, 3), 0, n, theta, 0, grad, 0, work), /y has 3 entries/);
    refused(() => shallowSseGradient(d, m, X, y, 0, n, theta, 1, grad, 0, work), /theta has 13 entries; 13 from offset 1 need 14/);
    refused(() => shallowSseGradient(d, m, X, y, 0, n, theta, 0, new Float64Array(12), 0, work), /grad has 12 entries/);
    refused(() => shallowSseGradient(d, m, X, y, 0, n, theta, 0, grad, 0, new Float64Array(3)), /work has 3 entries/);
    refused(() => shallowSseGradient(d, m, X, y, 3, 2, theta, 0, grad, 0, work), /rows \[i0, i1\) = \[3, 2\)/);
    refused(() => shallowForward(d, m, X, 0, n, theta, 0, new Float64Array(3), 0), /shallowForward: out has 3 entries; 4 from offset 0 need 4/);
  });

  it('the sorted kernel', () => {
    const x = Float64Array.of(-1, 0, 1, 2);
    const th = new Float64Array(3 * m + 1).fill(0.5);
    const k = new Int32Array(m);
    const r = new Float64Array(n);
    const work = new Float64Array(sortedWorkspaceSize(n));
    expect(Number.isFinite(sortedSseGradient(n, m, x, y, th, 0, new Float64Array(10), 0, k, r, work))).toBe(true);
    refused(() => sortedSseGradient(n, m, x, y, th, 0, new Float64Array(10), 0, new Int32Array(2), r, work), /sortedSseGradient: k has 2 entries/);
    refused(() => sortedSseGradient(n, m, x, y, th, 0, new Float64Array(10), 0, k, r.subarray(0, 3), work), /r has 3 entries/);
    refused(() => sortedSseGradient(n, m, x, y, th.subarray(0, 9), 0, null, 0, k, r, work), /theta has 9 entries/);
    refused(() => sortedForward(n, m, x, th, 0, k, r, new Float64Array(4)), /sortedForward: work has 4 entries/);
  });

  it('the generic kernels', () => {
    const work = new Float64Array(genericShallowWorkspaceSize(m));
    expect(Number.isFinite(shallowSseGradientGeneric(d, m, X, y, 0, n, theta, 0, grad, 0, RELU, work))).toBe(true);
    refused(() => shallowSseGradientGeneric(d, m, X, y, 0, 5, theta, 0, grad, 0, RELU, work), /X has 8 entries; rows up to 5/);
    refused(() => shallowForwardGeneric(d, m, X, 0, n, theta, 0, new Float64Array(2), 0, RELU, work), /out has 2 entries/);
    refused(() => shallowJacobian(d, m, X, 0, n, theta, 0, new Float64Array(4 * 13 - 1), 0, RELU, work), /shallowJacobian: out has 51 entries; 52/);
    const widths = [2, 3, 2];
    const dth = new Float64Array(3 * 3 + 2 * 4).fill(0.1);
    const Y = new Float64Array(2 * n);
    const dwork = new Float64Array(genericDenseWorkspaceSize(widths));
    expect(Number.isFinite(denseSseGradientGeneric(widths, X, Y, 0, n, dth, 0, new Float64Array(17), 0, RELU, dwork))).toBe(true);
    refused(() => denseSseGradientGeneric(widths, X, Y.subarray(0, 7), 0, n, dth, 0, null, 0, RELU, dwork), /Y has 7 entries; rows up to 4 with 2 output\(s\) need 8/);
    refused(() => denseForwardGeneric(widths, X, 0, n, dth, 0, new Float64Array(8), 0, RELU, new Float64Array(3)), /denseForwardGeneric: work has 3 entries/);
    refused(() => denseJacobian(widths, X, 0, n, dth, 0, new Float64Array(10), 0, RELU, dwork), /denseJacobian: out has 10 entries; 136/);
  });
});
