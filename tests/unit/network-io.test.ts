import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { readDataset, readMatrix, readPoints, readReluNet, writeDataset, writeReluNet } from '../../src/network/json-io.js';
import { parameterCount, widths } from '../../src/network/relu-net.js';

const net = (layers: unknown, extra: Record<string, unknown> = {}): string => JSON.stringify({ format: 'relu-net/1', layers, ...extra });
const good = [
  { W: [['1', '-1/2'], ['3', '0']], b: ['0', '1'] },
  { W: [['2', '-1']], b: ['0'] },
];

describe('relu-net/1', () => {
  it('reads the FORMATS.md example exactly', () => {
    const n = readReluNet(net(good));
    expect(widths(n)).toEqual([2, 2, 1]);
    expect(parameterCount(n)).toBe(9);
    expect(n.layers[0].W.get(0, 1).toString()).toBe('-1/2');
  });
  it('reads JSON numbers by their shortest text, or their binary value with floats: binary', () => {
    const text = '{"format":"relu-net/1","layers":[{"W":[[0.1]],"b":[2.5e-1]}]}';
    expect(readReluNet(text).layers[0].W.get(0, 0).toString()).toBe('1/10');
    expect(readReluNet(text).layers[0].b[0].toString()).toBe('1/4');
    expect(readReluNet(text, { floats: 'binary' }).layers[0].W.get(0, 0).toString()).toBe('3602879701896397/36028797018963968');
  });
  it('round-trips through writeReluNet, keeping name and meta', () => {
    const n = readReluNet(net(good, { name: 'n', meta: { seed: 3, tags: ['a'] } }));
    const again = readReluNet(JSON.stringify(writeReluNet(n)));
    expect(writeReluNet(again)).toEqual(writeReluNet(n));
    expect(again.name).toBe('n');
    expect(again.meta).toEqual({ seed: 3, tags: ['a'] });
  });

  // Each bad input: the message names the file, the JSON path and the reason.
  it.each([
    ['malformed JSON', '{"format": "relu-net/1", "layers": [}', 'net.json: malformed JSON at line 1, column 37'],
    ['missing format', JSON.stringify({ layers: good }), 'net.json: format: missing (expected "relu-net/1")'],
    ['wrong format', JSON.stringify({ format: 'relu-net/2', layers: good }), 'net.json: format: expected "relu-net/1", got "relu-net/2"'],
    ['not an object', '[1, 2]', 'net.json: expected an object, got a list of length 2'],
    ['no layers key', JSON.stringify({ format: 'relu-net/1' }), 'net.json: layers: expected a list, got missing'],
    ['empty layers', net([]), 'net.json: layers: has no layers'],
    ['layer not an object', net([[1]]), 'net.json: layers[0]: expected an object'],
    ['missing W', net([{ b: ['1'] }]), 'net.json: layers[0].W: missing'],
    ['missing b', net([{ W: [['1']] }]), 'net.json: layers[0].b: missing'],
    ['misspelt key', net([{ W: [['1']], b: ['1'], bias: ['1'] }]), 'net.json: layers[0]: unknown key "bias" (expected W, b)'],
    ['ragged W', net([{ W: [['1', '2'], ['3']], b: ['0', '0'] }]), 'net.json: layers[0].W[1]: has 1 entries, layers[0].W[0] has 2'],
    ['empty W', net([{ W: [], b: [] }]), 'net.json: layers[0].W: is empty'],
    ['empty rows', net([{ W: [[]], b: ['0'] }]), 'net.json: layers[0].W: rows are empty'],
    ['W not nested', net([{ W: ['1', '2'], b: ['0'] }]), 'net.json: layers[0].W[0]: expected a list, got "1"'],
    ['bias too short', net([{ W: [['1'], ['2']], b: ['0'] }]), 'net.json: layers[0].b: has length 1 but layers[0].W has 2 rows'],
    ['mis-chained layers', net([good[0], { W: [['1', '2', '3']], b: ['0'] }]), 'net.json: layers[1].W: has 3 columns but layers[0] has 2 outputs'],
    ['mis-chained later row', net([good[0], { W: [['1', '2'], ['1']], b: ['0', '0'] }]), 'net.json: layers[1].W[1]: has 1 entries, expected 2'],
    ['1/0', net([{ W: [['1', '1/0']], b: ['0'] }]), 'net.json: layers[0].W[0][1]: "1/0" is not a number (zero denominator)'],
    ['NaN string', net([{ W: [['NaN']], b: ['0'] }]), 'net.json: layers[0].W[0][0]: "NaN" is not a number (not finite)'],
    ['NaN literal', '{"format":"relu-net/1","layers":[{"W":[[NaN]],"b":[0]}]}', 'NaN and Infinity are not JSON'],
    ['word', net([{ W: [['one']], b: ['0'] }]), 'net.json: layers[0].W[0][0]: "one" is not a number: expected an integer'],
    ['null', net([{ W: [[null]], b: ['0'] }]), 'net.json: layers[0].W[0][0]: null is not a number'],
    ['boolean', net([{ W: [[true]], b: ['0'] }]), 'net.json: layers[0].W[0][0]: true is not a number'],
    ['empty string', net([{ W: [['']], b: ['0'] }]), 'net.json: layers[0].W[0][0]: "" is not a number (empty string)'],
    ['huge exponent', net([{ W: [['1e999999999']], b: ['0'] }]), 'net.json: layers[0].W[0][0]: "1e999999999" is not accepted: exponent beyond the limit of 10000'],
    ['huge JSON number', '{"format":"relu-net/1","layers":[{"W":[[1e999]],"b":[0]}]}', 'net.json: layers[0].W[0][0]: JSON number 1e999 is beyond the float64 range'],
    ['over-precise JSON number', '{"format":"relu-net/1","layers":[{"W":[[0.10000000000000000001]],"b":[0]}]}', 'layers[0].W[0][0]: JSON number 0.10000000000000000001 has more digits'],
    ['name not a string', net(good, { name: 3 }), 'net.json: name: expected a string'],
  ])('refuses %s', (_label, text, message) => {
    expect(() => readReluNet(text, { file: 'net.json' })).toThrow(InputError);
    expect(() => readReluNet(text, { file: 'net.json' })).toThrow(message);
  });
});

describe('dataset/1 and matrix/1', () => {
  it('reads a data set with and without labels', () => {
    const d = readDataset('{"format":"dataset/1","X":[["0"],["1/2"],["1"]],"y":["0","1","0"]}');
    expect(d.X.nrows).toBe(3);
    expect(d.y?.map(String)).toEqual(['0', '1', '0']);
    expect(readDataset('{"format":"dataset/1","X":[[1,2]]}').y).toBeUndefined();
    expect(writeDataset(d)).toEqual({ format: 'dataset/1', X: [['0'], ['1/2'], ['1']], y: ['0', '1', '0'] });
  });
  it.each([
    ['{"format":"dataset/1"}', 'data.json: X: missing'],
    ['{"format":"dataset/1","X":[["1"],["2","3"]]}', 'data.json: X[1]: has 2 entries, X[0] has 1'],
    ['{"format":"dataset/1","X":[["1"]],"y":["1","2"]}', 'data.json: y: has length 2 but X has 1 points'],
    ['{"format":"dataset/1","X":[]}', 'data.json: X: is empty'],
    ['{"format":"relu-net/1","X":[["1"]]}', 'data.json: format: expected "dataset/1", got "relu-net/1"'],
  ])('refuses %s', (text, message) => {
    expect(() => readDataset(text, { file: 'data.json' })).toThrow(message);
  });
  it('reads matrices and points from either format', () => {
    expect(readMatrix('{"format":"matrix/1","rows":[["1","-2/3"],["0","5"]]}').get(0, 1).toString()).toBe('-2/3');
    expect(readPoints('{"format":"matrix/1","rows":[["1"]]}').nrows).toBe(1);
    expect(readPoints('{"format":"dataset/1","X":[["1"],["2"]]}').nrows).toBe(2);
    expect(() => readPoints('{"format":"relu-net/1"}', { file: 'p.json' })).toThrow('p.json: format: expected "dataset/1" or "matrix/1"');
    expect(() => readMatrix('{"format":"matrix/1","rows":[["1"],["1","2"]]}', { file: 'm.json' })).toThrow('m.json: rows[1]: has 2 entries');
  });
});
