import { QQ } from '../../../field/qq.js';
import { Mat } from '../../../linalg/mat.js';
import { rank } from '../../../linalg/operations.js';
import type { ReportSection } from '../section.js';

export const dataSection: ReportSection = {
  id: 'data',
  applies: (input) => input.data !== undefined,
  build(input) {
    const { X, y } = input.data!;
    const lifted = Mat.fromRows(
      QQ,
      X.rows.map((r) => [...r, QQ.one]),
      X.ncols + 1,
    );
    const affineDimension = rank(lifted) - 1;
    const distinct = new Set(X.rows.map((r) => r.join(','))).size;
    const rows = X.rows.map((x, i) => [String(i), x.map(String).join(', '), y !== undefined ? String(y[i]) : '']);
    return {
      title: 'Data',
      blocks: [
        {
          kind: 'text',
          text:
            `${X.nrows} point${X.nrows === 1 ? '' : 's'} in R^${X.ncols}, ${y !== undefined ? 'with labels' : 'without labels'}; ` +
            `${distinct} distinct. Exact rank of the lifted matrix [X 1] is ${affineDimension + 1}: the points span an affine subspace of dimension ${affineDimension}.`,
        },
        { kind: 'table', header: ['i', 'x_i', y !== undefined ? 'y_i' : ''], rows },
      ],
      json: { points: X.nrows, dimension: X.ncols, labelled: y !== undefined, distinctPoints: distinct, affineDimension },
      headline: [
        { label: 'points', value: `${X.nrows} in R^${X.ncols}${y !== undefined ? ', labelled' : ''}` },
        ...(distinct < X.nrows ? [{ label: 'repeated points', value: String(X.nrows - distinct), tone: 'warn' as const }] : []),
      ],
    };
  },
};
