/**
 * numpy as an independent decoder of our safetensors files: it parses the header with Python's
 * json, reads the data with np.frombuffer('<f4' / '<f8'), and gives each value's exact ratio
 * (float.as_integer_ratio). Skips, with a note, where python3 with numpy is absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rationalFromFloat } from '../../src/field/float-exact.js';
import { readSafetensors, writeSafetensors } from '../../src/network/safetensors.js';

const NUMPY_READER = `
import json, struct, sys
import numpy as np
b = open(sys.argv[1], 'rb').read()
n = struct.unpack('<Q', b[:8])[0]
header = json.loads(b[8:8 + n])
data = b[8 + n:]
out = {}
for name, t in header.items():
    if name == '__metadata__':
        continue
    s, e = t['data_offsets']
    a = np.frombuffer(data[s:e], dtype={'F32': '<f4', 'F64': '<f8'}[t['dtype']])
    out[name] = ['%d/%d' % float(x).as_integer_ratio() for x in a]
print(json.dumps(out))
`;

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
if (!hasNumpy) console.warn('NOTE: python3 with numpy not found: the numpy cross-check of safetensors decoding is skipped');

describe.skipIf(!hasNumpy)('safetensors decoding against numpy', () => {
  it('gives the same exact value for every float32 and float64 entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relu-exact-st-'));
    const f32 = fc.sample(fc.float({ noNaN: true, noDefaultInfinity: true }), { numRuns: 300, seed: 7 });
    const f64 = fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), { numRuns: 300, seed: 8 });
    const bytes = writeSafetensors([
      { name: 'a', dtype: 'F32', shape: [f32.length], values: f32 },
      { name: 'b', dtype: 'F64', shape: [f64.length], values: f64 },
    ]);
    const file = join(dir, 'x.safetensors');
    writeFileSync(file, bytes);
    const r = spawnSync('python3', ['-c', NUMPY_READER, file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const numpy = JSON.parse(r.stdout) as Record<string, string[]>;
    const ours = readSafetensors(bytes);
    for (const name of ['a', 'b']) {
      const t = ours.tensors.get(name)!;
      const mine = numpy[name].map((_, i) => t.value(i).toString());
      // numpy prints p/1 for integers; ours prints p.
      expect(mine).toEqual(numpy[name].map((s) => s.replace(/\/1$/, '')));
    }
    // And both agree with the values we wrote (float32 widened exactly).
    expect(numpy['a'].map((s) => s.replace(/\/1$/, ''))).toEqual(f32.map((x) => rationalFromFloat(x).toString()));
  });
});
