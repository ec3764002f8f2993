import { UsageError } from '../../core/errors.js';
import { writeReluNet } from '../../network/json-io.js';
import { widths } from '../../network/relu-net.js';
import { readSafetensors } from '../../network/safetensors.js';
import { netFromStateDict, readTorchJson, type StateDictReadOptions } from '../../network/state-dict.js';
import type { Command } from '../command.js';
import { readBytes } from '../inputs.js';

const FROM = ['safetensors', 'torch-json'] as const;

export const convertCommand: Command = {
  name: 'convert',
  summary: 'import a PyTorch nn.Sequential of Linear and ReLU (a state_dict) as an exact relu-net/1',
  description:
    'Reads a state_dict saved with safetensors (save_file(model.state_dict(), F); F32 and F64 tensors) or as JSON ' +
    '({"0.weight": [[...]], "0.bias": [...], "2.weight": ...}) and prints the relu-net/1 network, every float converted exactly ' +
    'by its binary value (JSON numbers too; JSON strings are exact rationals). Layers come in the order of the module indices, ' +
    'with a ReLU assumed between consecutive Linear layers (a state_dict does not record parameterless modules); a Linear without ' +
    'bias gets a zero bias. meta records the source, the module indices and these assumptions. With --out the net goes to the file ' +
    'and a summary to stdout (the net itself with --json).',
  positionals: [{ name: 'FILE', description: 'the state_dict file', required: true }],
  options: {
    from: { type: 'string', valueName: 'FORMAT', required: true, description: `the input format: ${FROM.join(' or ')}` },
    out: { type: 'string', valueName: 'FILE', description: 'write the relu-net/1 here instead of stdout' },
    prefix: { type: 'string', valueName: 'P', description: "import only the tensors named P<index>.<param> (e.g. 'net.' for a Sequential held as self.net)" },
    float32: { type: 'boolean', description: 'torch-json: round every number to float32 first (for JSON written from float32 values by their shortest text)' },
  },
  run(ctx) {
    const from = ctx.options['from'] as string;
    if (!(FROM as readonly string[]).includes(from)) throw new UsageError(`--from must be ${FROM.join(' or ')}, got ${JSON.stringify(from)}`);
    const file = ctx.positionals[0];
    const options: StateDictReadOptions = { file, format: from };
    if (typeof ctx.options['prefix'] === 'string') options.prefix = ctx.options['prefix'];
    if (ctx.options['float32'] === true) {
      if (from !== 'torch-json') throw new UsageError('--float32 applies to --from torch-json only (safetensors files say their dtype)');
      options.float32 = true;
    }
    const sd = from === 'safetensors' ? readSafetensors(readBytes(ctx, file), { file }) : readTorchJson(ctx.io.readText(file), options);
    const net = netFromStateDict(sd, options);
    const text = JSON.stringify(writeReluNet(net), null, 2) + '\n';
    const out = ctx.options['out'];
    if (typeof out !== 'string') {
      ctx.io.stdout(text);
      return;
    }
    ctx.io.writeText(out, text);
    if (ctx.json) ctx.io.stdout(text);
    else {
      const meta = net.meta as { modules: number[]; notes?: string[] };
      ctx.io.stdout(
        [`Wrote ${out}: a ReLU net with widths ${widths(net).join(' -> ')} from modules ${meta.modules.join(', ')} of ${file}, every float converted exactly.`, ...(meta.notes ?? []).map((n) => `note: ${n}`), ''].join('\n'),
      );
    }
  },
};
