// A limit of notices given in an environment variable (SHARD_NOTICES, SEARCH_PART_NOTICES): the
// build splits its work at it, so a mistyped value must stop the build rather than be read as 0.

/**
 * `value` (the variable `name`'s) → a whole number ≥ 1; unset or empty: `fallback`. A malformed
 * value throws, naming the variable and what one unit of the limit is (`what`).
 */
export function noticeLimit(name: string, value: string | undefined, fallback: number, what: string): number {
  if (!value) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}=${JSON.stringify(value)}: expected a whole number of notices (≥ 1) ${what}`);
  return n;
}
