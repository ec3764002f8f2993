export { ReluExactError, InputError, UsageError, DimensionError, DivisionByZeroError, BudgetExceededError, type InputLocation } from './errors.js';
export { type Sign, signOfBigint, signOfNumber } from './sign.js';
export { SeededRng } from './rng.js';
export { parseJson, jsonToPlain, describeJson, JsonNumberLiteral, type JsonValue, type JsonObject } from './json.js';
