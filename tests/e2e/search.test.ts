// The search page in Chromium: /search/?q=… lists exactly the notices whose text contains the
// query, filters narrow it (also without a query), the keyboard reaches every result, and the
// notice opened from a result can highlight the query.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { noticeTexts, readNotices } from '../../scripts/search/build.ts';
import { fold } from '../../scripts/search/search-api.js';
import { dist as siteDist } from '../site/build.ts';
import { openSite } from './browser.ts';

// SEARCH_DIST: test another build (e.g. one made outside the working tree).
const dist = process.env.SEARCH_DIST ?? siteDist;
let site: Awaited<ReturnType<typeof openSite>>;
let browser: Browser;
let truth: (q: string) => string[];

beforeAll(async () => {
  site = await openSite(dist);
  browser = site.browser;
  const notices = await readNotices(dist);
  const texts = await noticeTexts(dist, notices);
  truth = (q) => notices.filter((n) => texts.get(n.id)!.includes(fold(q))).map((n) => n.title).sort();
});
afterAll(async () => site?.close());

const titles = (page: import('playwright-core').Page) =>
  page.$$eval('#search-list li', (lis) => lis.filter((li) => li.querySelector('.kind-notice')).map((li) => li.querySelector('a')!.textContent!));

test('/search/?q=高凯英 lists exactly the notices that name him, excerpts highlighted', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}search/?q=${encodeURIComponent('高凯英')}`);
  await expect.poll(() => page.textContent('#search-summary')).toMatch(/件文件/);
  await page.waitForSelector('#search-results[aria-busy="false"]');
  expect((await titles(page)).sort()).toEqual(truth('高凯英'));
  expect(await page.locator('#search-list mark').first().textContent()).toBe('高凯英');
  expect(await page.inputValue('#search-q')).toBe('高凯英');
  // The search borrows lang="und" for Pagefind's init only; the page stays Chinese.
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  expect(errors).toEqual([]);
  await page.close();
});

test('a filter narrows the results, also without a query, and is kept in the URL', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}search/`);
  await expect.poll(() => page.textContent('#search-summary')).toMatch(/共 \d+ 件文件/);
  await page.waitForSelector('#search-results[aria-busy="false"]');
  const all = (await titles(page)).length;
  const box = page.getByRole('group', { name: '发文机关' }).getByRole('checkbox', { name: /^威县人民政府\s*\d+$/ });
  const count = Number(await box.locator('xpath=following-sibling::label[1]/span[@class="count"]').textContent());
  await box.check();
  await expect.poll(() => titles(page).then((t) => t.length)).toBe(count);
  expect(count).toBeLessThan(all);
  expect(decodeURIComponent(new URL(page.url()).search)).toContain('issuer=威县人民政府');
  // The same filter with a query, from a deep link.
  await page.goto(`${site.url}search/?q=${encodeURIComponent('高凯英')}&issuer=${encodeURIComponent('威县人民政府')}`);
  await expect.poll(() => page.textContent('#search-summary')).toMatch(/件文件/);
  await page.waitForSelector('#search-results[aria-busy="false"]');
  const narrowed = await titles(page);
  expect(narrowed.length).toBeLessThan(truth('高凯英').length);
  for (const t of narrowed) expect(truth('高凯英')).toContain(t);
  await page.close();
});

test('keyboard: type, Enter, ↓ through the results, Enter opens a highlighted notice', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}search/`);
  await expect.poll(() => page.textContent('#search-summary')).toMatch(/件文件/);
  await page.waitForSelector('#search-results[aria-busy="false"]');
  await page.focus('#search-q');
  await page.keyboard.type('樊彦平');
  await page.keyboard.press('Enter');
  await expect.poll(() => titles(page).then((t) => t.sort().join('|'))).toBe(truth('樊彦平').join('|'));
  await page.keyboard.press('ArrowDown');
  const first = await page.evaluate(() => document.activeElement?.textContent);
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement?.textContent);
  expect(second).not.toBe(first);
  await page.keyboard.press('ArrowUp');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(first);
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
  // The person's own page ranks first for their name; the next result is a notice.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/notices\/.*\?hl=/);
  // The notice page marks the query where it occurs in the text.
  await expect.poll(() => page.locator('mark.search-hl').first().textContent()).toBe('樊彦平');
  await page.close();
});

test('every page has a search box in its header that leads to the results', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}notices/2022/weizheng-16/`);
  await page.getByRole('searchbox', { name: '检索公报全文' }).fill('威政办字〔2022〕25号');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\/\?q=/);
  await expect.poll(() => titles(page).then((t) => t[0])).toBe('关于印发威县药品（疫苗）和医疗器械安全突发事件应急预案的通知');
  await page.close();
});
