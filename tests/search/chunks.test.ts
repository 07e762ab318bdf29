// The index chunk size follows the corpus (scripts/search/build.ts chunkLocations): small chunks
// for one issue, larger ones as the metadata a first visit downloads grows.
import { describe, expect, test } from 'vitest';
import { chunkLocations } from '../../scripts/search/build.ts';

describe('chunk size of the exact index', () => {
  test('one issue (73,261 units) keeps the smallest chunks', () => {
    expect(chunkLocations(73_261)).toBe(2000);
  });
  test('100 issues (7.4 million units) take chunks four times as large', () => {
    expect(chunkLocations(7_391_238)).toBeGreaterThanOrEqual(8000);
    expect(chunkLocations(7_391_238)).toBeLessThan(8500);
  });
  test('never past Pagefind’s own default', () => {
    expect(chunkLocations(1e9)).toBe(20000);
  });
});
