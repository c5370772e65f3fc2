/**
 * For tests of code that copies objects faster than the language's own copy
 * (rest destructuring, spreads): everything a copy can differ in, and records
 * whose keys arrive as own keys whatever they are called.
 */

/** Own keys in order (symbols too), each one's descriptor, and the prototype. */
export function anatomy(value: object) {
  return {
    keys: Reflect.ownKeys(value),
    values: Reflect.ownKeys(value).map((key) => Object.getOwnPropertyDescriptor(value, key)),
    prototype: Object.getPrototypeOf(value) as unknown,
  };
}

/**
 * A plain object with `entries` as own, enumerable data properties, a later
 * entry replacing an earlier one of the same key. "__proto__" becomes an own
 * key, as JSON.parse makes it from a request body (a literal or an assignment
 * would set the prototype instead).
 */
export function withOwnKeys(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const made: Record<string, unknown> = {};
  for (const [name, item] of entries) Object.defineProperty(made, name, { value: item, enumerable: true, writable: true, configurable: true });
  return made;
}
