// A reader's path through the built site in Chromium: from the issue index to a notice, its
// table of contents, its 附件, on a phone, and a first full-text search through Pagefind.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { root } from '../helpers.ts';
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
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/^#附件-2/);
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

test('Pagefind finds a notice by a phrase of its text', async () => {
  const page = await browser.newPage();
  await page.goto(site.url);
  // A string, so the test runner's bundler leaves this import() to the browser.
  const urls: string[] = await page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search('电动自行车');
    const data = await Promise.all(search.results.map((r) => r.data()));
    return data.map((d) => d.url);
  })()`);
  expect(urls).toContain('/notices/2022/weizhengban-27/');
  await page.close();
});
