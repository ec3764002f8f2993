/**
 * A strict JSON reader that keeps every number literal as the text the user wrote.
 *
 * Why not JSON.parse: it turns `12345678901234567891` or `0.10000000000000000001` into the
 * nearest float without a word. relu-exact reads JSON numbers by their shortest round-trip
 * text (FORMATS.md), and refuses a literal that a float64 cannot hold as written, which needs
 * the literal. It also refuses duplicate keys (JSON.parse silently keeps the last one) and
 * reports line and column of a syntax error.
 */
import { InputError } from './errors.js';

/** A JSON number, kept as its source text. */
export class JsonNumberLiteral {
  constructor(readonly text: string) {}
  toJSON(): number {
    return Number(this.text);
  }
}

export type JsonValue = null | boolean | string | JsonNumberLiteral | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

const MAX_DEPTH = 512;
const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Parse JSON text; number literals become {@link JsonNumberLiteral}. Throws InputError naming `file`. */
export function parseJson(text: string, file?: string): JsonValue {
  const p = new Parser(text, file);
  p.skipWs();
  const value = p.value(0);
  p.skipWs();
  if (p.pos < text.length) p.fail('unexpected text after the JSON value');
  return value;
}

/** The same value with number literals turned into JS numbers (for free-form metadata). */
export function jsonToPlain(value: JsonValue): unknown {
  if (value instanceof JsonNumberLiteral) return Number(value.text);
  if (Array.isArray(value)) return value.map(jsonToPlain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonToPlain(v);
    return out;
  }
  return value;
}

/** A short description of a JSON value for error messages: `"1/0"`, `null`, `an object`. */
export function describeJson(value: JsonValue | undefined): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (value instanceof JsonNumberLiteral) return value.text;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of length ${value.length}`;
  return 'an object';
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value) && !(value instanceof JsonNumberLiteral);
}

class Parser {
  pos = 0;
  constructor(
    readonly text: string,
    readonly file: string | undefined,
  ) {}

  fail(reason: string): never {
    if (this.pos >= this.text.length && !reason.startsWith('unexpected end')) reason = `unexpected end of input (${reason})`;
    let line = 1;
    let col = 1;
    for (let i = 0; i < this.pos && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        col = 1;
      } else col++;
    }
    throw new InputError(`malformed JSON at line ${line}, column ${col}: ${reason}`, { file: this.file });
  }

  skipWs(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH}`);
    const t = this.text;
    if (this.pos >= t.length) this.fail('unexpected end of input');
    const c = t[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, val] of [['true', true], ['false', false], ['null', null]] as const) {
      if (t.startsWith(word, this.pos)) {
        this.pos += word.length;
        return val;
      }
    }
    if (t.startsWith('NaN', this.pos) || t.startsWith('Infinity', this.pos)) {
      this.fail('NaN and Infinity are not JSON (and not numbers relu-exact accepts)');
    }
    this.fail(`unexpected character ${JSON.stringify(c)}`);
  }

  number(): JsonNumberLiteral {
    NUMBER_RE.lastIndex = this.pos;
    const m = NUMBER_RE.exec(this.text);
    if (m === null) this.fail('malformed number');
    this.pos += m[0].length;
    return new JsonNumberLiteral(m[0]);
  }

  string(): string {
    const t = this.text;
    this.pos++; // opening quote
    let out = '';
    let start = this.pos;
    for (;;) {
      if (this.pos >= t.length) this.fail('unterminated string');
      const c = t.charCodeAt(this.pos);
      if (c === 34) {
        out += t.slice(start, this.pos);
        this.pos++;
        return out;
      }
      if (c < 32) this.fail('control character inside a string');
      if (c === 92) {
        out += t.slice(start, this.pos);
        const e = t[this.pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.pos += 2;
        } else if (e === 'u') {
          const hex = t.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
        } else this.fail('bad escape in a string');
        start = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  array(depth: number): JsonValue[] {
    this.pos++;
    const out: JsonValue[] = [];
    this.skipWs();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWs();
      out.push(this.value(depth + 1));
      this.skipWs();
      const c = this.text[this.pos];
      if (c === ',') this.pos++;
      else if (c === ']') {
        this.pos++;
        return out;
      } else this.fail("expected ',' or ']'");
    }
  }

  object(depth: number): JsonObject {
    this.pos++;
    const out: JsonObject = Object.create(null) as JsonObject;
    this.skipWs();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWs();
      if (this.text[this.pos] !== '"') this.fail('expected a key in double quotes');
      const keyPos = this.pos;
      const key = this.string();
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        this.pos = keyPos;
        this.fail(`duplicate key ${JSON.stringify(key)}`);
      }
      this.skipWs();
      if (this.text[this.pos] !== ':') this.fail("expected ':' after a key");
      this.pos++;
      this.skipWs();
      out[key] = this.value(depth + 1);
      this.skipWs();
      const c = this.text[this.pos];
      if (c === ',') this.pos++;
      else if (c === '}') {
        this.pos++;
        return out;
      } else this.fail("expected ',' or '}'");
    }
  }
}
