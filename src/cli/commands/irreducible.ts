import { describeAffine, describeHyperplane } from '../../analyses/irreducibility/hyperplanes.js';
import { irreducibility, parseVariant, type IrreducibilityResult } from '../../analyses/irreducibility/irreducibility.js';
import type { Rational } from '../../field/rational.js';
import { writeReluNet } from '../../network/json-io.js';
import type { Command } from '../command.js';
import { integerOption, loadNet, printJson } from '../inputs.js';
import { table } from '../text.js';

export const irreducibleCommand: Command = {
  name: 'irreducible',
  summary: 'is a shallow net irreducible (no narrower net computes its function)? exact, any input dimension, with a minimal net',
  description:
    'Reads a shallow net with one output (one hidden layer, any input dimension) and decides exactly whether a net with fewer neurons ' +
    'computes the same function. Neurons are grouped by the hyperplane they switch on (positively or negatively parallel); each group ' +
    'has a kink coefficient c_H, and what is left is affine. The minimal width is K + e, K the hyperplanes with c_H != 0 and e in {0,1,2} ' +
    'for the affine part (LITERATURE-A 4.2). Prints the verdict, the reasons in words, the kinks and a minimal net (relu-net/1) computing ' +
    "exactly the same function. --variant: 'V1' (default) the output bias is part of the model, 'V0' no output bias, 'V2' a free affine " +
    'term (then the minimal net plus affineTerm computes f).',
  options: {
    net: { type: 'string', valueName: 'FILE', required: true, description: 'the network (relu-net/1, one hidden layer, one output)' },
    variant: { type: 'string', valueName: 'V', default: 'V1', description: "'V1' output bias (default), 'V0' none, 'V2' free affine term" },
    'max-states': { type: 'string', valueName: 'N', default: String(1 << 18), description: 'budget of the exact subset-sum search (distinct partial sums per half); past it: exit 3' },
  },
  run(ctx) {
    const variant = parseVariant(String(ctx.options['variant']));
    const maxStates = integerOption(ctx, 'max-states', { min: 1, max: 1 << 26 });
    const { net, file } = loadNet(ctx);
    const r = irreducibility(net, { variant, maxStates });
    if (ctx.json) {
      printJson(ctx, irreducibilityJson(r));
      return;
    }
    ctx.io.stdout(irreducibilityText(r, net.name ?? file) + '\n');
  },
};

const str = (v: readonly Rational[]): string[] => v.map(String);

export function irreducibilityJson(r: IrreducibilityResult): Record<string, unknown> {
  return {
    irreducible: r.irreducible,
    width: r.width,
    minimalWidth: r.minimalWidth,
    minimal: writeReluNet(r.minimal),
    reasons: r.reasons,
    variant: r.variant,
    kinkCount: r.kinkCount,
    extra: r.extra,
    kinks: r.kinks.kinks.map((g) => ({ normal: str(g.normal), offset: g.offset.toString(), coefficient: g.coefficient.toString(), neurons: g.members.map((m) => m.neuron) })),
    hyperplanesWithoutKink: r.kinks.groups.filter((g) => g.coefficient.isZero()).map((g) => ({ normal: str(g.normal), offset: g.offset.toString(), neurons: g.members.map((m) => m.neuron) })),
    affine: { linear: str(r.kinks.affine.linear), constant: r.kinks.affine.constant.toString() },
    affineTerm: r.affineTerm === null ? null : { linear: str(r.affineTerm.linear), constant: r.affineTerm.constant.toString() },
    exact: true,
  };
}

export function irreducibilityText(r: IrreducibilityResult, name: string): string {
  const verdict = r.irreducible ? 'irreducible' : `reducible: ${r.minimalWidth} neuron${r.minimalWidth === 1 ? ' suffices' : 's suffice'}`;
  const out = [`${name}: ${r.width} neuron${r.width === 1 ? '' : 's'}, minimal width ${r.minimalWidth} (${r.variant}, K = ${r.kinkCount}, e = ${r.extra}): ${verdict} (exact)`, ''];
  out.push('Why:', ...r.reasons.map((s) => `- ${s}`), '');
  if (r.kinks.kinks.length > 0) {
    out.push('Kinks (f = sum_H c_H relu(z_H) + affine part):');
    out.push(table(['hyperplane z_H = 0', 'c_H', 'neurons (from 1)'], r.kinks.kinks.map((g) => [`${describeHyperplane(g)} = 0`, g.coefficient.toString(), g.members.map((m) => m.neuron + 1).join(', ')])));
  }
  out.push(`Affine part: ${describeAffine(r.kinks.affine)}`, '');
  const hidden = r.minimal.layers.length === 1 ? [] : r.minimal.layers[0].W.rows.map((w, i) => [w.map(String).join(', '), r.minimal.layers[0].b[i].toString(), r.minimal.layers[1].W.get(0, i).toString()]);
  out.push(`A minimal net (${r.minimalWidth} neuron${r.minimalWidth === 1 ? '' : 's'}, output bias ${r.minimal.layers[r.minimal.layers.length - 1].b[0]}):`);
  if (hidden.length > 0) out.push(table(['w', 'b', 'v'], hidden));
  if (r.affineTerm !== null) out.push(`plus the free affine term ${describeAffine({ linear: r.affineTerm.linear, constant: r.affineTerm.constant })} (its constant is the output bias above)`);
  return out.join('\n').trimEnd();
}
