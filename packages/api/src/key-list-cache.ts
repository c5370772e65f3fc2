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
