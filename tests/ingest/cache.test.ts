// The ingest cache (scripts/ingest/cache.ts) changes how fast the output comes, never what it is:
// with a cache — empty, warm, or warm after a seed changed — the files are byte-identical to a
// run without one, and only what changed is computed again. Nor does writing half the MDX on a
// worker thread (the CLI's ingestParallel).
import { appendFileSync, cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { IngestCache } from '../../scripts/ingest/cache.ts';
import { ingest, ingestParallel } from '../../scripts/ingest/run.ts';
import { matchers, root } from '../helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'ingest-cache-'));
const seeds = join(work, 'seeds');
cpSync(join(root, 'seeds'), seeds, { recursive: true });
const cacheDir = join(work, 'cache');
const run = () => {
  const cache = new IngestCache(cacheDir);
  const result = ingest(seeds, matchers, cache);
  return { files: result.files, hits: cache.hits, misses: cache.misses };
};
const uncached = () => ingest(seeds, matchers).files;

describe('the ingest cache', () => {
  test('an empty cache computes everything; a warm one reuses everything; the output is the same', () => {
    const cold = run();
    expect([cold.hits, cold.misses]).toEqual([0, 1 + 14]); // one seed, fourteen MDX files
    const warm = run();
    expect([warm.hits, warm.misses]).toEqual([15, 0]);
    expect(warm.files).toEqual(uncached());
    expect(cold.files).toEqual(warm.files);
  });

  test('after a seed changes, only it and the notices it changed are computed again; stale entries go', () => {
    run();
    // A line added at the end of the seed's last notice: one notice's text changes.
    appendFileSync(join(seeds, readdirSync(seeds).find((f) => f.endsWith('.txt'))!), '\n补充一句。\n');
    const after = run();
    expect(after.misses).toBe(1 + 1);
    expect(after.files).toEqual(uncached());
    // The old seed entry and the old MDX entry were pruned: one of each kind per input.
    expect(readdirSync(join(cacheDir, 'seeds'))).toHaveLength(1);
    expect(readdirSync(join(cacheDir, 'mdx'))).toHaveLength(14);
  });
});

test('ingestParallel (half the MDX written on a worker thread) gives the same files as ingest', async () => {
  const fresh = join(work, 'parallel-seeds');
  cpSync(join(root, 'seeds'), fresh, { recursive: true });
  const parallel = await ingestParallel(fresh, matchers);
  expect(parallel.problems).toEqual([]);
  expect([...parallel.files.keys()]).toEqual([...ingest(fresh, matchers).files.keys()]);
  expect(parallel.files).toEqual(ingest(fresh, matchers).files);
});
