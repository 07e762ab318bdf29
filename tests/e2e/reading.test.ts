// A reader's path through the built site in Chromium: from the issue index to a notice, its
// table of contents, its 附件, on a phone, and a first full-text search through Pagefind; then
// the issue pages, browsing, provenance to the seed text, keyboard use, printing, and
// desktop/phone screenshots of every main page for reviewers (test-results/screenshots/).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { root } from '../helpers.ts';
import { dist } from '../site/build.ts';
import { openSite } from './browser.ts';

let site: Awaited<ReturnType<typeof openSite>>;
let browser: Browser;
const shots = join(root, 'test-results/screenshots');

beforeAll(async () => {
  site = await openSite();
  browser = site.browser;
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => site?.close());

test('the home page lists the issue and its 14 notices; a click opens one', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url);
  await expect.poll(() => page.locator('a[href*="/notices/2022/"]').count()).toBeGreaterThanOrEqual(14);
  expect(await page.textContent('body')).toContain('2022 年第 2 号');
  await page.screenshot({ path: join(shots, 'home-desktop.png'), fullPage: true });
  await page.click('a[href$="/notices/2022/weizhengban-25/"]');
  await page.waitForURL(/weizhengban-25\/$/);
  expect(await page.textContent('h1')).toBe('关于印发威县药品（疫苗）和医疗器械安全突发事件应急预案的通知');
  expect(errors).toEqual([]);
  await page.close();
});

test('the table of contents leads to each 附件 section', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}notices/2022/weizheng-16/`);
  await page.screenshot({ path: join(shots, 'notice-desktop.png') });
  await page.locator('nav.toc a', { hasText: /^附件 2/ }).click();
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/^#h-附件-2/);
  const top = await page.locator('#attachment-2 h2').evaluate((h) => h.getBoundingClientRect().top);
  expect(Math.abs(top)).toBeLessThan(200);
  // The section itself is a stable anchor too.
  await page.goto(`${site.url}notices/2022/weizheng-16/#attachment-1`);
  expect(await page.locator('#attachment-1 h2').textContent()).toBe('附件 1: 威县行政执法协调监督工作体系建设试点工作领导小组');
  await page.close();
});

test('on a phone the page does not scroll sideways; wide tables scroll in their own box', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  for (const path of ['', 'notices/2022/weizhengban-27/', 'notices/2022/weizheng-19/']) {
    await page.goto(site.url + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.goto(`${site.url}notices/2022/weizhengban-27/#attachment-1`);
  await page.screenshot({ path: join(shots, 'notice-table-phone.png') });
  await page.close();
});

interface ApiNotice {
  id: string;
  title: string;
  url: string;
  order: number;
  gazette: { year: number; number: number };
  source: { file: string; lines: [number, number] };
}
const notices = (): ApiNotice[] => JSON.parse(readFileSync(join(dist, 'api/notices.json'), 'utf8'));

test('home: counts and the ways in; an issue heading opens its contents in printed order', async () => {
  const page = await browser.newPage();
  await page.goto(site.url);
  const counts = (await page.textContent('.home-counts'))!.replace(/\s+/g, '');
  expect(counts).toMatch(/收录1期公报、14件文件，文中涉及\d+位人员、\d+个机构。/);
  for (const href of ['browse/', 'people/', 'organizations/', 'search/']) expect(await page.locator(`.home-ways a[href="/${href}"]`).count(), href).toBe(1);
  await page.click('.issue h3 a');
  await page.waitForURL(/\/issues\/2022-2\/$/);
  expect(await page.textContent('h1')).toBe('《威县人民政府公报》2022 年第 2 号');
  const listed = await page.$$eval('.issue-list-numbered > li > a', (as) => as.map((a) => a.getAttribute('href')));
  expect(listed).toEqual(notices().sort((a, b) => a.order - b.order).map((n) => n.url));
  await page.close();
});

test('a notice: 公报期号 leads to its issue, 发文机关 and 文种 to their lists, provenance to the seed lines', async () => {
  const page = await browser.newPage();
  const notice = notices().find((n) => n.id === '2022-weizheng-18')!;
  await page.goto(site.url + notice.url.slice(1));
  const meta = page.locator('.notice-record');
  // 18号 has no 附件 and so no 附件 row (no empty rows).
  expect(await meta.locator('th').allTextContents()).toEqual(['发文机关', '标题', '发文字号', '成文日期', '文种', '公报期号', '主送机关', '出处']);
  expect(await meta.locator('a', { hasText: '2022 年第 2 号' }).first().getAttribute('href')).toBe('/issues/2022-2/');
  expect(await meta.locator('.notice-issuers a').getAttribute('href')).toBe('/browse/issuer/wei-xian-ren-min-zheng-fu/');
  expect(await meta.locator('a', { hasText: '通知' }).getAttribute('href')).toBe('/browse/type/tong-zhi/');

  // The printed page (18号 opens just under the seed's `- 15 -`) opens the numbered seed view with
  // exactly the notice's lines marked.
  const [first, last] = notice.source.lines;
  const range = page.locator('.notice-source a');
  expect((await range.textContent())!.replace(/\s+/g, '')).toBe('《威县人民政府公报》2022年第2号第15页');
  await range.click();
  await page.waitForURL(new RegExp(`/seeds/weixian-gazette-2022-02/#L${first}-L${last}$`));
  const target = page.locator(':target');
  // The lines are filled in the browser from the seed's .txt.gz (tests/e2e/seed-view.test.ts).
  await expect.poll(() => target.locator('li').count()).toBe(last - first + 1);
  expect(await target.evaluate((el) => [el.id, el.getAttribute('start'), el.children.length, getComputedStyle(el).backgroundColor])).toEqual([
    `L${first}-L${last}`,
    String(first),
    last - first + 1,
    'rgb(255, 247, 221)',
  ]);
  const seedLines = readFileSync(join(root, notice.source.file), 'utf8').split(/\r?\n/);
  expect(await target.locator('li').first().textContent()).toBe(seedLines[first - 1]);
  expect(await target.locator('li').last().textContent()).toBe(seedLines[last - 1]);
  // One line's address, #L<n>: public/seed-line.js fills the lines, finds it by counting, marks it and scrolls to it.
  const line = first + 3;
  await page.goto(`${site.url}seeds/weixian-gazette-2022-02/#L${line}`);
  const marked = page.locator('li.seed-line-target');
  await marked.waitFor();
  expect(await marked.textContent()).toBe(seedLines[line - 1]);
  expect(await marked.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 236, 153)');
  expect(await marked.isVisible()).toBe(true);
  await page.evaluate(() => (location.hash = '#L1'));
  await expect.poll(() => page.locator('li.seed-line-target').textContent()).toBe(seedLines[0]);
  expect(await page.locator('li.seed-line-target').count()).toBe(1);
  await page.screenshot({ path: join(shots, 'seed-lines-desktop.png') });
  await page.close();
});

test('browse: by year, 发文机关 and 文种, each list complete and in date order', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}browse/`);
  expect(await page.textContent('h1')).toBe('分类浏览');
  for (const facet of ['year', 'issuer', 'type']) {
    const links = await page.$$eval(`#browse-${facet} + ul a`, (as) => as.map((a) => a.getAttribute('href')!));
    let total = 0;
    for (const href of links) {
      expect(href).toMatch(new RegExp(`^/browse/${facet}/[a-z0-9-]+/$`));
      await page.goto(new URL(href, site.url).href);
      const dates = await page.$$eval('main .issue-list time', (ts) => ts.map((t) => t.getAttribute('datetime')!));
      expect(dates, href).toEqual([...dates].sort());
      total += dates.length;
      await page.goBack();
    }
    expect(total, facet).toBe(14);
  }
  await page.goto(`${site.url}browse/year/2022/`);
  expect(await page.textContent('h1')).toBe('2022 年');
  await page.close();
});

test('keyboard: the skip link comes first, is visible when focused and moves to the main content', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}notices/2022/weizheng-16/`);
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const r = el.getBoundingClientRect();
    return { text: el.textContent, visible: r.left >= 0 && r.top >= 0 && r.width > 0, outline: getComputedStyle(el).outlineStyle };
  });
  expect(skip).toEqual({ text: '跳到正文', visible: true, outline: 'solid' });
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => location.hash)).toBe('#main');
  // The next Tab lands inside <main>, not back in the banner.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
  await page.close();
});

test('printing a notice: only the document, as a red-head, black serif text, ruled tables', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}notices/2022/weizhengban-27/`);
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.$$eval('.site-header, .site-footer, .site-search, .toc, .notice-meta, .notice-record th, .kb-block, .pager', (els) =>
    els.map((el) => getComputedStyle(el).display),
  );
  expect(hidden.length).toBeGreaterThanOrEqual(6);
  expect(new Set(hidden)).toEqual(new Set(['none']));
  const style = await page.evaluate(() => {
    const css = (sel: string) => getComputedStyle(document.querySelector(sel)!);
    return {
      body: css('.notice-body p').color,
      bg: css('body').backgroundColor,
      size: css('.notice-body p').fontSize,
      serif: css('.notice-body p').fontFamily.includes('serif'),
      issuer: css('.notice-issuer').color,
      rule: css('.notice-docline').borderBottomColor,
      cell: css('.notice-body td').borderTopStyle,
      link: css('.notice-body a').color,
      row: css('.notice-body tr').breakInside,
      after: getComputedStyle(document.querySelector('.notice-body a')!, '::after').content,
    };
  });
  expect(style).toEqual({
    body: 'rgb(0, 0, 0)',
    bg: 'rgb(255, 255, 255)',
    size: '21.3333px', // 16pt
    serif: true,
    issuer: 'rgb(204, 0, 0)',
    rule: 'rgb(204, 0, 0)',
    cell: 'solid',
    link: 'rgb(0, 0, 0)',
    row: 'avoid',
    after: 'none',
  });
  await page.screenshot({ path: join(shots, 'notice-print.png') });
  await page.pdf({ path: join(shots, 'notice-print.pdf'), preferCSSPageSize: true });
  await page.close();
});

test('an unknown address gets the 404 page, with ways back', async () => {
  const page = await browser.newPage();
  const response = await page.goto(`${site.url}notices/2022/nope/`);
  expect(response?.status()).toBe(404);
  expect(await page.textContent('h1')).toBe('页面不存在');
  expect(await page.locator('main a[href="/browse/"]').count()).toBe(1);
  await page.close();
});

/** Main pages: [path, screenshot name]. */
const MAIN_PAGES: [string, string][] = [
  ['', 'home'],
  ['issues/', 'issues'],
  ['issues/2022-2/', 'issue'],
  ['notices/2022/weizheng-16/', 'notice'],
  ['notices/2022/weizhengban-27/', 'notice-table'],
  ['browse/', 'browse'],
  ['browse/year/2022/', 'browse-year'],
  ['browse/issuer/wei-xian-ren-min-zheng-fu-ban-gong-shi/', 'browse-issuer'],
  ['browse/type/tong-zhi/', 'browse-type'],
  ['people/', 'people'],
  ['organizations/', 'organizations'],
  ['groups/', 'groups'],
  ['references/', 'references'],
  ['seeds/weixian-gazette-2022-02/', 'seed-lines'],
  ['search/?q=%E9%AB%98%E5%87%AF%E8%8B%B1', 'search'],
  ['no-such-page/', '404'],
];

async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('no main page scrolls sideways on a phone (390 and 320 px); screenshots at desktop and phone widths', async () => {
  const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const narrow = await browser.newPage({ viewport: { width: 320, height: 640 } });
  for (const [path, name] of MAIN_PAGES) {
    for (const page of [desktop, phone, narrow]) {
      await page.goto(site.url + path);
      if (path.startsWith('search/')) {
        await expect.poll(() => page.textContent('#search-summary')).toMatch(/件/);
        await page.waitForSelector('#search-results[aria-busy="false"]');
      }
      // The seed's lines are filled from its .txt.gz by a script (a long line must wrap, too).
      if (path.startsWith('seeds/')) await page.waitForSelector('ol.seed-lines li');
      expect(await sideways(page), `${path} at ${page.viewportSize()!.width}px`).toBeLessThanOrEqual(0);
    }
    // The numbered seed is 9,590 lines: its screenshots show the first screen only.
    const full = name !== 'seed-lines' && name !== 'notice';
    await desktop.screenshot({ path: join(shots, `${name}-desktop.png`), fullPage: full });
    await phone.screenshot({ path: join(shots, `${name}-phone.png`), fullPage: full });
  }
  // Every notice, too.
  for (const n of notices()) {
    await narrow.goto(site.url + n.url.slice(1));
    expect(await sideways(narrow), n.url).toBeLessThanOrEqual(0);
  }
  await Promise.all([desktop.close(), phone.close(), narrow.close()]);
}, 180_000);
