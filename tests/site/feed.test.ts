// Each feed entry carries its notice's opening text under its metadata (src/lib/feed.ts
// openingText, from the MDX source): the text as the page prints it, cut at 200 characters,
// escaped. Checked on the seed's MDX, against the built pages, and on hostile text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Notice } from '../../schemas/notice.ts';
import { atomFeed, FEED_ENTRIES, OPENING_LENGTH, openingText } from '../../src/lib/feed.ts';
import { root } from '../helpers.ts';
import { dist } from './build.ts';

const mdxBody = (file: string) => readFileSync(join(root, 'content/notices', file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const entries = () => [...readFileSync(join(dist, 'feed.xml'), 'utf8').matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

beforeAll(() => {
  if (!existsSync(join(dist, 'feed.xml'))) throw new Error('dist/ is missing: run `npm run build` before `npm test`');
});

describe('openingText', () => {
  test('威政办字〔2022〕25号: its 主送机关, its covering paragraph (links as their text), then its document', () => {
    const text = openingText(mdxBody('2022/weizhengban-25.mdx'));
    // As the seed prints them (seeds/weixian-gazette-2022-02.txt, lines 4840–4846).
    expect(text.split('\n').slice(0, 4)).toEqual([
      '各乡、镇人民政府，县政府有关部门：',
      '《威县药品（疫苗）和医疗器械安全突发事件应急预案》已经2022年3月23日县政府第三次常务会议研究通过，现印发给你们，请认真贯彻落实。',
      '威县药品（疫苗）和医疗器械安全突发事件应急预案',
      '一、总则',
    ]);
    expect([...text].length).toBe(OPENING_LENGTH + 1);
    expect(text.endsWith('…')).toBe(true);
  });

  test('a short notice is whole, without “…”; a table or the verbatim source lines end the opening', () => {
    expect(openingText('<section id="cover">\n  甲单位：\n\n  现将有关事项通知如下。\n</section>\n')).toBe('甲单位：\n现将有关事项通知如下。');
    // A table as the ingest writes it (scripts/ingest/block-mdast.ts): its cells are not running text.
    expect(openingText('开头。\n\n<div className="table-scroll" tabindex="0">\n  <table data-lines="3-5">\n    <thead>\n      <tr>\n        <th scope="col">\n          序号\n        </th>\n      </tr>\n    </thead>\n\n    <tbody>\n      <tr>\n        <td>\n          1\n        </td>\n      </tr>\n    </tbody>\n  </table>\n</div>\n\n表后的话。\n')).toBe('开头。');
    expect(openingText('开头。\n\n<figure className="source-lines">\n  <figcaption data-generated="true">\n    原文照录\n  </figcaption>\n</figure>\n\n后面。\n')).toBe('开头。');
  });

  test('a long notice is read only as far as its opening, with its open sections closed (the same text as the whole)', () => {
    const long = `<section id="cover">\n  ${'一段很长的正文。'.repeat(30)}\n\n${'  又一段。\n\n'.repeat(400)}</section>\n`;
    const text = openingText(long);
    expect(text).toBe(`${'一段很长的正文。'.repeat(30)}`.slice(0, OPENING_LENGTH) + '…');
  });
});

describe('feed.xml', () => {
  test('every entry: the metadata line, then the opening text of its page as printed', () => {
    const all = entries();
    expect(all.length).toBe(14);
    for (const entry of all) {
      const url = /<id>[^<]*?(\/notices\/[^<]*)<\/id>/.exec(entry)![1]!;
      const summary = unescape(/<summary type="text">([^<]*)<\/summary>/.exec(entry)![1]!);
      const [meta, ...opening] = summary.split('\n');
      expect(meta, url).toMatch(/，公报期号 \d{4} 年第 \d+ 号$/);
      const text = opening.join('');
      expect(text.length, url).toBeGreaterThan(20);
      // The page's body says it first, in these words (whitespace aside).
      const body = toText(select('.notice-body', fromHtml(readFileSync(join(dist, url, 'index.html'), 'utf8')))!).replace(/\s+/g, '');
      expect(body.startsWith(text.replace(/…$/, '').replace(/\s+/g, '')), url).toBe(true);
    }
  });

  test(`carries the newest ${FEED_ENTRIES} notices, newest first`, () => {
    const notice = (k: number) => ({ id: `2022-x-${k}`, title: `T${k}`, docNo: `威政字〔2022〕${k}号`, issuer: 'I', issuers: ['I'], date: `2022-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`, type: '通知', gazette: { year: 2022, number: 2 }, order: k, recipients: [], attachments: [], personnel: [], printed: { docNo: '', date: '' } }) as unknown as Notice;
    const all = Array.from({ length: FEED_ENTRIES + 40 }, (_, k) => notice(k + 1));
    const xml = atomFeed({ notices: all, site: 'https://example.org/', base: '/', title: 'T', subtitle: 'S', author: 'A' });
    const dates = [...xml.matchAll(/<published>(\d{4}-\d\d-\d\d)T/g)].map((m) => m[1]!);
    expect(dates).toHaveLength(FEED_ENTRIES);
    expect(dates).toEqual([...dates].sort().reverse());
    // No notice left out is newer than the oldest one kept.
    const kept = new Set([...xml.matchAll(/<title>(T\d+)<\/title>/g)].map((m) => m[1]!));
    for (const n of all) if (!kept.has(n.title)) expect(n.date <= dates.at(-1)!, n.id).toBe(true);
  });

  test('escapes markup in the opening text', () => {
    const n = { id: '2022-x-1', title: 'T', docNo: '威政字〔2022〕1号', issuer: 'I', issuers: ['I'], date: '2022-04-08', type: '通知', gazette: { year: 2022, number: 2 }, recipients: [], attachments: [], personnel: [], printed: { docNo: '', date: '' } } as unknown as Notice;
    const opening = openingText('正文含\\{1+1}与\\<script>alert(1)\\</script>以及 & 符号。');
    expect(opening).toBe('正文含{1+1}与<script>alert(1)</script>以及 & 符号。');
    const xml = atomFeed({ notices: [n], site: 'https://example.org/', base: '/', title: 'T', subtitle: 'S', author: 'A', openings: new Map([[n.id, opening]]) });
    expect(xml).toContain('正文含{1+1}与&lt;script&gt;alert(1)&lt;/script&gt;以及 &amp; 符号。</summary>');
  });
});
