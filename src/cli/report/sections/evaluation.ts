import { F64 } from '../../../field/f64.js';
import { rationalFromFloat } from '../../../field/float-exact.js';
import { formatSignificant } from '../../../field/format.js';
import { Rational } from '../../../field/rational.js';
import { evaluateScalar } from '../../../network/evaluate.js';
import { convertNet, outputDim } from '../../../network/relu-net.js';
import { briefRational } from '../facts.js';
import type { Block, ReportSection } from '../section.js';

export const evaluationSection: ReportSection = {
  id: 'evaluation',
  applies: (input) => input.net !== undefined && input.data !== undefined && outputDim(input.net) === 1,
  build(input) {
    const net = input.net!;
    const { X, y } = input.data!;
    const d = input.digits;
    const values = X.rows.map((x) => evaluateScalar(net, x));
    const floatNet = convertNet(net, F64);
    // The float path's error, measured exactly: |float result - exact value| as a rational.
    let maxError = Rational.ZERO;
    X.rows.forEach((x, i) => {
      const approx = evaluateScalar(floatNet, x.map((v) => v.toNumber()));
      const err = rationalFromFloat(approx).sub(values[i]).abs();
      if (err.cmp(maxError) > 0) maxError = err;
    });
    const residuals = y !== undefined ? values.map((v, i) => v.sub(y[i])) : undefined;
    const sse = residuals?.reduce((acc, r) => acc.add(r.mul(r)), Rational.ZERO);
    const header = ['i', 'x_i', 'f(x_i) exact', `f(x_i) ~`, ...(y !== undefined ? ['y_i', 'f(x_i) - y_i'] : [])];
    const rows = values.map((v, i) => [
      String(i),
      X.row(i).map(String).join(', '),
      v.toString(),
      formatSignificant(v, d),
      ...(y !== undefined ? [String(y[i]), residuals![i].toString()] : []),
    ]);
    const blocks: Block[] = [{ kind: 'table', header, rows }];
    if (sse !== undefined) blocks.push({ kind: 'text', text: `Sum of squared errors (exact): sse = ${sse} ~ ${formatSignificant(sse, d)}.` });
    blocks.push({
      kind: 'text',
      text: `The float64 evaluation of the same net differs from the exact values by at most ${maxError.isZero() ? '0' : formatSignificant(maxError, 3)} (measured exactly, on these points).`,
    });
    return {
      title: 'Exact evaluation on the data',
      blocks,
      json: { values: values.map(String), sse: sse?.toString() ?? null, floatMaxAbsError: maxError.toNumber() },
      headline: [
        ...(sse !== undefined ? [{ label: 'sse', value: briefRational(sse, Math.min(d, 4)) }] : []),
        { label: 'float64 error', value: maxError.isZero() ? 'none' : `<= ${formatSignificant(maxError, 2)}`, ...(maxError.isZero() ? { tone: 'good' as const } : {}) },
      ],
    };
  },
};
