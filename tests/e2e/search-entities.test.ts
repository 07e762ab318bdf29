// Issue 11 (items 2 and 3) in Chromium against the built site: a name of an organization or a
// person puts that entity at the top with what staff ask (an organization's names and notices, a
// person's roles); the notices printing the organization's other names follow in a part of their
// own, shown by default and hidden with one click; pinyin, initials and a near-miss lead to the
// name. Expected values are read from seeds/weixian-gazette-2022-02.txt and content/data/*.json.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { useSite } from './browser.ts';

const site = useSite();

const open = (page: Page, q: string) => site.search(page, q);

const titles = (page: Page, selector: string) => page.$$eval(selector, (as) => as.map((a) => a.textContent!));

// 县卫健局 is printed at seed lines 2725 (威政办字〔2022〕21号), 4718 and 4807 (24号), 8687 (38号), 9382
// and 9541 (44号); 县卫生健康局, its other name in data/organization-aliases.json, at 864 (威政字〔2022〕16号)
// and 5013–6556 (威政办字〔2022〕25号) only.
const EXACT = ['关于印发威县新农村建设工作方案的通知', '关于调整威县防汛抗旱指挥部组成人员的通知', '印发关于做好支持市场主体增量提质工作推进方案的通知', '关于印发威县自建房安全专项整治实施方案的通知'];
const ALIAS = ['关于印发威县行政执法协调监督工作体系建设试点工作实施方案的通知', '关于印发威县药品（疫苗）和医疗器械安全突发事件应急预案的通知'];

test('县卫健局: the organization at the top, its exact notices, then “也写作 县卫生健康局：2 件” in a part of its own that one click hides', async () => {
  const page = await site.browser.newPage();
  await open(page, '县卫健局');
  const top = page.locator('#search-list > li').first();
  expect(await top.getAttribute('class')).toContain('search-entity');
  expect(await top.locator('a.search-title').textContent()).toBe('县卫生健康局');
  expect(await top.locator('.search-kind').textContent()).toBe('机构');
  expect(await top.locator('.search-card-names').textContent()).toBe('名称：县卫生健康局；也写作 县卫健局');
  expect(await top.locator('.search-card-count').textContent()).toBe(`${EXACT.length + ALIAS.length} 件文件提及`);
  // The exact part: only notices printing 县卫健局.
  expect((await titles(page, '#search-list li:has(.kind-notice) a.search-title')).sort()).toEqual([...EXACT].sort());
  // The other names' part, below and apart, shown by default.
  const part = page.locator('#search-aliases');
  await expect.poll(() => part.isVisible()).toBe(true);
  expect(await part.locator('h3').allTextContents()).toEqual([`也写作 县卫生健康局：${ALIAS.length} 件`]);
  expect((await titles(page, '#search-aliases a.search-title')).sort()).toEqual([...ALIAS].sort());
  expect(await part.locator('.search-excerpt mark').allTextContents()).toEqual(ALIAS.map(() => '县卫生健康局'));
  const listBox = (await page.locator('#search-list').boundingBox())!;
  expect((await part.boundingBox())!.y).toBeGreaterThanOrEqual(listBox.y + listBox.height);
  expect(await page.textContent('#search-summary')).toBe(`“县卫健局”：${EXACT.length} 件文件，1 个人员或机构；另有 ${ALIAS.length} 件以该机构其他名称提及`);
  // One click hides them; another shows them again.
  const toggle = page.getByRole('button', { name: '隐藏' });
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  await toggle.click();
  await expect.poll(() => page.locator('#search-aliases-body').isVisible()).toBe(false);
  expect(await page.locator('#search-aliases-toggle').getAttribute('aria-expanded')).toBe('false');
  expect(await page.locator('#search-list li:has(.kind-notice)').count()).toBe(EXACT.length);
  await page.getByRole('button', { name: '显示' }).click();
  await expect.poll(() => page.locator('#search-aliases-body').isVisible()).toBe(true);
  // A notice found under the other name opens with that name marked.
  await page.locator('#search-aliases a.search-title', { hasText: '药品（疫苗）' }).click();
  await page.waitForURL(/\/notices\/2022\/weizhengban-25\/\?hl=/);
  await expect.poll(() => page.locator('mark.search-hl').first().textContent()).toBe('县卫生健康局');
  await page.close();
});

test('a query naming no organization has no other-names part', async () => {
  const page = await site.browser.newPage();
  await open(page, '卫健局');
  expect(await page.locator('#search-aliases').isVisible()).toBe(false);
  await page.close();
});

test('高凯英: the person card lists each role — group, role, title, date, notice', async () => {
  const page = await site.browser.newPage();
  await open(page, '高凯英');
  const top = page.locator('#search-list > li').first();
  expect(await top.locator('a.search-title').textContent()).toBe('高凯英');
  expect(await top.locator('.search-kind').textContent()).toBe('人员');
  const rows = await top.locator('table.search-roles tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  // content/data/people.json: 高凯英 has 6 roles, in 16号, 19号, 24号, 28号 (two) and 44号.
  expect(rows.length).toBe(6);
  expect(await top.locator('table.search-roles caption').textContent()).toBe('职务（6 项）');
  // Latest first: seed line 9493 (威政办字〔2022〕44号, 2022年6月21日), 组长 of the 自建房 group.
  expect(rows[0]).toEqual(['威县自建房安全专项整治领导小组', '组长', '县委副书记、政府县长', '2022年6月21日', '威政办字〔2022〕44号']);
  // Seed lines 4652–4654 (威政办字〔2022〕24号, 2022年4月26日): 指 挥 长：高凯英 县委副书记、政府县长
  expect(rows).toContainEqual(['威县防汛抗旱指挥部', '指挥长', '县委副书记、政府县长', '2022年4月26日', '威政办字〔2022〕24号']);
  // Seed line 7314 (28号): （一）总路长：高凯英 县政府县长 — a role in the text, no group.
  expect(rows).toContainEqual(['', '总路长', '县政府县长', '2022年5月6日', '威政办字〔2022〕28号']);
  // Each notice cell links to the notice.
  await top.locator('table.search-roles a', { hasText: '威政办字〔2022〕24号' }).click();
  await page.waitForURL(/\/notices\/2022\/weizhengban-24\/$/);
  await page.close();
});

test('pinyin and initials — gaokaiying, gky, weijianju — put the person or organization first and offer its name', async () => {
  const page = await site.browser.newPage();
  for (const [q, name, kind] of [
    ['gaokaiying', '高凯英', '人员'],
    ['gky', '高凯英', '人员'],
    ['weijianju', '县卫生健康局', '机构'],
  ] as const) {
    await open(page, q);
    const top = page.locator('#search-list > li').first();
    expect(await top.locator('a.search-title').textContent(), q).toBe(name);
    expect(await top.locator('.search-kind').textContent(), q).toBe(kind);
    expect(await page.textContent('#search-suggest'), q).toBe(`您是不是要找：${name}`);
  }
  // Following the suggestion searches the name: its notices are listed.
  await open(page, 'gky');
  await page.locator('#search-suggest a').click();
  await expect.poll(() => page.inputValue('#search-q')).toBe('高凯英');
  await expect.poll(() => page.locator('#search-list li:has(.kind-notice)').count()).toBeGreaterThan(0);
  expect(new URL(page.url()).searchParams.get('q')).toBe('高凯英');
  await page.close();
});

test('a near-miss (高凯莹) or part of a name (高凯) offers “您是不是要找：高凯英”', async () => {
  const page = await site.browser.newPage();
  await open(page, '高凯莹');
  expect(await page.textContent('#search-summary')).toBe('没有找到包含“高凯莹”的文件');
  expect(await page.textContent('#search-suggest')).toBe('您是不是要找：高凯英');
  await open(page, '高凯');
  expect(await page.textContent('#search-suggest')).toBe('您是不是要找：高凯英');
  // A name typed exactly offers nothing.
  await open(page, '高凯英');
  expect(await page.locator('#search-suggest').isVisible()).toBe(false);
  await page.close();
});
