// SEARCH_PART_NOTICES, read as SHARD_NOTICES is (scripts/shards.ts maxShardNotices): a whole
// number of notices per part of the exact index, the default when unset.
import { expect, test } from 'vitest';
import { DEFAULT_SEARCH_PART_NOTICES, maxSearchPartNotices } from '../../scripts/search/build.ts';

test('unset or empty: 700 notices a part; a whole number ≥ 1 as given', () => {
  expect(DEFAULT_SEARCH_PART_NOTICES).toBe(700);
  expect(maxSearchPartNotices(undefined)).toBe(700);
  expect(maxSearchPartNotices('')).toBe(700);
  expect(maxSearchPartNotices('700')).toBe(700);
  expect(maxSearchPartNotices('1')).toBe(1);
});

test('anything else stops the build, naming the variable', () => {
  for (const bad of ['0', '-5', '2.5', 'abc', '1e400']) expect(() => maxSearchPartNotices(bad), bad).toThrow(/SEARCH_PART_NOTICES=/);
});
