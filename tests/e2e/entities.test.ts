// A reader's path through the knowledge base in Chromium: the 人员 index, a jump by pinyin
// initial, a person, one of the notices naming them and back; the same pages on a phone; and an
// axe check of the new page types. Screenshots go to test-results/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { root } from '../helpers.ts';
import { openSite } from './browser.ts';

let site: Awaited<ReturnType<typeof openSite>>;
let browser: Browser;
const shots = join(root, 'test-results/screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  site = await openSite();
  browser = site.browser;
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => site?.close());

/** The person page the path ends on: the first person of the last initial on /people/. */
let personPath = '';

test('/people/: jump by initial, open a person, follow a notice link and come back', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}people/`);
  expect(await page.textContent('h1')).toBe('人员');
  await page.screenshot({ path: join(shots, 'people-index-desktop.png'), fullPage: true });

  // Jump to the last initial: far enough down that the page must scroll to it.
  const jump = page.locator('nav.alphabet a').last();
  const letter = (await jump.textContent())!.trim();
  await jump.click();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#initial-${letter}`);
  const section = page.locator(`#initial-${letter}`);
  // Scrolled to it: the page moved, and the letter's heading is on screen (the last section may
  // not reach the top of the window when the page ends below it).
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const top = await section.locator('h2').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(900 / 2);
  expect((await section.locator('h2').textContent())!.trim()).toBe(letter);

  // Open the first person in that section.
  const person = section.locator('li > a').first();
  const name = (await person.textContent())!.trim();
  await person.click();
  await page.waitForURL(/\/people\/[a-z0-9-]+\/$/);
  personPath = new URL(page.url()).pathname;
  expect(await page.textContent('h1')).toBe(name);
  expect(await page.locator('table.roles tbody tr').count()).toBeGreaterThan(0);
  await page.screenshot({ path: join(shots, 'person-desktop.png'), fullPage: true });

  // Follow the first notice naming them, and come back.
  const notice = page.locator('section:has(> #notices) a').first();
  const title = (await notice.textContent())!.trim();
  await notice.click();
  await page.waitForURL(/\/notices\/\d{4}\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/);
  expect(await page.textContent('h1')).toBe(title);
  // The notice lists the person back, under its text.
  expect(await page.locator(`section:has(> #notice-entities) a[href="${personPath}"]`).count()).toBe(1);
  await page.goBack();
  await page.waitForURL((url) => url.pathname === personPath);
  expect(await page.textContent('h1')).toBe(name);
  expect(errors).toEqual([]);
  await page.close();
});

test('on a phone the index and a person page do not scroll sideways', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  for (const [path, shot] of [
    ['people/', 'people-index-phone.png'],
    [personPath.slice(1), 'person-phone.png'],
    ['organizations/', undefined],
    ['groups/', undefined],
    ['references/', undefined],
  ] as const) {
    await page.goto(site.url + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    if (shot) await page.screenshot({ path: join(shots, shot), fullPage: true });
  }
  await page.close();
});

async function axe(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the Content-Security-Policy refuses inline script.
  await page.evaluate(axeSource);
  const violations: { id: string; impact: string; nodes: unknown[] }[] = await page.evaluate('axe.run(document).then((r) => r.violations)');
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

test('the knowledge-base pages have no serious accessibility violations', async () => {
  const page = await browser.newPage();
  const api = async (name: string) => (await (await page.request.get(`${site.url}api/${name}.json`)).json()) as { url: string }[];
  const paths = ['people/', 'organizations/', 'groups/', 'references/', personPath.slice(1)];
  for (const name of ['organizations', 'citations']) paths.push((await api(name))[0]!.url.slice(1));
  const groups = await page.request.get(`${site.url}groups/`);
  const group = /href="\/(groups\/[a-z0-9-]+\/)"/.exec(await groups.text())?.[1];
  if (group) paths.push(group);
  for (const path of paths) {
    await page.goto(site.url + path);
    expect(await axe(page), path).toEqual([]);
  }
  await page.close();
});
