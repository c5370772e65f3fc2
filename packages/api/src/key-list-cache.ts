/**
 * Code made once per list of keys (an object literal per record shape, see
 * `toAppointment` and legacy-rest's records), found again by the keys of the
 * next record. Records come in runs of one shape, so the last list is compared
 * first: comparing ~60 keys costs less than joining and hashing them. A few
 * shapes exist; past `max`, the oldest is forgotten.
 */
export function perKeyList<F>(compile: (keys: readonly string[]) => F, max = 64): (keys: string[]) => F {
  const made = new Map<string, F>();
  let last: { keys: string[]; made: F } | undefined;
  return (keys) => {
    if (last && last.keys.length === keys.length && last.keys.every((key, i) => key === keys[i])) return last.made;
    const shape = keys.join(",");
    let found = made.get(shape);
    if (found === undefined) {
      found = compile(keys);
      if (made.size >= max) made.delete(made.keys().next().value!);
      made.set(shape, found);
    }
    last = { keys, made: found };
    return found;
  };
}
