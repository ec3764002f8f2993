import { hiddenNeuronCount, isShallowScalar, parameterCount, widths } from '../../../network/relu-net.js';
import type { Block, ReportSection } from '../section.js';

export const networkSection: ReportSection = {
  id: 'network',
  applies: (input) => input.net !== undefined,
  build(input) {
    const net = input.net!;
    const ws = widths(net);
    const shallow = isShallowScalar(net);
    const blocks: Block[] = [
      {
        kind: 'text',
        text:
          `${net.name !== undefined ? `"${net.name}": a` : 'A'} ReLU network with widths ${ws.join(' -> ')} ` +
          `(${ws[0]} input${ws[0] === 1 ? '' : 's'}, ${ws.length - 2} hidden layer${ws.length === 3 ? '' : 's'}, ${ws[ws.length - 1]} output${ws[ws.length - 1] === 1 ? '' : 's'}): ` +
          `D = ${parameterCount(net)} parameters, N_h = ${hiddenNeuronCount(net)} hidden neurons.` +
          (shallow ? ' Shallow: f(x) = c + sum_i v_i relu(w_i . x + b_i).' : ''),
      },
    ];
    if (shallow) {
      const [first, second] = net.layers;
      blocks.push({
        kind: 'table',
        header: ['neuron i', 'w_i', 'b_i', 'v_i (outer weight)'],
        rows: first.W.rows.map((w, i) => [String(i + 1), w.map(String).join(', '), String(first.b[i]), String(second.W.get(0, i))]),
      });
      blocks.push({ kind: 'text', text: `Output bias c = ${second.b[0]}.` });
    } else {
      blocks.push({
        kind: 'table',
        header: ['layer', 'W shape', 'nonzero weights', 'activation'],
        rows: net.layers.map((l, k) => [
          String(k),
          `${l.W.nrows} x ${l.W.ncols}`,
          String(l.W.rows.flat().filter((x) => !x.isZero()).length),
          k === net.layers.length - 1 ? 'affine (output)' : 'ReLU',
        ]),
      });
    }
    return {
      title: 'Network',
      blocks,
      json: { widths: ws, parameterCount: parameterCount(net), hiddenNeurons: hiddenNeuronCount(net), shallow, name: net.name ?? null },
      headline: [
        { label: 'widths', value: ws.join(' -> ') + (shallow ? ' (shallow)' : '') },
        { label: 'parameters', value: String(parameterCount(net)) },
      ],
    };
  },
};
