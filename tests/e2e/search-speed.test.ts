// The search page on a slow phone (issue 11): what its first query needs is preloaded and used
// once, Pagefind runs without a worker of its own, nothing on screen moves as results and facets
// arrive. Times are not asserted here — `npm run bench:search` measures and prints them — but
// the layout shift is a property of the page, not of the machine, and is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { coldSearch } from '../../bench/slow-phone.ts';
import { dist } from '../site/build.ts';
import { useSite } from './browser.ts';

const site = useSite();
// Pagefind indexes of the built search index: 1, or more for an index in parts (SEARCH_PART_NOTICES),
// each with its entry and metadata preloaded.
const indexes = () => 1 + ((JSON.parse(readFileSync(path.join(process.env.SEARCH_DIST ?? dist, 'search/exact/core.json'), 'utf8')) as { parts?: unknown[] }).parts?.length ?? 0);

describe('search page on a slow phone', () => {
  test('preloads the engine, its WebAssembly, entry, metadata and the notice table, each fetched once', async () => {
    const page = await site.browser.newPage();
    const requested: string[] = [];
    const warnings: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    page.on('console', (m) => warnings.push(m.text()));
    try {
      await site.search(page, '高凯英');
      const preloads = await page.$$eval('link[rel="preload"], link[rel="modulepreload"]', (links) => links.map((l) => (l as HTMLLinkElement).href));
      const files = preloads.map((href) => {
        const u = new URL(href);
        return u.pathname.split('/').pop()! + u.search;
      });
      expect(files).toEqual(expect.arrayContaining(['search-api.js', 'pagefind.js', 'core.json', 'wasm.unknown.pagefind']));
      expect(files.filter((f) => /^pagefind-entry\.json\?ts=\w+$/.test(f))).toHaveLength(indexes());
      expect(files.filter((f) => /^pagefind\.\w+\.pf_meta$/.test(f))).toHaveLength(indexes());
      // Each preloaded URL is the very one the search asks for: requested once, not twice.
      for (const href of preloads) expect(requested.filter((u) => u === href), href).toHaveLength(1);
      expect(requested.some((u) => u.includes('pagefind-worker'))).toBe(false);
      expect(warnings.filter((w) => /preload/i.test(w))).toEqual([]);
      // The page's own script is a file (no inline script for a Content-Security-Policy to allow).
      expect(await page.$$eval('script', (s) => s.filter((x) => !x.src).length)).toBe(0);
    } finally {
      await page.close();
    }
  });

  test('on a throttled phone nothing on screen moves while results and facets arrive (CLS 0)', async () => {
    for (const q of ['高凯英', '县卫健局']) {
      const cold = await coldSearch(site.browser, site.url, q, 1500);
      expect(cold.firstResultMs, q).toBeGreaterThan(0);
      expect(cold.cls, q).toBeLessThanOrEqual(0.05);
    }
  });

  test('a file that does not arrive is said so, not an endless “正在检索…”', async () => {
    const page = await site.browser.newPage();
    try {
      await page.route('**/search/exact/core.json', (route) => route.abort());
      await page.goto(`${site.url}search/?q=${encodeURIComponent('高凯英')}`);
      await expect.poll(() => page.textContent('#search-summary')).toMatch(/^检索未能完成（.+），请检查网络后重试。$/);
    } finally {
      await page.close();
    }
  });

  test('results keep their order as they arrive, and the facets come after them', async () => {
    const page = await site.browser.newPage();
    try {
      await site.search(page, '县政府');
      await page.waitForSelector('#search.search-ready');
      const titles = await page.$$eval('#search-list > li .search-title', (as) => as.map((a) => a.textContent));
      expect(titles.length).toBeGreaterThan(1);
      expect(titles.every((t) => t && t.length > 0)).toBe(true);
      expect(await page.locator('#search-facets fieldset').count()).toBeGreaterThan(0);
      expect(await page.locator('#search-facets').isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });
});
