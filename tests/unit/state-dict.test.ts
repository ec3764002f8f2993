import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { main as makeFixture, tinyNet } from '../../examples/torch/make-fixture.js';
import { InputError } from '../../src/core/errors.js';
import { rationalFromFloat } from '../../src/field/float-exact.js';
import { QQ } from '../../src/field/qq.js';
import { Rational } from '../../src/field/rational.js';
import { readSafetensors, writeSafetensors } from '../../src/network/safetensors.js';
import { netFromStateDict, readTorchJson, stateDictOfNet, writeTorchJson } from '../../src/network/state-dict.js';
import { createReluNet, type ReluNet } from '../../src/network/relu-net.js';
import { architecture } from '../helpers/nets.js';
import { concatBytes, entry, f32Bytes, f64Bytes, rawSafetensors } from '../helpers/safetensors.js';

const sameNet = (a: ReluNet<Rational>, b: ReluNet<Rational>): boolean =>
  a.layers.length === b.layers.length &&
  a.layers.every((l, k) => l.W.nrows === b.layers[k].W.nrows && l.W.ncols === b.layers[k].W.ncols && l.W.rows.every((r, i) => r.every((x, j) => x.eq(b.layers[k].W.get(i, j)))) && l.b.every((x, i) => x.eq(b.layers[k].b[i])));

/** A random net whose parameters are exactly floats of the kind `values` draws. */
const floatNet = (values: fc.Arbitrary<number>) =>
  architecture.chain((ws) =>
    fc
      .tuple(...ws.slice(1).map((out, k) => fc.record({ W: fc.array(fc.array(values, { minLength: ws[k], maxLength: ws[k] }), { minLength: out, maxLength: out }), b: fc.array(values, { minLength: out, maxLength: out }) })))
      .map((ls) => createReluNet(QQ, ls.map((l) => ({ W: l.W.map((r) => r.map(rationalFromFloat)), b: l.b.map(rationalFromFloat) })))),
  );
const finite64 = fc.double({ noNaN: true, noDefaultInfinity: true });
const finite32 = fc.float({ noNaN: true, noDefaultInfinity: true });

function importError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('state_dict importers: round trips are exact', () => {
  test.prop([floatNet(finite64)], { numRuns: 60 })('float64 safetensors and JSON give back the rationals we started from', (net) => {
    const tensors = stateDictOfNet(net, 'F64');
    expect(sameNet(netFromStateDict(readSafetensors(writeSafetensors(tensors))), net)).toBe(true);
    expect(sameNet(netFromStateDict(readTorchJson(writeTorchJson(tensors))), net)).toBe(true);
  });
  test.prop([floatNet(finite32)], { numRuns: 60 })('float32 safetensors and JSON give back the rationals we started from (float32 widens exactly)', (net) => {
    const tensors = stateDictOfNet(net, 'F32');
    const sd = readSafetensors(writeSafetensors(tensors));
    expect([...sd.tensors.values()].every((t) => t.dtype === 'F32')).toBe(true);
    expect(sameNet(netFromStateDict(sd), net)).toBe(true);
    expect(sameNet(netFromStateDict(readTorchJson(writeTorchJson(tensors))), net)).toBe(true);
  });
  it('converts by binary value: float32 0.1 is 13421773/134217728, float64 0.1 is 3602879701896397/36028797018963968', () => {
    const bytes = rawSafetensors({ '0.weight': entry('F32', [1, 1], 0, 4), '0.bias': entry('F64', [1], 4, 12) }, concatBytes(f32Bytes([0.1]), f64Bytes([0.1])));
    const net = netFromStateDict(readSafetensors(bytes));
    expect(net.layers[0].W.get(0, 0).toString()).toBe('13421773/134217728');
    expect(net.layers[0].b[0].toString()).toBe('3602879701896397/36028797018963968');
    // Extremes: the smallest subnormal float32 and the largest float64, exactly.
    const extreme = netFromStateDict(readSafetensors(rawSafetensors({ '0.weight': entry('F32', [1, 1], 0, 4), '0.bias': entry('F64', [1], 4, 12) }, concatBytes(f32Bytes([2 ** -149]), f64Bytes([Number.MAX_VALUE])))));
    expect(extreme.layers[0].W.get(0, 0).eq(Rational.of(1n, 2n ** 149n))).toBe(true);
    expect(extreme.layers[0].b[0].eq(Rational.fromBigint((2n ** 53n - 1n) * 2n ** 971n))).toBe(true);
  });
  it('reads JSON strings as exact rationals, and rounds numbers to float32 on request', () => {
    const text = '{"0.weight": [["1/3"]], "0.bias": [0.1]}';
    expect(netFromStateDict(readTorchJson(text)).layers[0].W.get(0, 0).toString()).toBe('1/3');
    expect(netFromStateDict(readTorchJson(text, { float32: true })).layers[0].b[0].toString()).toBe('13421773/134217728');
  });
});

describe('the shipped fixture', () => {
  it('is what examples/torch/make-fixture.ts makes, and imports to the net it was made from', () => {
    const { safetensors, json } = makeFixture();
    const onDisk = readFileSync('examples/torch/tiny.safetensors');
    expect(Buffer.from(safetensors).equals(onDisk)).toBe(true);
    expect(readFileSync('examples/torch/tiny.state_dict.json', 'utf8')).toBe(json);
    const fromBinary = netFromStateDict(readSafetensors(onDisk, { file: 'tiny.safetensors' }), { file: 'tiny.safetensors', format: 'safetensors' });
    expect(sameNet(fromBinary, tinyNet() as ReluNet<Rational>)).toBe(true);
    expect(sameNet(netFromStateDict(readTorchJson(json)), fromBinary)).toBe(true);
    expect(fromBinary.meta).toMatchObject({ modules: [0, 2], importedFrom: { format: 'safetensors', dtypes: ['F32'] }, metadata: { format: 'pt' } });
    // The header is padded with spaces so the data starts at a multiple of 8, as the reference writer does.
    expect((8 + Number(new DataView(onDisk.buffer, onDisk.byteOffset).getBigUint64(0, true))) % 8).toBe(0);
  });
});

describe('state_dict structure', () => {
  const sd = (tensors: Record<string, unknown>) => readTorchJson(JSON.stringify(tensors));
  it('orders layers by module index (not by name) and records the modules', () => {
    const net = netFromStateDict(sd({ '10.weight': [[5, 6]], '10.bias': [7], '0.weight': [[1], [2]], '0.bias': [3, 4] }));
    expect(net.layers.map((l) => [l.W.nrows, l.W.ncols])).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(net.meta).toMatchObject({ modules: [0, 10], notes: ['modules 1..9 have no parameters and are taken as one ReLU (Dropout and Identity are fine in eval mode)'] });
  });
  it('gives a Linear without bias a zero bias, and says so', () => {
    const net = netFromStateDict(sd({ '0.weight': [[1]], '2.weight': [[2]], '2.bias': [1] }));
    expect(net.layers[0].b[0].isZero()).toBe(true);
    expect(net.meta).toMatchObject({ zeroBias: ['0.bias'] });
    expect((net.meta as { notes: string[] }).notes[0]).toContain('0.bias is absent (Linear with bias=False): taken as zero');
  });
  it('takes a prefix, and asks for one when two modules are saved', () => {
    const both = { 'net.0.weight': [[1]], 'net.0.bias': [0], 'head.0.weight': [[2]] };
    expect(importError(() => netFromStateDict(sd(both))).message).toContain('tensors of more than one module ("head.", "net."): choose one with --prefix');
    const net = netFromStateDict(sd(both), { prefix: 'net.' });
    expect(net.layers).toHaveLength(1);
    expect(net.meta).toMatchObject({ importedFrom: { prefix: 'net.' } });
  });
  it.each([
    [{ '0.weight': [[1, 2]], '1.weight': [1], '1.bias': [0], '1.running_mean': [0], '1.running_var': [1], '1.num_batches_tracked': 3, '3.weight': [[1]] }, 'module 1 is a batch normalisation'],
    [{ '0.weight': [[1, 2]], '1.weight': [1, 1], '1.bias': [0, 0], '3.weight': [[1, 1]] }, '1.weight has the 1-D shape [2]: module 1 is a normalisation (BatchNorm or LayerNorm?)'],
    [{ '0.weight': [[[[1]]]] }, '0.weight has the 4-D shape [1, 1, 1, 1]: module 0 is not Linear (a convolution?)'],
    [{ '0.weight': 2 }, '0.weight has the 0-D shape []: module 0 is not Linear; relu-exact imports Linear and ReLU only'],
    [{ '0.weight': [[1]], '0.weight_ih_l0': [[1]] }, 'module 0 has parameters weight_ih_l0'],
    [{ '0.bias': [1] }, 'module 0 has a bias but no weight'],
    [{ '0.weight': [[1, 2], [3, 4], [5, 6]], '2.weight': [[1, 2]] }, '2.weight: has shape [1, 2] (2 inputs) but 0.weight gives 3 outputs: the shapes do not chain'],
    [{ '0.weight': [[1]], '0.bias': [1, 2] }, '0.bias: has shape [2] but 0.weight has 1 rows: expected [1]'],
    [{ '0.weight': [[1]], '1.weight': [[1]] }, 'modules 0 and 1 are both Linear with no module between them'],
    [{ 'fc1.weight': [[1]], 'fc2.weight': [[1]] }, 'fc1.weight: not a parameter of a numbered nn.Sequential'],
    [{ '0.weight': [[1], [2, 3]] }, '0.weight: ragged nested lists'],
    [{ '0.weight': [[true]] }, '0.weight: true is not a number'],
    [{ '0.weight': [['1/0']] }, '0.weight: "1/0" is not a number (zero denominator)'],
    [{ state_dict: { '0.weight': [[1]] } }, 'state_dict: expected a tensor (nested lists of numbers), got an object'],
    [{}, 'the state_dict holds no tensors'],
  ])('refuses %j: %s', (tensors, message) => {
    expect(importError(() => netFromStateDict(sd(tensors))).message).toContain(message);
  });
  it('refuses infinite JSON numbers, naming the entry', () => {
    expect(importError(() => netFromStateDict(readTorchJson('{"0.weight": [[1, 1e400]]}', { file: 'm.json' }))).message).toBe('m.json: 0.weight: entry [0, 1] is Infinity, not a finite number');
  });
});

describe('safetensors container checks', () => {
  const good = () => ({ '0.weight': entry('F32', [1, 2], 0, 8), '0.bias': entry('F32', [1], 8, 12) });
  const data = f32Bytes([1, 2, 3]);
  const read = (bytes: Uint8Array) => importError(() => netFromStateDict(readSafetensors(bytes, { file: 'm.safetensors' }))).message;
  it.each([
    ['a file shorter than 8 bytes', new Uint8Array([1, 2, 3]), 'm.safetensors: too short for safetensors: 3 bytes'],
    ['a header length beyond the file', rawSafetensors(good(), data, { headerLength: 1e6 }), 'the header length says 1000000 bytes but only'],
    ['truncated data', rawSafetensors(good(), data.subarray(0, 10)), 'm.safetensors: 0.bias: data_offsets [8, 12] reach beyond the 10 data bytes in the file (truncated?)'],
    ['a header that is not JSON', rawSafetensors(null, data, { headerText: '{"0.weight": {"dtype": "F32",' }), 'the header is not valid JSON (malformed JSON at line 1'],
    ['a header that is not an object', rawSafetensors(null, data, { headerText: '[1, 2]' }), "the header must be a JSON object starting with '{'"],
    ['a header that is not UTF-8', (() => { const b = rawSafetensors(null, data, { headerText: '{"x": 1}' }); b[10] = 0xff; return b; })(), 'the header is not valid UTF-8'],
    ['an unsupported dtype', rawSafetensors({ '0.weight': entry('F16', [1, 2], 0, 4), '0.bias': entry('F32', [1], 4, 8) }, data.subarray(0, 8)), '0.weight: dtype F16 is not supported: relu-exact reads F32 and F64 tensors'],
    ['an integer dtype', rawSafetensors({ '0.weight': entry('I64', [1, 1], 0, 8) }, data.subarray(0, 8)), '0.weight: dtype I64 is not supported'],
    ['an unknown dtype', rawSafetensors({ '0.weight': entry('F12', [1, 1], 0, 4) }, data.subarray(0, 4)), '0.weight: unknown dtype "F12"'],
    ['a size that does not match the shape', rawSafetensors({ '0.weight': entry('F32', [1, 3], 0, 8), '0.bias': entry('F32', [1], 8, 12) }, data), 'shape [1, 3] of F32 needs 3 x 4 = 12 bytes but data_offsets [0, 8] hold 8'],
    ['overlapping tensors', rawSafetensors({ '0.weight': entry('F32', [1, 2], 0, 8), '0.bias': entry('F32', [1], 4, 8) }, data.subarray(0, 8)), 'overlap those of'],
    ['a hole in the data', rawSafetensors({ '0.weight': entry('F32', [1, 1], 0, 4), '0.bias': entry('F32', [1], 8, 12) }, data), '0.bias: data bytes 4..8 belong to no tensor'],
    ['bytes after the last tensor', rawSafetensors(good(), concatBytes(data, new Uint8Array(4))), '4 bytes after the last tensor belong to no tensor'],
    ['offsets that run backwards', rawSafetensors({ '0.weight': entry('F32', [0], 8, 4) }, data), 'data_offsets [8, 4] run backwards'],
    ['a negative shape', rawSafetensors({ '0.weight': { dtype: 'F32', shape: [-1, 2], data_offsets: [0, 8] } }, data), 'shape: expected non-negative integers, got -1'],
    ['a NaN weight', rawSafetensors(good(), f32Bytes([1, NaN, 3])), '0.weight: entry [0, 1] is NaN, not a finite number'],
    ['metadata that is not strings', rawSafetensors({ __metadata__: { epochs: 3 }, ...good() }, data), '__metadata__.epochs: expected string values, got 3'],
  ])('refuses %s', (_what, bytes, message) => {
    expect(read(bytes)).toContain(message);
  });
  it('gives the layer message, not the dtype of a counter, for a saved BatchNorm', () => {
    const header = { '0.weight': entry('F32', [1, 1], 0, 4), '1.weight': entry('F32', [1], 4, 8), '1.num_batches_tracked': entry('I64', [], 8, 16), '2.weight': entry('F32', [1, 1], 16, 20) };
    expect(read(rawSafetensors(header, concatBytes(f32Bytes([1, 1]), new Uint8Array(8), f32Bytes([1]))))).toContain('module 1 is a batch normalisation');
  });
  it('keeps the metadata and accepts empty tensors anywhere', () => {
    const header = { __metadata__: { format: 'pt' }, empty: entry('F32', [0, 3], 4, 4), '0.weight': entry('F32', [1, 1], 0, 4) };
    const sd = readSafetensors(rawSafetensors(header, f32Bytes([2])));
    expect(sd.metadata).toEqual({ format: 'pt' });
    expect(sd.tensors.get('empty')!.shape).toEqual([0, 3]);
  });
  it('refuses to write a value the dtype cannot hold exactly', () => {
    expect(() => writeSafetensors([{ name: 'w', dtype: 'F32', shape: [1], values: [0.1] }])).toThrow('w: writeSafetensors: entry [0] = 0.1 is not exactly a float32');
    const third = createReluNet(QQ, [{ W: [[Rational.of(1, 3)]], b: [Rational.ZERO] }]);
    expect(() => stateDictOfNet(third)).toThrow('0.weight[0, 0]: 1/3 is not exactly a float64');
  });
});
