// /search-api.js from the built site, imported in Node with a fetch that serves dist/ — exactly
// as the benchmark uses it. Expected results come from the pages' own text.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { distFetch } from '../../bench/dist-fetch.ts';
import { noticeTexts, readNotices } from '../../scripts/search/build.ts';
import { fold } from '../../scripts/search/search-api.js';
import { dist as siteDist } from '../site/build.ts';

// SEARCH_DIST: test another build (e.g. one made outside the working tree).
const dist = process.env.SEARCH_DIST ?? siteDist;

type Result = { url: string; title: string; excerpt: string | null; kind: string };
type Api = { search(q: string, o?: object): Promise<Result[] & { facets?: Record<string, { value: string; count: number }[]> }> };
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

const noticeUrls = (rs: Result[]) => rs.filter((r) => r.kind === 'notice').map((r) => r.url).sort();

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
  expect(issuers.reduce((a, f) => a + f.count, 0)).toBe(noticeUrls(all).length);
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
