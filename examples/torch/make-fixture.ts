/**
 * Writes the tiny PyTorch fixtures `tiny.safetensors` and `tiny.state_dict.json`: the state_dict
 * of `nn.Sequential(nn.Linear(1, 3), nn.ReLU(), nn.Linear(3, 1))` in float32, as PyTorch's
 * `safetensors.torch.save_file(model.state_dict(), ...)` and
 * `json.dump({k: v.tolist() for k, v in model.state_dict().items()}, ...)` write it.
 * No download: the bytes are made here. Run `npx tsx examples/torch/make-fixture.ts` to rewrite
 * them; the test suite checks that the files in the repository are what this script makes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createReluNet, QQ, rationalFromFloat, stateDictOfNet, writeSafetensors, writeTorchJson } from 'relu-exact';

/** Weights as a trained float32 model would hold them: the float32 nearest to each decimal. */
const DECIMALS = {
  W0: [[0.8], [-1.3], [0.45]],
  b0: [-0.4, 0.65, 0.1],
  W1: [[1.1, -0.7, 2.0]],
  b1: [0.05],
};

export function tinyNet() {
  const q = (x: number) => rationalFromFloat(Math.fround(x));
  return createReluNet(QQ, [
    { W: DECIMALS.W0.map((r) => r.map(q)), b: DECIMALS.b0.map(q) },
    { W: DECIMALS.W1.map((r) => r.map(q)), b: DECIMALS.b1.map(q) },
  ]);
}

export function main(): { safetensors: Uint8Array; json: string } {
  const tensors = stateDictOfNet(tinyNet(), 'F32');
  return { safetensors: writeSafetensors(tensors, { format: 'pt' }), json: writeTorchJson(tensors) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { safetensors, json } = main();
  writeFileSync(new URL('./tiny.safetensors', import.meta.url), safetensors);
  writeFileSync(new URL('./tiny.state_dict.json', import.meta.url), json);
  console.log(`wrote tiny.safetensors (${safetensors.length} bytes) and tiny.state_dict.json`);
}
