// Joint notices and notices without a 文号, on a small site built from
// tests/fixtures/site-joint/seeds/ (gazette.yaml and weixian-gazette-2023-01.txt, in the PDF layout
// of the real seed): a notice of 中共威县县委办公室 and 威县人民政府办公室 together, a 公告 printed
// without 文号 or date line (its date under the 署名), an ordinary notice, and a 通告 with a serial
// number （第 1 号） and no 文号. A joint notice belongs to each of its issuers — browse lists,
// organization pages, search facets and filters; a notice without a 文号 reads sensibly wherever a
// 文号 would be shown.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, test } from 'vitest';
import { distFetch } from '../../bench/dist-fetch.ts';
import { checkNoLoss } from '../../scripts/check/no-loss.ts';
import type { NoticeRecord } from '../../lib/notice-record.ts';
import { browseSlug } from '../../src/lib/browse.ts';
import { fixtures } from '../helpers.ts';
import { buildSite, unpredictedPages } from './build.ts';

const JOINT = ['中共威县县委办公室', '威县人民政府办公室'];
const GOV = '威县人民政府';

let work: string;
let out: string;
let notices: NoticeRecord[];
let joint: NoticeRecord;
let gonggao: NoticeRecord;
let tonggao: NoticeRecord;
let ordinary: NoticeRecord;

const read = (file: string) => readFileSync(join(out, file), 'utf8');
const page = (url: string): Root => fromHtml(read(join(url, 'index.html')));
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const text = (node: Root | Element) => clean(toText(node));
const hrefs = (tree: Root, selector: string) => selectAll(selector, tree).map((a) => String(a.properties.href));
const browseIssuer = (issuer: string) => `/browse/issuer/${browseSlug('issuer', issuer)}/`;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : path.endsWith('.html') ? [path] : [];
  });
}

beforeAll(() => {
  // buildSite runs ingest, astro build and postbuild (the no-loss, index-text and link checks):
  // any failure there throws here, with the check's message.
  ({ work, out } = buildSite(join(fixtures, 'site-joint/seeds')));
  notices = JSON.parse(read('api/notices.json')) as NoticeRecord[];
  const byTitle = (t: string) => notices.find((n) => n.title === t)!;
  joint = byTitle('关于做好2023年春节期间有关工作的通知');
  gonggao = byTitle('关于某某事项的公告');
  tonggao = byTitle('关于春节期间禁止燃放烟花爆竹的通告');
  ordinary = byTitle('关于做好冬季森林防火工作的通知');
}, 300_000);

describe('the fixture issue, as the open data', () => {
  test('four notices: the joint one with both issuers, the 公告 and the 通告 without 文号', () => {
    expect(notices.map((n) => [n.title, n.docNo, n.serial, n.issuer, n.issuers, n.type, n.date])).toEqual([
      ['关于做好2023年春节期间有关工作的通知', '威办字〔2023〕1号', undefined, JOINT[0], JOINT, '通知', '2023-01-05'],
      ['关于某某事项的公告', undefined, undefined, GOV, [GOV], '公告', '2023-01-09'],
      ['关于做好冬季森林防火工作的通知', '威政办字〔2023〕3号', undefined, JOINT[1], [JOINT[1]], '通知', '2023-01-12'],
      ['关于春节期间禁止燃放烟花爆竹的通告', undefined, '（第1号）', GOV, [GOV], '通告', '2023-01-16'],
    ]);
    // Without a 文号 the key is absent, not null or empty.
    expect(Object.keys(notices[1]!)).not.toContain('docNo');
  });

  test('nothing is lost: the build’s own no-loss check passed, and passes again here', () => {
    const { problems, checked } = checkNoLoss(work, out);
    expect(problems).toEqual([]);
    expect(checked).toBe(4);
  });

  test('each page shows the text the index built beside Astro cuts its search excerpts from: joint issuers, a 公告 without 文号, a 通告 with a serial', () => {
    expect(unpredictedPages(join(work, 'seeds'), out)).toEqual([]);
  });
});

describe('a joint notice belongs to each of its issuers', () => {
  test('browse by 发文机关 lists it under both, and counts it for both', () => {
    const index = page('browse/issuer');
    const counts = Object.fromEntries(selectAll('main .kb-index li', index).map((li) => [text(select('a', li)!), text(select('.kb-count', li)!)]));
    expect(counts).toEqual({ [GOV]: '2 件文件', [JOINT[1]!]: '2 件文件', [JOINT[0]!]: '1 件文件' });
    for (const issuer of JOINT) {
      const list = page(browseIssuer(issuer));
      expect(hrefs(list, 'main .issue-list > li > a'), issuer).toContain(joint.url);
      // Its row names the other issuer it was issued with.
      const row = selectAll('main .issue-list > li', list).find((li) => select('a', li)!.properties.href === joint.url)!;
      const other = JOINT.find((i) => i !== issuer)!;
      expect(text(select('.issue-issuers', row)!)).toBe(`与${other}联合发文`);
    }
    expect(text(select('main .kb-intro', page(browseIssuer(JOINT[1]!)))!)).toBe(`发文机关为“${JOINT[1]}”的文件 2 件，其中与其他机关联合发文 1 件，按成文日期排列。查看机构页面`);
    expect(text(select('main .kb-intro', page(browseIssuer(GOV)))!)).toBe(`发文机关为“${GOV}”的文件 2 件，按成文日期排列。查看机构页面`);
    // Only under its issuers.
    expect(hrefs(page(browseIssuer(GOV)), 'main .issue-list > li > a')).not.toContain(joint.url);
    expect(hrefs(page(browseIssuer(JOINT[1]!)), 'main .issue-list > li > a')).toEqual([joint.url, ordinary.url]);
  });

  test('each issuer’s organization page lists it as issued (发布的文件)', () => {
    const orgs = JSON.parse(read('api/organizations.json')) as { id: string; name: string; url: string }[];
    for (const issuer of JOINT) {
      const org = orgs.find((o) => o.name === issuer);
      expect(org, issuer).toBeDefined();
      const issued = hrefs(page(org!.url), 'section:has(> #issued) .kb-notices > li > a');
      expect(issued, issuer).toContain(joint.url);
    }
  });

  test('its page names every issuer, each linked to its browse list', () => {
    const tree = page(joint.url);
    const issuers = select('.notice-record .notice-issuers td', tree)!;
    expect(selectAll('a', issuers).map((a) => [text(a), a.properties.href])).toEqual(JOINT.map((i) => [i, browseIssuer(i)]));
    // The head shows both as printed, one to a line, once.
    expect(selectAll('.notice-header .notice-issuer', tree).map((p) => text(p))).toEqual(JOINT);
  });

  test('the issue’s contents and the feed name both issuers', () => {
    const row = selectAll('.issue-list > li', page('issues/2023-1')).find((li) => select('a', li)!.properties.href === joint.url)!;
    expect(text(select('.issue-issuers', row)!)).toBe(JOINT.join('、'));
    const entry = [...read('feed.xml').matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!).find((e) => e.includes(joint.url))!;
    expect([...entry.matchAll(/<author><name>([^<]*)<\/name><\/author>/g)].map((m) => m[1])).toEqual(JOINT);
  });
});

describe('a notice without a 文号 reads sensibly', () => {
  test('its 发文字号 says 未印, or is the printed serial, and no empty 文号 is shown', () => {
    const docNoCell = (n: typeof gonggao) => text(select('.notice-docline td', page(n.url))!);
    expect(docNoCell(gonggao), gonggao.title).toBe('未印');
    // The 通告's serial, printed under the title, stands where its 文号 would.
    expect(docNoCell(tonggao), tonggao.title).toBe('（第1号）');
    expect(text(select('.notice-header .notice-serial', page(tonggao.url))!)).toBe('（第1号）');
    for (const n of [gonggao, tonggao]) expect(select('.notice-docno', page(n.url)), n.title).toBeUndefined();
  });

  test('lists show the 文号, or the serial, or nothing — never an empty 文号 or the date twice', () => {
    const rows = new Map(selectAll('.issue-list > li', page('issues/2023-1')).map((li) => [String(select('a', li)!.properties.href), li]));
    const docno = (url: string) => select('.issue-docno', rows.get(url)!);
    expect(text(docno(joint.url)!)).toBe('威办字〔2023〕1号');
    expect(text(docno(tonggao.url)!)).toBe('（第1号）');
    expect(docno(gonggao.url)).toBeUndefined();
    expect(selectAll('.issue-meta > *', rows.get(gonggao.url)!).map(text)).toEqual(['威县人民政府', '2023年1月9日']);
    // The organization page of 威县人民政府 cites both the same way.
    const issued = selectAll('section:has(> #issued) .kb-notices > li', page('organizations/weixian-renminzhengfu')).map((li) => text(li));
    expect(issued).toEqual(['关于某某事项的公告 2023年1月9日', '关于春节期间禁止燃放烟花爆竹的通告（第1号） 2023年1月16日']);
  });

  test('where a label stands alone it is the date and 文种 (and serial): pager, description, feed', () => {
    const pager = selectAll('nav.pager a', page(ordinary.url)).map((a) => text(select('.pager-docno', a)!));
    expect(pager).toEqual(['2023年1月9日公告', '2023年1月16日通告（第1号）']);
    expect(select('meta[name="description"]', page(gonggao.url))!.properties.content).toBe('2023年1月9日公告 关于某某事项的公告');
    // The summary's first line is the metadata; the notice's opening text follows it.
    const summaries = Object.fromEntries([...read('feed.xml').matchAll(/<id>[^<]*?(\/notices\/[^<]*)<\/id>[\s\S]*?<summary type="text">([^<]*)<\/summary>/g)].map((m) => [m[1], m[2]!.split('\n')[0]]));
    expect(summaries[gonggao.url]).toBe('威县人民政府，2023年1月9日，公报期号 2023 年第 1 号');
    expect(summaries[tonggao.url]).toBe('（第1号），威县人民政府，2023年1月16日，公报期号 2023 年第 1 号');
  });

  test('no page says “undefined” or “null”, and no link or 文号 is empty', () => {
    const pages = htmlFiles(out);
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const name = relative(out, file);
      // Text and attributes, not the search page's own script.
      expect(html.replace(/<script\b[\s\S]*?<\/script>/g, ''), name).not.toMatch(/undefined|\bnull\b|NaN/);
      const tree = fromHtml(html);
      for (const a of selectAll('a[href]', tree)) expect(text(a) || a.properties.ariaLabel, `${name}: ${a.properties.href}`).toBeTruthy();
      for (const e of selectAll('.issue-docno, .kb-docno, .kb-notices small, .pager-docno, .notice-record td', tree)) expect(text(e), name).not.toBe('');
    }
  });
});

describe('search over the fixture site (/search-api.js in Node)', () => {
  type Result = { url: string; kind: string; title?: string; docNo?: string; serial?: string; issuer?: string; issuers?: string[] };
  type Api = { search(q: string, o?: object): Promise<Result[] & { facets?: Record<string, { value: string; count: number }[]> }> };
  let api: Api;
  const urls = (rs: Result[]) => rs.filter((r) => r.kind === 'notice').map((r) => r.url).sort();

  beforeAll(async () => {
    globalThis.fetch = distFetch(out).fetch;
    api = (await import(pathToFileURL(join(out, 'search-api.js')).href)) as Api;
  });

  test('the 发文机关 facet counts a joint notice under each issuer, and each filter finds it', async () => {
    const all = await api.search('', { facets: true });
    expect(urls(all)).toHaveLength(4);
    expect(Object.fromEntries(all.facets!.issuer!.map((f) => [f.value, f.count]))).toEqual({ [GOV]: 2, [JOINT[1]!]: 2, [JOINT[0]!]: 1 });
    expect(urls(await api.search('', { filters: { issuer: JOINT[0] } }))).toEqual([joint.url]);
    expect(urls(await api.search('', { filters: { issuer: [JOINT[1]] } }))).toEqual([joint.url, ordinary.url].sort());
    expect(urls(await api.search('春节', { filters: { issuer: JOINT[1] } }))).toEqual([joint.url]);
    // Other facets' counts are not doubled by it.
    const types = Object.fromEntries(all.facets!.type!.map((f) => [f.value, f.count]));
    expect(types).toEqual({ 通知: 2, 公告: 1, 通告: 1 });
  });

  test('results carry every issuer, the 文号 when printed and the serial when printed', async () => {
    const byUrl = new Map((await api.search('')).map((r) => [r.url, r]));
    expect(byUrl.get(joint.url)).toMatchObject({ docNo: '威办字〔2023〕1号', issuer: JOINT[0], issuers: JOINT });
    expect(byUrl.get(tonggao.url)).toMatchObject({ serial: '（第1号）', issuers: [GOV] });
    expect(byUrl.get(tonggao.url)!.docNo).toBeUndefined();
    const g = byUrl.get(gonggao.url)!;
    expect([g.title, g.docNo, g.serial]).toEqual([gonggao.title, undefined, undefined]);
  });

  test('the exact 文号 and title lookup still puts the notice first', async () => {
    for (const [q, url] of [
      ['威办字〔2023〕1 号', joint.url],
      ['威政办字〔2023〕3号', ordinary.url],
      ['关于某某事项的公告', gonggao.url],
      ['关于春节期间禁止燃放烟花爆竹的通告', tonggao.url],
    ] as const) {
      expect((await api.search(q)).find((r) => r.kind === 'notice')?.url, q).toBe(url);
    }
  });
});
