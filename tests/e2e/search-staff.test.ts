// Issue 11 (items 1, 4, 6) in Chromium against the built site: a 文号 typed in any spelling puts
// its notice first, the search page has one search box, excerpts read as the page prints the
// text (punctuation, spaces, line breaks) with the match marked, and dates are written as on
// every other page. Expected values are read from seeds/weixian-gazette-2022-02.txt.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { useSite } from './browser.ts';

const site = useSite();

// Seed line 4835–4839: 关于印发威县药品（疫苗）和医疗器械安全 / 突发事件应急预案的通知 /
// 威政办字〔2022〕25 号 2022 年 4 月 26 日
const TITLE_25 = '关于印发威县药品（疫苗）和医疗器械安全突发事件应急预案的通知';
const SPELLINGS = [
  '威政办字〔2022〕25号',
  '威政办字[2022]25号',
  '威政办字(2022)25号',
  '威政办字(2022)25',
  '威政办字（2022）25号',
  '威政办字（２０２２）２５号',
  '威政办字［2022］25号',
  '威政办字【2022】25号',
  '威政办字〖2022〗25',
  '威政办字 [ 2022 ] 25 号',
  '威政办字 2022 25',
  '威政办字 2022 25号',
];

async function results(page: Page, q: string) {
  await site.search(page, q);
  return page.$$eval('#search-list li', (lis) =>
    lis.map((li) => ({
      kind: li.querySelector('.search-kind')?.className.replace(/.*kind-/, ''),
      title: li.querySelector('a')!.textContent!,
      meta: li.querySelector('.search-meta')!.textContent!,
      // An entity card (tests/e2e/search-entities.test.ts) has no excerpt.
      excerpt: (li.querySelector('.search-excerpt') as HTMLElement | null)?.innerText ?? '',
      marks: [...li.querySelectorAll('.search-excerpt mark')].map((m) => m.textContent),
    })),
  );
}

test('a 文号 in any spelling — brackets, widths, spaces, without 号 or brackets — lists its notice first', async () => {
  const page = await site.browser.newPage();
  for (const q of SPELLINGS) {
    const found = await results(page, q);
    expect(found[0]?.title, q).toBe(TITLE_25);
    expect(found[0]?.meta, q).toContain('威政办字〔2022〕25号');
  }
  // A bracketed spelling is the 文号 itself: only notices printing 威政办字〔2022〕25号 come back.
  const exact = await results(page, '威政办字〔2022〕25号');
  expect((await results(page, '威政办字【２０２２】２５号')).map((r) => r.title)).toEqual(exact.map((r) => r.title));
  // The match is marked in the excerpt as printed, with its own bracket.
  expect((await results(page, '威政办字[2022]25号'))[0]!.marks).toEqual(['威政办字〔2022〕25号']);
  await page.close();
});

test('typed into the search box with a keyboard’s brackets, the 文号 finds its notice, and the notice marks it', async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.url}search/`);
  await expect.poll(() => page.textContent('#search-summary')).toMatch(/件文件/);
  await page.waitForSelector('#search-results[aria-busy="false"]');
  await page.focus('#search-q');
  await page.keyboard.type('威政办字[2022]25');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#search-list a.search-title').first().textContent()).toBe(TITLE_25);
  await page.locator('#search-list a.search-title').first().click();
  await page.waitForURL(/\/notices\/2022\/weizhengban-25\/\?hl=/);
  await expect.poll(() => page.locator('mark.search-hl').first().textContent()).toBe('威政办字〔2022〕25');
  await page.close();
});

test('the search page has one search box; other pages keep the one in their header', async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.url}search/?q=${encodeURIComponent('高凯英')}`);
  await expect.poll(() => page.textContent('#search-summary')).toMatch(/件文件/);
  await page.waitForSelector('#search-results[aria-busy="false"]');
  expect(await page.getByRole('searchbox').count()).toBe(1);
  expect(await page.getByRole('search').count()).toBe(1);
  expect(await page.getByRole('searchbox').getAttribute('id')).toBe('search-q');
  await page.goto(`${site.url}notices/2022/weizhengban-28/`);
  expect(await page.getByRole('searchbox').count()).toBe(1);
  expect(await page.getByRole('searchbox').getAttribute('id')).toBe('site-search-q');
  await page.close();
});

test('an excerpt reads as printed: its punctuation, a space between name and title, a line per list item, the match marked', async () => {
  const page = await site.browser.newPage();
  // Seed lines 7262–7266 (威政办字〔2022〕28号): 组 长：高凯英 县政府县长 / 副组长：潘国军 县政府副县长
  const found = await results(page, '高凯英');
  const notice = found.find((r) => r.title === '关于调整威县全面推行农村公路“路长制”领导小组的通知')!;
  expect(notice).toBeDefined();
  expect(notice.marks).toEqual(['高凯英']);
  expect(notice.excerpt).toContain('组长：高凯英 县政府县长\n副组长：潘国军 县政府副县长');
  // Not the folded index text.
  expect(notice.excerpt).not.toContain('组长:高凯英县政府县长副组长');
  // Rendered on lines of its own, not only as a \n in the text.
  const lines = await page.locator('#search-list li', { hasText: '“路长制”领导小组的通知' }).first().locator('.search-excerpt').evaluate((p) => p.getClientRects().length && p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
  expect(lines).toBeGreaterThanOrEqual(3);
  await page.close();
});

test('result dates are written as on every other page: 2022年4月26日', async () => {
  const page = await site.browser.newPage();
  const found = await results(page, '威政办字〔2022〕25号');
  // Seed line 4839: 威政办字〔2022〕25 号 2022 年 4 月 26 日
  expect(found[0]!.meta).toContain('2022年4月26日');
  for (const r of found.filter((x) => x.kind === 'notice')) expect(r.meta).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  // The 文号 spelling's notice page shows the same date.
  await page.goto(`${site.url}notices/2022/weizhengban-25/`);
  expect(await page.locator('.notice-date').textContent()).toBe('2022年4月26日');
  await page.close();
});
