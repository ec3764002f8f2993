export type { DomainKind, Field, IntegerRing, Ring } from './field.js';
export { Rational } from './rational.js';
export { QQ, type RationalField } from './qq.js';
export { ZZ } from './zz.js';
export { F64, createF64, type FloatField, type FloatFieldOptions } from './f64.js';
export { rationalFromFloat, floatFromRational } from './float-exact.js';
export { parseRational, parseJsonNumber, DEFAULT_PARSE_LIMITS, type ParseLimits, type FloatReading } from './parse.js';
export { formatRational, formatSignificant, formatFixed, formatForHumans } from './format.js';
export { gcdBig, lcmBig, bitLength, absBig, divExactBig } from './bigint.js';
