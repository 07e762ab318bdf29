// /search-api.js from the built site, imported in Node with a fetch that serves dist/ — exactly
// as the benchmark uses it. Expected results come from the pages' own text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, expect, test } from 'vitest';
import { distFetch } from '../../bench/dist-fetch.ts';
import { noticeTexts, readNotices } from '../../scripts/search/build.ts';
import { fold } from '../../scripts/search/search-api.js';
import { dist as siteDist } from '../site/build.ts';

// SEARCH_DIST: test another build (e.g. one made outside the working tree).
const dist = process.env.SEARCH_DIST ?? siteDist;

type Result = { url: string; title?: string; excerpt: string | null; kind: string; match?: string; docNo?: string; load?: () => Promise<Result> };
type Api = { search(q: string, o?: object): Promise<Result[] & { facets?: Record<string, { value: string; count: number }[]> }>; reset(): Promise<void> };
let api: Api;
let truth: (q: string) => string[];
const fetcher = distFetch(dist);

beforeAll(async () => {
  if (!existsSync(path.join(dist, 'search-api.js'))) throw new Error('dist/search-api.js is missing: run `npm run build` first');
  globalThis.fetch = fetcher.fetch;
  api = (await import(pathToFileURL(path.join(dist, 'search-api.js')).href)) as Api;
  const notices = await readNotices(dist);
  const texts = await noticeTexts(dist, notices);
  truth = (q) => notices.filter((n) => texts.get(n.id)!.includes(fold(q))).map((n) => n.url).sort();
});

test('excerpt slices are stored gzip-compressed, and read also from a host that sends them decompressed (Content-Encoding: gzip)', async () => {
  const slice = readdirSync(path.join(dist, 'search/exact/text/0'))[0]!;
  expect(slice).toMatch(/^\d+\.json\.gz$/);
  expect(typeof JSON.parse(gunzipSync(readFileSync(path.join(dist, 'search/exact/text/0', slice))).toString('utf8'))).toBe('string');
  // The browser undoes a Content-Encoding before the script sees the body: the same file, plain.
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const res = await fetcher.fetch(input, init);
    return String(input instanceof Request ? input.url : input).endsWith('.gz') && res.ok ? new Response(gunzipSync(Buffer.from(await res.arrayBuffer())), { status: 200 }) : res;
  }) as typeof fetch;
  try {
    const fresh = (await import(`${pathToFileURL(path.join(dist, 'search-api.js')).href}?decoded`)) as Api;
    const first = (await fresh.search('高凯英')).find((r) => r.kind === 'notice')!;
    expect(first.excerpt).toContain('<mark>高凯英</mark>');
  } finally {
    globalThis.fetch = fetcher.fetch;
  }
});

// Exact results: those found under another name of an organization (match: "alias") come apart (tests/search/entities.test.ts).
const noticeUrls = (rs: Result[]) => rs.filter((r) => r.kind === 'notice' && r.match !== 'alias').map((r) => r.url).sort();

test('高凯英 finds exactly the notices whose text contains 高凯英', async () => {
  const results = await api.search('高凯英');
  expect(truth('高凯英').length).toBeGreaterThan(1);
  expect(noticeUrls(results)).toEqual(truth('高凯英'));
  const first = results.find((r) => r.kind === 'notice')!;
  expect(first.excerpt).toContain('<mark>高凯英</mark>');
});

test('a 文号, with or without the PDF space, puts its own notice first', async () => {
  for (const q of ['威政办字〔2022〕25号', '威政办字〔2022〕25 号']) {
    const results = await api.search(q);
    expect(results[0]!.url).toMatch(/\/notices\/2022\/weizhengban-25\/$/);
    expect(noticeUrls(results)).toEqual(truth('威政办字〔2022〕25号'));
  }
});

test('departments and arbitrary substrings match exactly', async () => {
  for (const q of ['县市场监督管理局', '电动自行车', '应急预案', '地下水']) {
    expect(noticeUrls(await api.search(q)), q).toEqual(truth(q));
  }
});

test('space-separated words must all occur', async () => {
  const both = truth('高凯英').filter((u) => truth('韩超').includes(u));
  expect(noticeUrls(await api.search('高凯英 韩超'))).toEqual(both);
});

test('filters narrow results and work without a query, with counts', async () => {
  const all = await api.search('', { facets: true });
  expect(noticeUrls(all).length).toBe((await readNotices(dist)).length);
  const issuers = all.facets!.issuer!;
  // A joint notice counts under each of its issuers (tests/site/joint.test.ts).
  expect(issuers.reduce((a, f) => a + f.count, 0)).toBe((await readNotices(dist)).reduce((a, n) => a + n.issuers.length, 0));
  const office = issuers.find((f) => f.value === '威县人民政府办公室')!;
  const filtered = await api.search('', { filters: { issuer: ['威县人民政府办公室'] } });
  expect(noticeUrls(filtered).length).toBe(office.count);
  const withQuery = await api.search('高凯英', { filters: { issuer: '威县人民政府' } });
  expect(noticeUrls(withQuery).length).toBeLessThan(truth('高凯英').length);
  for (const r of withQuery.filter((x) => x.kind === 'notice')) expect(truth('高凯英')).toContain(r.url);
});

test('a query fetches little once loaded', async () => {
  await api.search('高凯英');
  fetcher.reset();
  await api.search('樊彦平');
  expect(fetcher.bytes).toBeLessThan(100 * 1024);
});

test('results past the first ones load their details only when asked', async () => {
  const notices = await readNotices(dist);
  const results = (await api.search('威县', { excerpts: 2 })).filter((r) => r.kind === 'notice');
  expect(results.length).toBe(notices.length);
  const byUrl = new Map(notices.map((n) => [n.url, n]));
  for (const r of results.slice(0, 2)) {
    expect(r.title).toBe(byUrl.get(r.url)!.title);
    expect(r.excerpt).toContain('<mark>威县</mark>');
  }
  const later = results[2]!;
  expect(later.title).toBeUndefined();
  expect(later.excerpt).toBeNull();
  const filled = await later.load!();
  expect(filled.title).toBe(byUrl.get(later.url)!.title);
  expect(filled.docNo).toBe(byUrl.get(later.url)!.docNo);
  expect(filled.excerpt).toContain('<mark>威县</mark>');
});

test('start-up fetches only Pagefind and the core table; facet data only when facets or filters ask', async () => {
  await api.reset();
  fetcher.reset();
  await api.search('', { excerpts: 0 });
  expect(fetcher.requests.map((r) => r.replace(/^search\/exact\//, '')).sort()).toEqual(
    expect.arrayContaining(['core.json']),
  );
  for (const r of fetcher.requests) expect(r).toMatch(/^search\/exact\/(core\.json|pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|wasm\.[\w-]+\.pagefind)$/);
  fetcher.reset();
  await api.search('高凯英');
  expect(fetcher.requests.filter((r) => r.includes('/facets/'))).toEqual([]);
  await api.search('高凯英', { filters: { issuer: '威县人民政府' } });
  expect(fetcher.requests.filter((r) => r.includes('/facets/'))).toEqual(['search/exact/facets/issuer.json']);
  await api.search('高凯英', { facets: true });
  expect(fetcher.requests.filter((r) => r.includes('/facets/')).length).toBe(6);
});

test('a single character or number finds every notice holding it, with an excerpt', async () => {
  for (const q of ['号', '县', '梨', '〔']) {
    const results = await api.search(q);
    expect(noticeUrls(results), q).toEqual(truth(q));
    const first = results.find((r) => r.kind === 'notice');
    if (first) expect(first.excerpt, q).toContain(`<mark>${q}</mark>`);
  }
});

test('by default every result comes filled in: url, title, excerpt and kind', async () => {
  const results = await api.search('县');
  expect(results.length).toBeGreaterThan(20);
  for (const r of results) {
    expect(typeof r.url, r.url).toBe('string');
    expect(typeof r.title, r.url).toBe('string');
    expect(typeof r.kind, r.url).toBe('string');
    if (r.kind === 'notice') expect(r.excerpt, r.url).toContain('<mark>');
  }
});


test('an organization is one facet value under its canonical name, counting all its aliases', async () => {
  const { facets } = await api.search('', { facets: true });
  const orgs = new Map(facets!.organization!.map((f) => [f.value, f.count]));
  expect(orgs.has('威县人民政府')).toBe(true);
  // 县政府 and 威县政府 are printed names of 威县人民政府, not organizations of their own.
  expect(orgs.has('县政府')).toBe(false);
  expect(orgs.has('县政府办')).toBe(false);
  // 县卫健局 / 县卫生健康局: one value, naming at least the notices of either form.
  expect(orgs.has('县卫健局')).toBe(false);
  expect(orgs.get('县卫生健康局')).toBeGreaterThanOrEqual(3);
});
