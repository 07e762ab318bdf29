// The ingest cache (scripts/ingest/cache.ts) changes how fast the output comes, never what it is:
// with a cache — empty, warm, or warm after a seed changed — the files are byte-identical to a
// run without one, and only what changed is computed again. Nor does reading the seeds and writing
// the MDX on worker threads (the CLI's ingestParallel).
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateCorpus } from '../../bench/synth.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { codeFiles, IngestCache } from '../../scripts/ingest/cache.ts';
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

  test('its version covers the code the output depends on: the ingest, the shared modules it uses, schemas, reviewed data', () => {
    const files = codeFiles();
    // Reading a seed, the round trip's MDX parser and the opening text live in lib/, shared with the site.
    for (const file of ['scripts/ingest/run.ts', 'lib/read-seed.ts', 'lib/mdx.ts', 'lib/opening.ts', 'schemas/notice.ts', 'package-lock.json']) expect(files).toContain(file);
    expect(files.some((f) => f.startsWith('data/'))).toBe(true);
  });
});

describe('ingestParallel (seeds read and MDX written by worker threads and this one)', () => {
  // Three synthetic issues: the threads take seeds and notices in turn, so which thread reads
  // what varies from run to run; the result must not.
  const dir = join(work, 'parallel-seeds');
  generateCorpus(3, dir);

  test('gives the same files as ingest, on workers only or with this thread', async () => {
    const plain = ingest(dir, matchers);
    expect(plain.problems).toEqual([]);
    expect(plain.notices).toHaveLength(3 * 14);
    const onWorkers = await ingestParallel(dir, matchers, undefined, { workers: 2, here: false });
    expect([...onWorkers.files.keys()]).toEqual([...plain.files.keys()]);
    expect(onWorkers.files).toEqual(plain.files);
    expect((await ingestParallel(dir, matchers)).files).toEqual(plain.files);
  });

  test('a review names each notice by its final id: one a sound-alike 机关代字 renames once the corpus is read', async () => {
    // 威政〔2022〕18号 beside the declared 威政字: both sound `weizheng`, so the undeclared one's id
    // gets a tag from its own characters (scripts/ingest/notice-id.ts) — known only once every
    // seed is read, after its own seed was.
    const alike = join(work, 'sound-alike');
    cpSync(seeds, alike, { recursive: true });
    const file = join(alike, readdirSync(alike).find((f) => f.endsWith('.txt'))!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('威政字〔2022〕18 号', '威政〔2022〕18 号'));
    for (const result of [ingest(alike, matchers), await ingestParallel(alike, matchers, undefined, { workers: 1, here: false }), await ingestParallel(alike, matchers)]) {
      expect(result.problems).toEqual([]);
      const renamed = [...result.files.keys()].filter((path) => /^notices\/2022\/weizheng\d{6}-18\.mdx$/.test(path));
      expect(renamed).toHaveLength(1);
      const review = [...result.files].find(([path]) => path.startsWith('review/'))![1];
      // The report's table pads its cells: `| 页面   | /notices/2022/weizheng710913-18/   |`.
      expect(review).toMatch(new RegExp(`\\| 页面 +\\| /${renamed[0]!.replace(/\.mdx$/, '/')} +\\|`));
      expect(review).not.toContain('/notices/2022/weizheng-18/');
    }
  });

  test('reports the same problems, in the same order, with their files and lines', async () => {
    const broken = join(work, 'parallel-broken');
    cpSync(dir, broken, { recursive: true });
    // An empty issue, and a date that does not exist in another.
    writeFileSync(join(broken, 'weixian-gazette-2021-01.txt'), '');
    const file = join(broken, 'weixian-gazette-2022-03.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('2022 年 4 月 8 日', '2022 年 2 月 30 日'));
    const plain = ingest(broken, matchers).problems;
    expect(plain.map((p) => p.file)).toEqual(expect.arrayContaining(['seeds/weixian-gazette-2021-01.txt', 'seeds/weixian-gazette-2022-03.txt']));
    expect((await ingestParallel(broken, matchers, undefined, { workers: 2, here: false })).problems).toEqual(plain);
    expect((await ingestParallel(broken, matchers)).problems).toEqual(plain);
  });
});
