// The built dist/ as a reader and an archivist get it: issue pages, browse lists, the notice's
// metadata and provenance, the seed text served with the site, the Atom feed and the sitemap
// (and the check that keeps their links honest), and the weight of what every page loads.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { chineseDate } from '../../src/lib/format.ts';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Notice } from '../../schemas/notice.ts';
import { checkArchiveLinks } from '../../lib/archive-links.ts';
import { browseGroups } from '../../src/lib/browse.ts';
import { atomFeed } from '../../src/lib/feed.ts';
import { pinyinSlug } from '../../lib/pinyin.ts';
import { root } from '../helpers.ts';
import { dist } from './build.ts';

type ApiNotice = Pick<Notice, 'id' | 'docNo' | 'title' | 'issuer' | 'date' | 'type' | 'gazette' | 'order' | 'source' | 'recipients' | 'attachments'> & { url: string };
let notices: ApiNotice[];
const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const page = (url: string) => fromHtml(read(join(url, 'index.html')));
const SITE = 'https://example.invalid/';

beforeAll(() => {
  if (!existsSync(join(dist, 'api/notices.json'))) throw new Error('dist/ is missing: run `npm run build` before `npm test`');
  notices = JSON.parse(read('api/notices.json'));
});

/** Every HTML page of the build, as a site path (`/`, `/notices/2022/weizheng-16/`, `/404.html`). */
function htmlPages(): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
    .map((f) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
}

describe('issue pages', () => {
  test('/issues/2022-2/ lists the issue’s notices in printed order, and the home page links to it', () => {
    const tree = page('issues/2022-2');
    expect(toText(select('h1', tree)!)).toBe('《威县人民政府公报》2022 年第 2 号');
    const listed = selectAll('.issue-list-numbered > li > a', tree).map((a) => a.properties.href);
    expect(listed).toEqual([...notices].sort((a, b) => a.order - b.order).map((n) => n.url));
    expect(listed).toHaveLength(14);
    expect(select('.issue h3 a[href="/issues/2022-2/"]', page(''))).toBeTruthy();
    expect(selectAll('.issue-list a', page('issues')).map((a) => a.properties.href)).toEqual(['/issues/2022-2/']);
  });

  test('the home page counts notices, people and organizations and links every way in', () => {
    const tree = page('');
    const people = JSON.parse(read('api/people.json')).length;
    const organizations = JSON.parse(read('api/organizations.json')).length;
    expect(toText(select('.home-counts', tree)!).replace(/\s+/g, '')).toBe(`收录1期公报、14件文件，文中涉及${people}位人员、${organizations}个机构。`);
    const ways = selectAll('.home-ways a', tree).map((a) => a.properties.href);
    expect(ways).toEqual(expect.arrayContaining(['/browse/', '/browse/year/', '/browse/issuer/', '/browse/type/', '/people/', '/organizations/', '/search/']));
  });
});

describe('browse', () => {
  test('slugs are the pinyin of the label, one syllable per character', () => {
    expect(pinyinSlug('威县人民政府办公室')).toBe('wei-xian-ren-min-zheng-fu-ban-gong-shi');
    expect(pinyinSlug('通告')).toBe('tong-gao');
    expect(pinyinSlug('绿化2022')).toBe('lv-hua-2022');
  });

  test('each facet splits the notices into pages that together list every notice once', () => {
    for (const [facet, expected] of [
      ['year', ['2022']],
      ['issuer', ['wei-xian-ren-min-zheng-fu', 'wei-xian-ren-min-zheng-fu-ban-gong-shi']],
      ['type', ['tong-gao', 'tong-zhi']],
    ] as const) {
      const index = selectAll(`#browse-${facet} + ul a`, page('browse')).map((a) => a.properties.href);
      expect(index).toEqual(expected.map((slug) => `/browse/${facet}/${slug}/`));
      const listed = index.flatMap((href) => selectAll('main .issue-list a', page(String(href))).map((a) => a.properties.href));
      expect([...listed].sort()).toEqual(notices.map((n) => n.url).sort());
    }
    expect(selectAll('main .issue-list time', page('browse/year/2022')).map((t) => t.properties.dateTime)).toEqual(notices.map((n) => n.date).sort());
  });

  test('two labels with one slug stop the build instead of sharing a page', () => {
    const n = (issuer: string) => ({ ...notices[0]!, issuer, recipients: [], attachments: [], personnel: [], issuers: [issuer], printed: { docNo: '', date: '' } }) as Notice;
    expect(() => browseGroups([n('甲局'), n('钾局')], 'issuer')).toThrow(/“甲局” and “钾局” would share the URL slug jia-ju/);
  });
});

describe('notice pages', () => {
  test('cite the page the gazette printed them on', () => {
    // Seed: 16号 opens at line 1, six page starts before `- 9 -` (line 748): page 3; 18号 opens at
    // line 1160, just under `- 15 -` (line 1158).
    const pageOf = (id: string) => toText(select('.notice-source a', page(notices.find((n) => n.id === id)!.url))!).replace(/\s+/g, '');
    expect(pageOf('2022-weizheng-16')).toBe('《威县人民政府公报》2022年第2号第3页');
    expect(pageOf('2022-weizheng-18')).toBe('《威县人民政府公报》2022年第2号第15页');
  });

  test('show the head as one ruled table — masthead and record, nothing twice — and cite the printed gazette page', () => {
    for (const n of notices) {
      const tree = page(n.url);
      // Rows in the seed's order; 主送机关 and 附件 only when the notice has them (no empty rows).
      const labels = ['发文机关', '标题', '发文字号', '成文日期', '文种', '公报期号', ...(n.recipients.length ? ['主送机关'] : []), ...(n.attachments.length ? ['附件'] : []), '出处'];
      expect(selectAll('.notice-record th', tree).map((th) => toText(th))).toEqual(labels);
      expect(select('.notice-record a[href="/issues/2022-2/"]', tree)).toBeTruthy();
      // 文号 and date once each on the page's head: in the table, not again in a masthead line.
      const head = toText(select('.notice-header', tree)!).replace(/\s+/g, '');
      expect(head.split(n.docNo!).length - 1, n.id).toBe(1);
      expect(head.split(chineseDate(n.date)).length - 1, n.id).toBe(1);
      // Provenance: the printed page, linked to the numbered seed lines; no file path shown.
      const source = select('.notice-source a', tree)!;
      expect(source.properties.href).toBe(`/seeds/weixian-gazette-2022-02/#L${n.source.lines[0]}-L${n.source.lines[1]}`);
      expect(toText(source).replace(/\s+/g, ' ').trim()).toBe(`《威县人民政府公报》 2022 年第 2 号 第 ${n.source.page} 页`.replace('》 ', '》'));
      expect(toText(select('main', tree)!)).not.toContain('seeds/');
      // TOC, body with a section per 附件, entities/references, previous/next.
      expect(select('nav.toc', tree)).toBeTruthy();
      expect(selectAll('.notice-body section[id^="attachment-"]', tree)).toHaveLength(selectAll('.notice-attachments li', tree).length);
      expect(selectAll('nav.pager a', tree).length).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('the seeds, served with the site', () => {
  test('are served byte for byte (gzip-compressed, no plain copy), and the numbered view declares every line, holding none', () => {
    for (const name of readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt'))) {
      expect(gunzipSync(readFileSync(join(dist, 'seeds', `${name}.gz`))).equals(readFileSync(join(root, 'seeds', name))), name).toBe(true);
      expect(existsSync(join(dist, 'seeds', name)), name).toBe(false);
    }
    const seed = readFileSync(join(root, 'seeds/weixian-gazette-2022-02.txt'), 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    if (seed.at(-1) === '') seed.pop();
    const tree = page('seeds/weixian-gazette-2022-02');
    // The text is served once, as the .txt.gz (issue 13): the lists are empty, each declaring the
    // lines public/seed-line.js fills it with (tests/e2e/reading.test.ts), one after another from
    // line 1 to the seed's last, each list counting from its first.
    const text = select('.seed-text', tree)!;
    expect([text.properties.dataSeedSrc, text.properties.dataSeedLines]).toEqual(['/seeds/weixian-gazette-2022-02.txt.gz', String(seed.length)]);
    const lists = selectAll('ol.seed-lines', tree);
    expect(selectAll('.seed-lines li', tree)).toHaveLength(0);
    const spans = lists.map((ol) => String(ol.properties.dataLines).split('-').map(Number));
    expect(lists.map((ol) => Number(ol.properties.start))).toEqual(spans.map(([first]) => first));
    expect(spans[0]![0]).toBe(1);
    expect(spans.at(-1)![1]).toBe(seed.length);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0], String(spans[i])).toBe(spans[i - 1]![1]! + 1);
    // Without JavaScript nothing fills them: the page says so and links the download.
    // (hast parses a page as without scripting: the noscript's content is elements.)
    expect(selectAll('noscript a', tree).map((a) => [a.properties.href, a.properties.download])).toEqual([['/seeds/weixian-gazette-2022-02.txt.gz', true]]);
    // One marked list per notice, starting at its first line: the provenance links' targets.
    expect(selectAll('ol.seed-notice', tree).map((ol) => [ol.properties.id, ol.properties.start, ol.properties.dataLines])).toEqual(
      [...notices].sort((a, b) => a.source.lines[0] - b.source.lines[0]).map((n) => [`L${n.source.lines[0]}-L${n.source.lines[1]}`, n.source.lines[0], `${n.source.lines[0]}-${n.source.lines[1]}`]),
    );
    // Not a gazette page: not searched, not compared with the seed.
    expect(select('[data-pagefind-body], [data-source-text]', tree)).toBeUndefined();
  });
});

describe('feed.xml', () => {
  test('is Atom 1.0 with one entry per notice (the seed has fewer than FEED_ENTRIES), newest first, dated by the notices only', () => {
    const xml = read('feed.xml');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">')).toBe(true);
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
    expect(entries).toHaveLength(notices.length);
    const field = (entry: string, re: RegExp) => re.exec(entry)![1]!;
    const dates = entries.map((e) => field(e, /<updated>([^<]*)<\/updated>/));
    expect(dates).toEqual([...dates].sort().reverse());
    const byUrl = new Map(notices.map((n) => [`${SITE.slice(0, -1)}${n.url}`, n]));
    for (const e of entries) {
      const url = field(e, /<link rel="alternate" type="text\/html" href="([^"]*)"\/>/);
      const n = byUrl.get(url)!;
      expect(n, url).toBeDefined();
      expect(field(e, /<id>([^<]*)<\/id>/)).toBe(url);
      expect(field(e, /<title>([^<]*)<\/title>/)).toBe(n.title);
      expect(field(e, /<published>([^<]*)<\/published>/)).toBe(`${n.date}T00:00:00+08:00`);
      expect(field(e, /<category term="([^"]*)"\/>/)).toBe(n.type);
      byUrl.delete(url);
    }
    expect(byUrl.size).toBe(0);
    const newest = notices.map((n) => n.date).sort().at(-1);
    expect(field(xml.slice(0, xml.indexOf('<entry>')), /<updated>([^<]*)<\/updated>/)).toBe(`${newest}T00:00:00+08:00`);
    // Every page announces it.
    expect(select('link[rel="alternate"][type="application/atom+xml"]', page(''))?.properties.href).toBe('/feed.xml');
  });

  test('escapes markup in titles', () => {
    const n = { ...notices[0]!, title: '关于<b>&“引号”的通知', recipients: [], attachments: [], personnel: [], issuers: [notices[0]!.issuer], printed: { docNo: '', date: '' } } as Notice;
    const xml = atomFeed({ notices: [n], site: 'https://example.org/', base: '/gazette/', title: 'T', subtitle: 'S', author: 'A' });
    expect(xml).toContain('<title>关于&lt;b&gt;&amp;“引号”的通知</title>');
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="https://example.org/gazette/notices/2022/${n.id.slice(5)}/"/>`);
  });
});

describe('sitemap', () => {
  test('lists every HTML page but the 404 page, as absolute URLs on the site', () => {
    expect(read('sitemap-index.xml')).toContain(`<loc>${SITE}sitemap-0.xml</loc>`);
    const locs = [...read('sitemap-0.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!.slice(SITE.length - 1)).sort();
    expect(locs).toEqual(htmlPages().filter((p) => p !== '/404.html'));
  });

  test('a sitemap or feed link to a missing page fails the check, naming file and URL', () => {
    expect(checkArchiveLinks(dist, SITE).problems).toEqual([]);
    const copy = mkdtempSync(join(tmpdir(), 'dist-'));
    cpSync(dist, copy, { recursive: true });
    writeFileSync(join(copy, 'sitemap-0.xml'), read('sitemap-0.xml').replace('</urlset>', `<url><loc>${SITE}notices/2022/nope/</loc></url></urlset>`));
    writeFileSync(join(copy, 'feed.xml'), read('feed.xml').replace('/notices/2022/weizhengban-44/"', '/notices/2022/gone/"'));
    expect(checkArchiveLinks(copy, SITE).problems).toEqual([
      { file: 'feed.xml', url: `${SITE}notices/2022/gone/`, message: 'no such file: notices/2022/gone/index.html' },
      { file: 'sitemap-0.xml', url: `${SITE}notices/2022/nope/`, message: 'no such file: notices/2022/nope/index.html' },
    ]);
  });
});

describe('what pages load', () => {
  test('one shared stylesheet (plus one for the other pages), local, without web fonts; no script outside search but the ?hl= marker', () => {
    const shared = new Set<string>();
    const extra = new Set<string>();
    for (const path of htmlPages().filter((p) => !p.startsWith('/search/'))) {
      const tree = fromHtml(read(path.endsWith('.html') ? path : join(path, 'index.html')));
      const css = selectAll('link[rel="stylesheet"]', tree).map((l) => String(l.properties.href));
      // Every page loads the shared sheet; the others may add src/styles/pages.css,
      // which notice pages do not load.
      const noticePage = /^\/notices\/\d{4}\/[^/]+\/$/.test(path);
      expect(css.length, path).toBe(noticePage ? 1 : css.length);
      expect(css.length, path).toBeLessThanOrEqual(2);
      const [base, more] = [css.find((c) => !/\/pages\./.test(c)), css.find((c) => /\/pages\./.test(c))];
      shared.add(base!);
      if (more) extra.add(more);
      // Scripts are files (the Content-Security-Policy allows no inline script): notice pages
      // load the marker, which fetches the search code only when opened from a search; a seed's
      // numbered view loads the line finder (#L<n>).
      const scripts = selectAll('script', tree).map((s) => (s.properties.src ? `src=${s.properties.src}` : toText(s)));
      expect(scripts, path).toEqual(noticePage ? ['src=/highlight.js'] : /^\/?seeds\/[^/]+\/(index\.html)?$/.test(path) ? ['src=/seed-line.js'] : []);
    }
    expect(shared.size).toBe(1);
    expect(extra.size).toBe(1);
    const css = read([...shared][0]!) + read([...extra][0]!);
    expect(css).not.toMatch(/@font-face|@import|url\(/);
    expect(css).toMatch(/@media print/);
    expect(css).toMatch(/@page\{size:A4;margin:37mm 26mm 35mm 28mm\}/);
    // Lean: the whole site's CSS, print included, stays small.
    expect(css.length).toBeLessThan(16_000);
  });
});
