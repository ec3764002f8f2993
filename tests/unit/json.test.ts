import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { jsonToPlain, JsonNumberLiteral, parseJson } from '../../src/core/json.js';

describe('parseJson', () => {
  it('keeps number literals as written', () => {
    const v = parseJson('{"a": [1.50, -0, 12345678901234567891, 1e-7]}') as { a: JsonNumberLiteral[] };
    expect(v.a.map((n) => n.text)).toEqual(['1.50', '-0', '12345678901234567891', '1e-7']);
  });
  it('reads strings with escapes', () => {
    expect(parseJson('"a\\"b\\\\c\\n\\u00e9\\/"')).toBe('a"b\\c\né/');
  });
  it.each([
    ['{"a": 1,}', 'line 1, column 9'],
    ['[1, 2', 'unexpected end of input'],
    ['{"a": NaN}', 'NaN and Infinity are not JSON'],
    ['{"a": 1, "a": 2}', 'duplicate key "a"'],
    ['{a: 1}', 'expected a key in double quotes'],
    ['[01]', "expected ',' or ']'"],
    ['"abc', 'unterminated string'],
    ['{}\n{}', 'line 2, column 1: unexpected text after the JSON value'],
    ['', 'unexpected end of input'],
    ['[' + '['.repeat(600), 'nesting deeper than 512'],
  ])('refuses %j (%s)', (text, message) => {
    expect(() => parseJson(text, 'f.json')).toThrow(InputError);
    expect(() => parseJson(text, 'f.json')).toThrow(message);
    expect(() => parseJson(text, 'f.json')).toThrow(/^f\.json: malformed JSON/);
  });
  test.prop([fc.json()])('agrees with JSON.parse on every JSON text (numbers compared by value)', (text) => {
    expect(jsonToPlain(parseJson(text))).toEqual(JSON.parse(text));
  });
});
