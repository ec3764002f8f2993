import { describe, expect, it } from 'vitest';
import { readReluNet } from '../../src/network/json-io.js';
import { runBinary, runInMemory } from '../helpers/cli.js';
import { entry, f32Bytes, rawSafetensors } from '../helpers/safetensors.js';

const FIXTURE = 'examples/torch/tiny.safetensors';
const FIXTURE_JSON = 'examples/torch/tiny.state_dict.json';

describe('relu-exact convert', () => {
  it('prints the relu-net/1 of the shipped safetensors fixture, converted exactly', () => {
    const r = runBinary(['convert', '--from', 'safetensors', FIXTURE]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('relu-net/1');
    // float32(0.8) = 13421773 / 2^24, float32(0.05) = 13421773 / 2^28 (numpy: np.float32(0.8).as_integer_ratio()).
    expect(out.layers[0].W[0]).toEqual(['13421773/16777216']);
    expect(out.layers[1].b).toEqual(['13421773/268435456']);
    expect(out.meta.assumed).toContain('a ReLU between consecutive Linear layers');
    readReluNet(r.stdout); // a valid relu-net/1
  });
  it('gives the same net from the JSON state_dict, and writes --out with a summary', async () => {
    const fromJson = await runInMemory(['convert', '--from', 'torch-json', FIXTURE_JSON, '--out', 'virtual:net.json']);
    expect(fromJson.code).toBe(0);
    expect(fromJson.stdout).toContain('Wrote virtual:net.json: a ReLU net with widths 1 -> 3 -> 1 from modules 0, 2');
    const a = JSON.parse(fromJson.written.get('virtual:net.json')!);
    const b = JSON.parse((await runInMemory(['convert', '--from', 'safetensors', FIXTURE])).stdout);
    expect(a.layers).toEqual(b.layers);
    const withJson = await runInMemory(['convert', '--from', 'torch-json', FIXTURE_JSON, '--out', 'virtual:n.json', '--json']);
    expect(JSON.parse(withJson.stdout).layers).toEqual(b.layers);
  });
  it('feeds the other commands: eval of the imported net', async () => {
    const net = (await runInMemory(['convert', '--from', 'safetensors', FIXTURE])).stdout;
    const r = await runInMemory(['eval', '--net', 'virtual:n.json', '--points', 'virtual:p.json', '--json'], {
      'virtual:n.json': net,
      'virtual:p.json': '{"format": "matrix/1", "rows": [["0"]]}',
    });
    // f(0) = 1.1 relu(-0.4) - 0.7 relu(0.65) + 2 relu(0.1) + 0.05 in float32 values, summed exactly.
    const q = (p: bigint, k: bigint) => [p, 2n ** k] as const;
    const [v, w, b2, c] = [q(-11744051n, 24n), q(5452595n, 23n), q(13421773n, 27n), q(13421773n, 28n)];
    const num = v[0] * w[0] + 2n * b2[0] * 2n ** 20n + c[0] * 2n ** 19n; // over 2^47
    expect(JSON.parse(r.stdout).values[0]).toBe(reduce(num, 2n ** 47n));
  });
  it('lets --net take a .safetensors file directly', async () => {
    const r = await runInMemory(['spline', '--net', FIXTURE, '--json']);
    expect(r.code, r.stderr).toBe(0);
    // float32: 0.4/0.8 and 0.65/1.3 are both exactly 1/2, so neurons 1 and 2 share one knot.
    expect(JSON.parse(r.stdout).knots).toEqual(['-13421773/60397976', '1/2']);
  });
  it.each([
    ['truncated data', rawSafetensors({ '0.weight': entry('F32', [1, 2], 0, 8) }, f32Bytes([1])), 'virtual:m.safetensors: 0.weight: data_offsets [0, 8] reach beyond the 4 data bytes'],
    ['a header length beyond the file', rawSafetensors({}, [], { headerLength: 99 }), 'the header length says 99 bytes but only 2 follow'],
    ['a bad JSON header', rawSafetensors(null, [], { headerText: '{"0.weight": ' }), 'the header is not valid JSON'],
    ['a wrong dtype', rawSafetensors({ '0.weight': entry('BF16', [1, 1], 0, 2) }, [0, 0]), '0.weight: dtype BF16 is not supported'],
    ['shapes that do not chain', rawSafetensors({ '0.weight': entry('F32', [2, 1], 0, 8), '2.weight': entry('F32', [1, 3], 8, 20) }, f32Bytes([1, 2, 3, 4, 5])), '2.weight: has shape [1, 3] (3 inputs) but 0.weight gives 2 outputs'],
  ])('exits 2 with one clear line on %s', async (_what, bytes, message) => {
    const r = await runInMemory(['convert', '--from', 'safetensors', 'virtual:m.safetensors'], { 'virtual:m.safetensors': bytes });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`relu-exact convert: `);
    expect(r.stderr).toContain(message);
  });
  it.each([
    [['convert', '--from', 'onnx', FIXTURE], '--from must be safetensors or torch-json, got "onnx"'],
    [['convert', FIXTURE], 'missing --from FORMAT'],
    [['convert', '--from', 'safetensors'], 'missing FILE'],
    [['convert', '--from', 'safetensors', FIXTURE, '--float32'], '--float32 applies to --from torch-json only'],
    [['convert', '--from', 'safetensors', 'no/such.safetensors'], 'no/such.safetensors: cannot read the file (no such file)'],
    [['convert', '--from', 'torch-json', FIXTURE], 'malformed JSON'],
  ])('refuses %j with exit 2', async (argv, message) => {
    const r = await runInMemory(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

function reduce(p: bigint, q: bigint): string {
  const g = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : g(b, a % b));
  const d = g(p, q);
  return q / d === 1n ? `${p / d}` : `${p / d}/${q / d}`;
}
