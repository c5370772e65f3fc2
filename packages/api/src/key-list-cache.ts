/**
 * Code made once per list of keys (an object literal per record shape, see
 * `toAppointment`, legacy-rest's records and the store's rows), found again by
 * the keys of the next record. A few shapes exist and alternate (one request
 * reads a token row, an appointment row and a written row), so the lists are
 * kept most recently used first and compared key by key: no joined string to
 * build (~2.5 µs for 58 keys) and none that two lists could share ("a,b" and
 * "a", "b"). Past `max`, the least recently used is forgotten.
 */
export function perKeyList<F>(compile: (keys: readonly string[]) => F, max = 64): (keys: string[]) => F {
  const recent: { keys: string[]; made: F }[] = [];
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key, i) => key === b[i]);
  return (keys) => {
    const at = recent.findIndex((entry) => same(entry.keys, keys));
    if (at === 0) return recent[0]!.made;
    const entry = at > 0 ? recent.splice(at, 1)[0]! : { keys: [...keys], made: compile(keys) };
    recent.unshift(entry);
    if (recent.length > max) recent.pop();
    return entry.made;
  };
}

/**
 * The source of an object literal with `keys`, in that order, each valued by
 * the expression `expression` writes for it; keys are quoted with JSON.stringify,
 * never run as code. Undefined when a key is `__proto__`, which a literal would
 * take for the prototype: callers then copy as the language does.
 */
export function literalSource(keys: readonly string[], expression: (quoted: string, key: string) => string): string | undefined {
  if (keys.includes("__proto__")) return undefined;
  const fields = keys.map((key) => {
    const quoted = JSON.stringify(key);
    return `${quoted}: ${expression(quoted, key)}`;
  });
  return `{\n    ${fields.join(",\n    ")}\n  }`;
}

/**
 * `({ a, b, ...rest }) => rest` for the keys `omitted`, as one object literal
 * made once per key list. Rest destructuring copies key by key, which past a
 * dozen keys leaves V8 a hash table ("dictionary mode"), and every later read
 * of the copy misses its caches: an update copies its 60-key state this way
 * (bench/, issue 13). Same own keys, order and values as the destructuring
 * (key-list-cache.test.ts), `__proto__` included.
 */
export function withoutKeys<K extends string>(...omitted: K[]): <T extends Record<string, unknown>>(value: T) => Omit<T, K> {
  const skip = new Set<string>(omitted);
  type Copy = (value: Record<string, unknown>) => Record<string, unknown>;
  const copierFor = perKeyList((keys): Copy => {
    const kept = keys.filter((key) => !skip.has(key));
    const source = literalSource(kept, (quoted) => `value[${quoted}]`);
    if (source === undefined) return (value) => Object.fromEntries(kept.map((key) => [key, value[key]]));
    return new Function(`return function copy(value) {\n  return ${source};\n};`)() as Copy;
  });
  return <T extends Record<string, unknown>>(value: T) => copierFor(Object.keys(value))(value) as Omit<T, K>;
}
