// WCAG 2.1 AA in Chromium with axe-core: no serious or critical violation on every kind of page
// — home, issues, a notice (with and without a table), a person, an organization, a group, a
// cited document, the indexes, the browse lists, the numbered seed, the 404 page and search
// results — at a desktop and a phone width. Each violation is reported with its rule, the number
// of elements and the first element, so a failure says what to fix.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dist } from '../site/build.ts';
import { openSite } from './browser.ts';

let site: Awaited<ReturnType<typeof openSite>>;
let browser: Browser;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  site = await openSite();
  browser = site.browser;
});
afterAll(async () => site?.close());

const first = (name: string) => (JSON.parse(readFileSync(join(dist, 'api', `${name}.json`), 'utf8')) as { url: string }[])[0]!.url.slice(1);

function pages(): string[] {
  const group = /href="\/(groups\/[a-z0-9-]+\/)"/.exec(readFileSync(join(dist, 'groups/index.html'), 'utf8'))?.[1];
  return [
    '',
    'issues/',
    'issues/2022-2/',
    'notices/2022/weizheng-16/',
    'notices/2022/weizhengban-27/',
    first('people'),
    first('organizations'),
    ...(group ? [group] : []),
    first('citations'),
    'people/',
    'organizations/',
    'groups/',
    'references/',
    'browse/',
    'browse/year/',
    'browse/year/2022/',
    'browse/issuer/wei-xian-ren-min-zheng-fu/',
    'browse/type/tong-zhi/',
    'seeds/weixian-gazette-2022-02/',
    'no-such-page/',
    'search/?q=%E9%AB%98%E5%87%AF%E8%8B%B1',
  ];
}

/** Serious and critical axe violations on the loaded page: `rule (n): first element`. */
async function axe(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline script,
  // and devtools evaluation is not subject to it.
  await page.evaluate(axeSource);
  const violations: { id: string; impact: string; nodes: { target: string[] }[] }[] = await page.evaluate(
    // WCAG 2.0/2.1 A and AA rules, plus axe's best practices (they never count as serious here
    // unless axe says so).
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((r) => r.violations)`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]!.target.join(' ')}`);
}

for (const [width, height] of [
  [1280, 900],
  [390, 844],
] as const) {
  test(`no serious or critical axe violation at ${width}px`, async () => {
    const page = await browser.newPage({ viewport: { width, height } });
    const found: Record<string, string[]> = {};
    for (const path of pages()) {
      await page.goto(site.url + path);
      if (path.startsWith('search/')) {
        await expect.poll(() => page.textContent('#search-summary')).toMatch(/件/);
        await page.waitForSelector('#search-results[aria-busy="false"]');
      }
      // The seed's lines are filled from its .txt.gz by a script: checked as a reader sees them.
      if (path.startsWith('seeds/')) await page.waitForSelector('ol.seed-lines li');
      const violations = await axe(page);
      if (violations.length > 0) found[path || '/'] = violations;
    }
    expect(found).toEqual({});
    await page.close();
  }, 180_000);
}
