/**
 * Remembers what a pure derivation returned for the last names it was given. Reading an
 * import's context and planning it derive the same ids of the same lines (a SHA-256 and a
 * UUIDv5 per line), so the plan's derivations are lookups; see bench/README.md ("bank-file
 * import") for what that saves. Bounded: when `limit` names are remembered the memory starts
 * over, so a page or server that imports many files keeps at most one file's worth.
 */
export function memoisedDerivation(
  derive: (name: string) => string,
  limit: number,
): (name: string) => string {
  let remembered = new Map<string, string>();
  return (name) => {
    const known = remembered.get(name);
    if (known !== undefined) return known;
    const derived = derive(name);
    if (remembered.size >= limit) remembered = new Map();
    remembered.set(name, derived);
    return derived;
  };
}
