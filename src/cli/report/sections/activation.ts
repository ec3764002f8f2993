import type { Sign } from '../../../core/sign.js';
import { activationPattern } from '../../../network/evaluate.js';
import type { Block, ReportSection } from '../section.js';

const SYMBOL: Record<Sign, string> = { 1: '+', [-1]: '-', 0: '0' };

export const activationSection: ReportSection = {
  id: 'activation-patterns',
  applies: (input) => input.net !== undefined && input.data !== undefined && input.net.layers.length > 1,
  build(input) {
    const net = input.net!;
    const X = input.data!.X;
    const patterns = X.rows.map((x) => activationPattern(net, x));
    const strings = patterns.map((p) => p.map((layer) => layer.map((s) => SYMBOL[s]).join('')).join(' | '));
    const ties: { point: number; layer: number; neuron: number }[] = [];
    patterns.forEach((p, i) => p.forEach((layer, k) => layer.forEach((s, j) => s === 0 && ties.push({ point: i, layer: k, neuron: j }))));
    const distinct = new Set(strings).size;
    const blocks: Block[] = [
      {
        kind: 'text',
        text: `Signs of the hidden pre-activations at each data point ('+' active, '-' inactive, '0' exactly on the neuron's switching hyperplane; layers separated by '|'). The data realise ${distinct} distinct pattern${distinct === 1 ? '' : 's'}.`,
      },
      { kind: 'table', header: ['i', 'x_i', 'pattern'], rows: strings.map((s, i) => [String(i), X.row(i).map(String).join(', '), s]) },
    ];
    if (ties.length > 0) {
      blocks.push({
        kind: 'note',
        text:
          `${ties.length} exact tie${ties.length === 1 ? '' : 's'}: ` +
          ties.map((t) => `x_${t.point} on neuron ${t.neuron + 1} of hidden layer ${t.layer + 1}`).join('; ') +
          '. There the output is not differentiable in the parameters; float code would silently pick a side.',
      });
    }
    const headline = [
      { label: 'distinct patterns', value: `${distinct} of ${X.nrows} points` },
      { label: 'exact ties', value: String(ties.length), ...(ties.length > 0 ? { tone: 'warn' as const } : { tone: 'good' as const }) },
    ];
    return { title: 'Activation patterns at the data', blocks, json: { patterns: strings, distinctPatterns: distinct, ties }, headline };
  },
};
