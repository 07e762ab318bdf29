// Issue 11, items 2 and 3, in Node: /search-api.js from the built site (as the benchmark uses it).
// An entity the query names comes first with its card; an organization's other names bring their
// notices as `match: "alias"` results after the exact ones, which stay exactly the notices
// containing the query; pinyin, initials, near-misses and partial names are suggested. Expected
// values come from content/data/*.json and the pages' own text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { distFetch } from '../../bench/dist-fetch.ts';
import { noticeTexts, readNotices } from '../../scripts/search/build.ts';
import { fold, pinyinMatch, withinOneEdit } from '../../scripts/search/search-api.js';
import { root } from '../helpers.ts';
import { dist as siteDist } from '../site/build.ts';

const dist = process.env.SEARCH_DIST ?? siteDist;

interface Role {
  date: string;
  group?: string;
  role?: string;
  title?: string;
  notice: { id: string; url: string; title: string; docNo?: string };
}
interface Result {
  url: string;
  title?: string;
  kind: string;
  excerpt: string | null;
  match?: string;
  alias?: string;
  matchedName?: string;
  roles?: Role[];
  roleCount?: number;
  names?: string[];
  noticeCount?: number;
}
type Results = Result[] & { suggestions: { name: string; kind: string; url: string; reason: string }[]; alsoWritten: { name: string; count: number }[] };
type Api = { search(q: string, o?: object): Promise<Results> };

const data = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, 'content', 'data', file), 'utf8')) as T;
const organizations = data<{ id: string; name: string; aliases: string[] }[]>('organizations.json');
const people = data<{ id: string; name: string; roles: { notice: string; date: string; group?: string; role?: string; title?: string }[] }[]>('people.json');
const groups = data<{ id: string; name: string }[]>('groups.json');

let api: Api;
let truth: (q: string) => string[];
let byId: Map<string, { url: string; title: string; docNo?: string }>;

beforeAll(async () => {
  globalThis.fetch = distFetch(dist).fetch;
  api = (await import(pathToFileURL(path.join(dist, 'search-api.js')).href)) as Api;
  const notices = await readNotices(dist);
  const texts = await noticeTexts(dist, notices);
  byId = new Map(notices.map((n) => [n.id, n]));
  truth = (q) => notices.filter((n) => texts.get(n.id)!.includes(fold(q))).map((n) => n.url).sort();
});

const exactUrls = (rs: Result[]) => rs.filter((r) => r.kind === 'notice' && r.match === undefined).map((r) => r.url).sort();
const aliasUrls = (rs: Result[]) => rs.filter((r) => r.match === 'alias').map((r) => r.url).sort();

test('县卫健局: the organization first, its exact notices unchanged, the notices printing 县卫生健康局 after them as match "alias"', async () => {
  const org = organizations.find((o) => o.aliases.includes('县卫健局'))!;
  expect(org.name).toBe('县卫生健康局');
  const results = await api.search('县卫健局');
  expect(results[0]).toMatchObject({ kind: 'organization', title: '县卫生健康局', url: `/organizations/${org.id}/`, match: 'name', matchedName: '县卫健局', names: ['县卫生健康局', '县卫健局'] });
  const exact = truth('县卫健局');
  const other = truth('县卫生健康局').filter((u) => !exact.includes(u));
  expect(exact.length).toBeGreaterThan(0);
  expect(other.length).toBeGreaterThan(0);
  expect(results[0]!.noticeCount).toBe(new Set([...exact, ...truth('县卫生健康局')]).size);
  expect(exactUrls(results)).toEqual(exact);
  expect(aliasUrls(results)).toEqual(other);
  expect(results.alsoWritten).toEqual([{ name: '县卫生健康局', count: other.length }]);
  // After every exact notice; each with its name marked in the excerpt.
  const kinds = results.map((r) => (r.match === 'alias' ? 'alias' : r.kind));
  expect(kinds.lastIndexOf('notice')).toBeLessThan(kinds.indexOf('alias'));
  for (const r of results.filter((x) => x.match === 'alias')) {
    expect(r.alias).toBe('县卫生健康局');
    expect(r.excerpt).toContain('<mark>县卫生健康局</mark>');
  }
});

test('every name of every organization in the alias table: exact results are the notices containing it, alias results those containing only another of its names', async () => {
  for (const org of organizations) {
    const forms = [org.name, ...org.aliases];
    for (const form of forms) {
      const results = await api.search(form);
      const exact = truth(form);
      expect(exactUrls(results), form).toEqual(exact);
      const others = new Set(forms.filter((f) => fold(f) !== fold(form)).flatMap(truth));
      expect(aliasUrls(results), form).toEqual([...others].filter((u) => !exact.includes(u)).sort());
      expect(results.find((r) => r.match === 'name')?.url, form).toBe(`/organizations/${org.id}/`);
    }
  }
});

test('高凯英: the person first with every role — group, role, title, date, notice — latest first', async () => {
  const person = people.find((p) => p.name === '高凯英')!;
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const results = await api.search('高凯英');
  expect(results[0]).toMatchObject({ kind: 'person', title: '高凯英', url: `/people/${person.id}/`, match: 'name', roleCount: person.roles.length });
  const expected = person.roles
    .map((r, j) => ({ r, j }))
    .sort((a, b) => b.r.date.localeCompare(a.r.date) || a.j - b.j)
    .map(({ r }) => ({
      date: r.date,
      ...(r.group ? { group: groupName.get(r.group) } : {}),
      ...(r.role ? { role: r.role } : {}),
      ...(r.title ? { title: r.title } : {}),
      notice: { id: r.notice, url: byId.get(r.notice)!.url, title: byId.get(r.notice)!.title, ...(byId.get(r.notice)!.docNo ? { docNo: byId.get(r.notice)!.docNo } : {}) },
    }));
  expect(results[0]!.roles).toEqual(expected);
  // Seed line 4652 (威政办字〔2022〕24号, 2022-04-26): 指 挥 长：高凯英 县委副书记、政府县长
  expect(results[0]!.roles).toContainEqual(expect.objectContaining({ date: '2022-04-26', group: '威县防汛抗旱指挥部', role: '指挥长', title: '县委副书记、政府县长' }));
  expect(exactUrls(results)).toEqual(truth('高凯英'));
  expect(results.some((r) => r.match === 'alias')).toBe(false);
  expect(results.suggestions).toEqual([]);
});

test('full pinyin and initials find people and organizations, first', async () => {
  for (const [q, name, reason] of [
    ['gaokaiying', '高凯英', 'pinyin'],
    ['GaoKaiying', '高凯英', 'pinyin'],
    ['gao kai ying', '高凯英', 'pinyin'],
    ['gky', '高凯英', 'initials'],
    ['weijianju', '县卫生健康局', 'pinyin'],
    ['xianweishengjiankangju', '县卫生健康局', 'pinyin'],
  ] as const) {
    const results = await api.search(q);
    expect(results[0], q).toMatchObject({ title: name, match: reason });
    expect(results.suggestions.map((s) => s.name), q).toContain(name);
  }
  const gky = (await api.search('gky'))[0]!;
  expect(gky.roles!.length).toBeGreaterThan(0);
});

test('a near-miss or a partial name is suggested; a name typed exactly is not', async () => {
  const near = await api.search('高凯莹');
  expect(near.suggestions[0]).toMatchObject({ name: '高凯英', kind: 'person', reason: 'near', url: '/people/gao-kaiying/' });
  expect(exactUrls(near)).toEqual(truth('高凯莹'));
  // One character off at the start: found under the second character.
  expect((await api.search('郜凯英')).suggestions[0]).toMatchObject({ name: '高凯英', reason: 'near' });
  expect((await api.search('高凯')).suggestions[0]).toMatchObject({ name: '高凯英', reason: 'partial' });
  expect((await api.search('卫健局')).suggestions.map((s) => s.name)).toContain('县卫生健康局');
  expect((await api.search('高凯英')).suggestions).toEqual([]);
  expect((await api.search('县')).suggestions).toEqual([]);
});

test('withinOneEdit and pinyinMatch', () => {
  const c = (s: string) => [...s];
  expect(withinOneEdit(c('高凯莹'), c('高凯英'))).toBe(true);
  expect(withinOneEdit(c('高凯'), c('高凯英'))).toBe(true);
  expect(withinOneEdit(c('高英'), c('高凯英'))).toBe(true);
  expect(withinOneEdit(c('高凯英x'), c('高凯英'))).toBe(true);
  expect(withinOneEdit(c('郜凯莹'), c('高凯英'))).toBe(false);
  expect(withinOneEdit(c('高'), c('高凯英'))).toBe(false);
  expect(pinyinMatch('gaokaiying', 'gao kai ying')).toBe('pinyin');
  expect(pinyinMatch('gky', 'gao kai ying')).toBe('initials');
  expect(pinyinMatch('gaokai', 'gao kai ying')).toBe('partial');
  expect(pinyinMatch('weijianju', 'xian wei jian ju')).toBe('pinyin');
  expect(pinyinMatch('wjj', 'xian wei jian ju')).toBe('initials');
  expect(pinyinMatch('ju', 'xian wei jian ju')).toBeUndefined();
  expect(pinyinMatch('jj', 'xian wei jian ju')).toBeUndefined();
});
