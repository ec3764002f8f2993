/**
 * Where an imported net came from (PyTorch state_dicts: `convert`, or `--net F.safetensors`) and
 * what the import had to assume, so the reader of a report knows what was analysed.
 */
import type { Block, Fact, ReportSection } from '../section.js';

interface ImportMeta {
  importedFrom: { format: string; file?: string; prefix?: string; dtypes: string[]; roundedToFloat32?: boolean };
  modules: number[];
  assumed: string;
  conversion?: string;
  zeroBias?: string[];
  notes?: string[];
  metadata?: Record<string, string>;
}

const importMeta = (meta: unknown): ImportMeta | undefined => {
  const m = meta as Partial<ImportMeta> | undefined;
  return m !== null && typeof m === 'object' && typeof m.importedFrom === 'object' && Array.isArray(m.modules) ? (m as ImportMeta) : undefined;
};

export const importedSection: ReportSection = {
  id: 'imported',
  applies: (input) => input.net !== undefined && importMeta(input.net.meta) !== undefined,
  build(input) {
    const m = importMeta(input.net!.meta)!;
    const src = m.importedFrom;
    const dtypes = src.dtypes.map((d) => (d === 'json' ? 'JSON numbers' : d)).join(', ');
    const blocks: Block[] = [
      {
        kind: 'text',
        text:
          `Imported from a PyTorch state_dict (${src.format}${src.file !== undefined ? `, ${src.file}` : ''}${src.prefix !== undefined ? `, tensors under ${src.prefix}` : ''}): ` +
          `nn.Sequential modules ${m.modules.join(', ')} are the layers, in that order. Values: ${dtypes}, ${m.conversion ?? 'converted exactly'}` +
          `${src.roundedToFloat32 === true ? ' (JSON numbers rounded to float32 first, as asked)' : ''}; every exact result here is exact for those floats.`,
      },
      { kind: 'note', text: `Assumed: ${m.assumed}. If the model had another activation, or one after the last Linear, this is not its function.` },
      ...(m.notes ?? []).map((n): Block => ({ kind: 'note', text: n })),
    ];
    if (m.metadata !== undefined && Object.keys(m.metadata).length > 0) {
      blocks.push({ kind: 'table', header: ['safetensors metadata', 'value'], rows: Object.entries(m.metadata).map(([k, v]) => [k, v]) });
    }
    const headline: Fact[] = [
      { label: 'source', value: `${src.format} (${dtypes})` },
      { label: 'layers from modules', value: m.modules.join(', ') },
      ...(m.zeroBias !== undefined ? [{ label: 'zero biases', value: m.zeroBias.join(', '), tone: 'warn' as const }] : []),
    ];
    return { title: 'Imported from PyTorch', blocks, json: { ...m }, headline };
  },
};
