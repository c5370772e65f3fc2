/**
 * What a parser of outside input returns. `expected` is a short phrase that
 * completes "expected …" in an error message, e.g. "a duration written H:MM".
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; expected: string };
