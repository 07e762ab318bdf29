// Issue 13: the exact index written in parts (SEARCH_PART_NOTICES, scripts/search/build.ts) and
// merged in the browser (Pagefind's mergeIndex, scripts/search/search-api.js) finds what the
// index of one part finds. The built seed (dist/, 14 notices) is copied twice and its index
// rebuilt from the pages — as postbuild does on its own — once whole and once in parts of 5
// (three parts); both are served and queried in Chromium through /search-api.js. Queries are
// read from seeds/weixian-gazette-2022-02.txt.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildExactIndex, noticeTexts, readNotices } from '../../scripts/search/build.ts';
import { BUNDLE_DIR, fold } from '../../scripts/search/search-api.js';
import { dist, hashTree } from '../site/build.ts';
import { openSite } from './browser.ts';

const work = mkdtempSync(path.join(tmpdir(), 'search-parts-'));
const whole = path.join(work, 'whole');
const parted = path.join(work, 'parted');
const single = path.join(work, 'single');
let sites: Awaited<ReturnType<typeof openSite>>[] = [];

/** Rebuild the exact index of the site copied to `dir`, with SEARCH_PART_NOTICES set to `parts` (or unset). */
async function indexWith(dir: string, parts: string | undefined): Promise<void> {
  cpSync(dist, dir, { recursive: true });
  const previous = process.env.SEARCH_PART_NOTICES;
  if (parts === undefined) delete process.env.SEARCH_PART_NOTICES;
  else process.env.SEARCH_PART_NOTICES = parts;
  try {
    await buildExactIndex(dir);
  } finally {
    if (previous === undefined) delete process.env.SEARCH_PART_NOTICES;
    else process.env.SEARCH_PART_NOTICES = previous;
  }
}

beforeAll(async () => {
  await indexWith(whole, undefined);
  await indexWith(parted, '5');
  await indexWith(single, '14');
  sites = [await openSite(whole), await openSite(parted)];
}, 120_000);
afterAll(async () => {
  for (const site of sites) await site.close();
  rmSync(work, { recursive: true, force: true });
});

// Seed: people (高凯英 line 4855's 组长, 张朝华, 潘国军), an organization under two of its names
// (县卫健局 / 县卫生健康局), 县政府, 文号 as printed (line 4839: 威政办字〔2022〕25 号; line 6:
// 威政字〔2022〕16 号) and as typed, and substrings of the text.
const QUERIES = [
  '高凯英',
  '张朝华',
  '潘国军',
  '县卫健局',
  '县卫生健康局',
  '县政府',
  '威政办字〔2022〕25号',
  '威政办字〔2022〕25 号',
  '威政办字 [ 2022 ] 25 号',
  '威政办字 2022 25',
  '威政字[2022]16号',
  '威政字〔2022〕16 号',
  '应急预案',
  '安全生产',
  '县',
  '的通知',
];

/** Queries whose first result is an entity (its name) or a notice (its 文号), not the most relevant notice. */
const FIRST_BY_NAME = new Set(QUERIES.slice(0, 12));

type Row = [kind: string, url: string, match: string];

/** What /search-api.js returns for each query on a site, in order: each result's kind, URL and match (one page: one engine, as a reader's). */
async function searchOn(site: Awaited<ReturnType<typeof openSite>>, queries: string[]): Promise<Row[][]> {
  const page = await site.browser.newPage();
  try {
    await page.goto(`${site.url}search/`);
    // A string, so that vitest does not rewrite the page's dynamic import into its own loader.
    return (await page.evaluate(
      `import('/search-api.js').then(async (api) => { const out = []; for (const q of ${JSON.stringify(queries)}) out.push((await api.search(q)).map((r) => [r.kind, r.url, r.match ?? ''])); return out; })`,
    )) as Row[][];
  } finally {
    await page.close();
  }
}

test('in parts of 5, the seed index is three Pagefind bundles on disk, core.json naming parts 2 and 3', () => {
  const bundle = path.join(parted, BUNDLE_DIR);
  const core = JSON.parse(readFileSync(path.join(bundle, 'core.json'), 'utf8')) as { parts?: { path: string; tag: string }[]; hashes: string; hashLength: number };
  expect(core.parts?.map((p) => p.path)).toEqual(['part-2/', 'part-3/']);
  // 14 notices: 5 + 5 + 4 pages, every one with its hash in core.json.
  const pageCounts = [bundle, ...core.parts!.map((p) => path.join(bundle, p.path))].map((dir) => {
    const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; page_count: number }> };
    return Object.values(entry.languages).map((l) => l.page_count);
  });
  expect(pageCounts).toEqual([[5], [5], [4]]);
  expect(core.hashes.length / core.hashLength).toBe(14);
  for (const part of core.parts!) {
    const dir = path.join(bundle, part.path);
    // Only what mergeIndex reads: entry, metadata (named by the part's tag) and index chunks.
    expect(readdirSync(dir).sort()).toEqual(['index', `pagefind.${part.tag}.pf_meta`, 'pagefind-entry.json'].sort());
  }
});

test('with no more notices than SEARCH_PART_NOTICES, the index is one part, as before parts', () => {
  for (const dir of [whole, single]) {
    const bundle = path.join(dir, BUNDLE_DIR);
    expect(readdirSync(bundle).filter((f) => f.startsWith('part-'))).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(bundle, 'core.json'), 'utf8'))).not.toHaveProperty('parts');
  }
  // 14 notices in a part of 14: the same bytes as the default.
  expect(hashTree(path.join(single, BUNDLE_DIR))).toEqual(hashTree(path.join(whole, BUNDLE_DIR)));
  expect(existsSync(path.join(whole, BUNDLE_DIR, 'pagefind.js'))).toBe(true);
});

test('the index in three parts, merged in Chromium, finds the same results as the index in one part (their relevance order after the first may differ)', async () => {
  const notices = await readNotices(whole);
  const texts = await noticeTexts(whole, notices);
  const reordered: string[] = [];
  const ones = await searchOn(sites[0]!, QUERIES);
  const threes = await searchOn(sites[1]!, QUERIES);
  for (const [k, q] of QUERIES.entries()) {
    const one = ones[k]!;
    const three = threes[k]!;
    // A query of one word lists exactly the notices whose text contains it (the seed's truth).
    if (!/\s/.test(q)) {
      const truth = notices.filter((n) => texts.get(n.id)!.includes(fold(q))).map((n) => n.url).sort();
      expect(truth.length, q).toBeGreaterThan(0);
      expect(one.filter(([kind, , match]) => kind === 'notice' && match === '').map(([, url]) => url).sort(), q).toEqual(truth);
    }
    // The same results, the same first (an entity for its name, the notice for its 文号), each
    // with the same kind and match. Not always in the same order after the first: a notice's
    // relevance is Pagefind's BM25, whose term weights each part computes over its own notices.
    expect([...three].sort(), q).toEqual([...one].sort());
    // What comes first for a name or a 文号 is not a matter of BM25: the same in parts.
    if (FIRST_BY_NAME.has(q)) expect(three[0], q).toEqual(one[0]);
    expect(three.map(([kind]) => kind), q).toEqual(one.map(([kind]) => kind));
    if (JSON.stringify(three) !== JSON.stringify(one)) reordered.push(q);
  }
  console.log(`search-parts: ranked otherwise in parts: ${reordered.join(', ') || 'none'} (of ${QUERIES.length})`);
}, 120_000);
