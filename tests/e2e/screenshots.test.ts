// Screenshots for review (issue 12: head table, person/organization/group pages, the search page, phones) at 1280
// and 390 px into test-results/screens/ (gitignored), and what can be measured on them: the banner
// at most 100 px tall on a phone, no page wider than the phone, tables wider than their box
// scrollable with a cue, phone numbers as tel: links, 文号 and dates never broken inside.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { root } from '../helpers.ts';
import { useSite } from './browser.ts';

const site = useSite();
const shots = join(root, 'test-results/screens');
mkdirSync(shots, { recursive: true });

// A notice with tables (the 联络表 with phone numbers), a person, an organization, a group.
const PAGES = {
  notice: 'notices/2022/weizhengban-27/',
  person: 'people/gao-kaiying/',
  organization: 'organizations/xian-caizheng-ju/',
  group: 'groups/weixian-fangxunkanghan-zhihuibu/',
  // The search page with a person's card, results and facets in.
  search: `search/?q=${encodeURIComponent('高凯英')}`,
} as const;
const WIDTHS = { desktop: 1280, phone: 390 } as const;

async function open(width: number, path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: width > 600 ? 900 : 844 }, deviceScaleFactor: 1 });
  const response = await page.goto(site.url + path);
  expect(response?.status(), path).toBe(200);
  return page;
}

for (const [name, path] of Object.entries(PAGES)) {
  for (const [device, width] of Object.entries(WIDTHS)) {
    test(`${name} at ${width} px: screenshot, no sideways page scroll, banner ${device === 'phone' ? '≤ 100 px' : 'shown'}`, async () => {
      const page = await open(width, path);
      if (name === 'search') await page.waitForSelector('#search.search-ready', { timeout: 10_000 });
      await page.screenshot({ path: join(shots, `${name}-${device}.png`), fullPage: true });
      const sizes = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
        header: document.querySelector('.site-header')!.getBoundingClientRect().height,
      }));
      expect(sizes.page, 'page wider than the window').toBeLessThanOrEqual(sizes.view);
      if (device === 'phone') expect(sizes.header).toBeLessThanOrEqual(100);
      await page.close();
    });
  }
}

test('phone: a table wider than its box scrolls inside it, with a shadow cue; numbers right, phones as tel: links', async () => {
  const page = await open(390, PAGES.notice);
  const tables = await page.$$eval('.notice-body .table-scroll', (boxes) =>
    boxes.map((box) => ({
      wider: box.scrollWidth > box.clientWidth,
      overflow: getComputedStyle(box).overflowX,
      cue: getComputedStyle(box).backgroundImage,
      inView: box.getBoundingClientRect().right <= document.documentElement.clientWidth,
    })),
  );
  const wide = tables.filter((t) => t.wider);
  expect(wide.length).toBeGreaterThan(0);
  for (const t of wide) {
    expect(t.overflow).toBe('auto');
    expect(t.cue).toContain('radial-gradient');
    expect(t.inView).toBe(true);
  }
  // The 联络表: 罗向军's number is a tel: link, right-aligned in its cell, on one line.
  // Every 文号, date, count and phone number in the text is one line box (never broken inside).
  const unbroken = await page.$$eval('.notice-body .nw', (els) => els.map((el) => [el.textContent, el.getClientRects().length] as const));
  expect(unbroken.length).toBeGreaterThan(20);
  expect(unbroken.filter(([, boxes]) => boxes !== 1)).toEqual([]);
  const tel = page.locator('.notice-body td a[href="tel:13930918781"]');
  expect(await tel.count()).toBe(1);
  expect(await tel.textContent()).toBe('13930918781');
  const cell = await tel.evaluate((a) => {
    const td = a.closest('td')!;
    return { align: getComputedStyle(td).textAlign, lines: Math.round(a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight)) };
  });
  expect(cell).toEqual({ align: 'right', lines: 1 });
  await tel.evaluate((a) => a.closest('.table-scroll')!.scrollIntoView());
  await page.locator('.table-scroll:has(a[href="tel:13930918781"])').screenshot({ path: join(shots, 'notice-table-phone.png') });
  // Scrolled halfway, both edges show a shadow.
  await page.locator('.table-scroll:has(a[href="tel:13930918781"])').evaluate((box) => box.scrollTo({ left: (box.scrollWidth - box.clientWidth) / 2 }));
  await page.locator('.table-scroll:has(a[href="tel:13930918781"])').screenshot({ path: join(shots, 'notice-table-phone-scrolled.png') });
  await page.close();
});

test('phone: the head table shows 文号 and date once each, neither broken, and the printed page as provenance', async () => {
  const page = await open(390, 'notices/2022/weizheng-16/');
  const body = (await page.textContent('main'))!;
  expect(body.split('威政字〔2022〕16号').length - 1).toBe(1);
  const head = page.locator('.notice-record');
  for (const sel of ['.notice-docno', '.notice-date']) {
    const box = await head.locator(sel).evaluate((el) => {
      const r = el.getClientRects();
      return r.length;
    });
    expect(box, sel).toBe(1); // one line box: not broken
  }
  expect(await head.locator('.notice-source a').textContent()).toMatch(/^\s*《威县人民政府公报》\s*2022 年第 2 号\s*第 3 页\s*$/);
  expect(await head.textContent()).not.toContain('seeds/');
  await page.screenshot({ path: join(shots, 'notice-head-phone.png') });
  await page.close();
  const desktop = await open(1280, 'notices/2022/weizheng-16/');
  await desktop.screenshot({ path: join(shots, 'notice-head-desktop.png') });
  // Printed, the same cells make the red-head: issuer, 文号 and date over a red rule, the title.
  await desktop.emulateMedia({ media: 'print' });
  expect(await desktop.$$eval('.notice-record th, .notice-record .notice-meta', (els) => els.every((el) => getComputedStyle(el).display === 'none'))).toBe(true);
  await desktop.screenshot({ path: join(shots, 'notice-head-print.png') });
  await desktop.close();
});
