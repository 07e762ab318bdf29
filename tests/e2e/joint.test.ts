// The search page in Chromium on the fixture site of tests/site/joint.test.ts
// (tests/fixtures/site-joint/seeds/): a joint notice is counted and found under each of its
// issuers' checkboxes, and each result's line names every issuer and the 文号 — or, for a notice
// printed without one, its serial when printed, and nothing in its place otherwise.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixtures } from '../helpers.ts';
import { buildSite } from '../site/build.ts';
import { openSite } from './browser.ts';

let site: Awaited<ReturnType<typeof openSite>>;

beforeAll(async () => {
  const { out } = buildSite(join(fixtures, 'site-joint/seeds'));
  site = await openSite(out);
}, 300_000);
afterAll(async () => site?.close());

/** Each notice result: its title and its metadata line. */
const results = (page: Page) =>
  page.$$eval('#search-list li', (lis) =>
    lis.filter((li) => li.querySelector('.kind-notice')).map((li) => [li.querySelector('a')!.textContent!, li.querySelector('.search-meta')!.textContent!.replace(/\s+/g, ' ').trim()]),
  );

test('a joint notice: one checkbox per issuer counts it, and each finds it', async () => {
  const page = await site.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}search/`);
  await expect.poll(() => page.textContent('#search-summary')).toBe('共 4 件文件');
  await page.waitForSelector('#search-results[aria-busy="false"]');
  await page.waitForSelector('#search.search-ready'); // the facets come after the results
  const counts = await page.$$eval('fieldset', (sets) => {
    const issuers = sets.find((f) => f.querySelector('legend')!.textContent === '发文机关')!;
    return [...issuers.querySelectorAll('label')].map((l) => [l.querySelector('span')!.textContent, l.querySelector('.count')!.textContent]);
  });
  expect(Object.fromEntries(counts)).toEqual({ 威县人民政府: '2', 威县人民政府办公室: '2', 中共威县县委办公室: '1' });
  await page.goto(`${site.url}search/?issuer=${encodeURIComponent('中共威县县委办公室')}`);
  await expect.poll(() => page.textContent('#search-summary')).toBe('筛选出 1 件文件');
  await page.waitForSelector('#search-results[aria-busy="false"]');
  expect(await results(page)).toEqual([['关于做好2023年春节期间有关工作的通知', '文件 威办字〔2023〕1号 · 中共威县县委办公室、威县人民政府办公室 · 2023年1月5日']]);
  expect(errors).toEqual([]);
  await page.close();
});

test('without a 文号 a result shows its serial when printed, and no empty 文号 otherwise', async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.url}search/?issuer=${encodeURIComponent('威县人民政府')}`);
  await expect.poll(() => page.textContent('#search-summary')).toBe('筛选出 2 件文件');
  await page.waitForSelector('#search-results[aria-busy="false"]');
  expect(await results(page)).toEqual([
    ['关于春节期间禁止燃放烟花爆竹的通告', '文件 （第1号） · 威县人民政府 · 2023年1月16日'],
    ['关于某某事项的公告', '文件 威县人民政府 · 2023年1月9日'],
  ]);
  await page.close();
});
