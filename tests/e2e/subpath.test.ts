// The site built for a sub-path (`SITE_BASE=/gazette/`), served under /gazette/ and used in
// Chromium: every page reachable from the home page is fetched and every link, script and
// stylesheet on it must stay under /gazette/ and answer 200; then a reader clicks through home,
// issue, notice, provenance, browse and a person without a single failed request. The sitemap,
// the feed and the API carry the base too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type ServerHandle } from '../../scripts/serve.ts';
import { nodeBin, root } from '../helpers.ts';
import { astroBuild, buildEnv } from '../site/build.ts';
import { launchChromium } from './browser.ts';

const BASE = '/gazette/';
let out: string;
let server: ServerHandle;
let browser: Browser;

beforeAll(async () => {
  // The committed content/, built and checked (no-loss, search, links) exactly as `npm run build`
  // does, into its own folder with its own cache.
  const work = mkdtempSync(join(tmpdir(), 'subpath-'));
  out = join(work, 'dist');
  const env = buildEnv({ SITE_BASE: BASE, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, 'cache') });
  astroBuild(env);
  execFileSync(nodeBin, [join(root, 'scripts/postbuild.ts'), out], { env, cwd: root, stdio: 'pipe' });
  server = await startServer({ root: out, port: 0, base: BASE });
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const origin = () => new URL(server.url).origin;
const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

test('every page reachable from /gazette/ links only inside /gazette/, and every link answers 200', async () => {
  const seen = new Set<string>([`${BASE}`]);
  const queue = [`${BASE}`];
  const problems: string[] = [];
  let links = 0;
  while (queue.length > 0) {
    const path = queue.shift()!;
    const response = await fetch(origin() + path);
    if (response.status !== 200) {
      problems.push(`${path}: ${response.status}`);
      continue;
    }
    if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    for (const [, raw] of (await response.text()).matchAll(ATTRIBUTE)) {
      const link = decode(raw!);
      if (/^(?:mailto|tel|data):/.test(link)) continue;
      links++;
      const url = new URL(link, origin() + path);
      if (url.origin !== origin() || !url.pathname.startsWith(BASE)) {
        problems.push(`${path}: ${link} leaves ${BASE}`);
        continue;
      }
      if (!seen.has(url.pathname)) {
        seen.add(url.pathname);
        queue.push(url.pathname);
      }
    }
  }
  expect(problems).toEqual([]);
  // Every notice, person and organization page is reachable by links alone.
  const api = (name: string) => JSON.parse(readFileSync(join(out, 'api', `${name}.json`), 'utf8')) as { url: string }[];
  for (const name of ['notices', 'people', 'organizations']) for (const { url } of api(name)) expect(seen.has(url), url).toBe(true);
  expect(seen.size).toBeGreaterThan(370);
  // Person pages no longer link every member of every shared group (issue 12): ~12,700 links.
  expect(links).toBeGreaterThan(10_000);
}, 120_000);

/** Click `selector` and wait for the next page; returns its path. */
async function follow(page: Page, selector: string): Promise<string> {
  await Promise.all([page.waitForEvent('load'), page.locator(selector).first().click()]);
  return new URL(page.url()).pathname;
}

test('a reader clicks through the sub-path site without one failed request', async () => {
  const page = await browser.newPage();
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  // A click cancels what the previous page was still loading (its favicon): ERR_ABORTED is not a
  // missing file; the crawl above has already fetched every URL.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`failed ${r.url()}: ${r.failure()?.errorText}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(`${origin()}${BASE}`)) failed.push(`outside ${BASE}: ${r.url()}`);
  });
  await page.goto(server.url);
  expect(await follow(page, '.issue h3 a')).toBe(`${BASE}issues/2022-2/`);
  expect(await follow(page, '.issue-list-numbered a')).toBe(`${BASE}notices/2022/weizheng-16/`);
  expect(await follow(page, '.notice-record a:text-is("2022 年第 2 号")')).toBe(`${BASE}issues/2022-2/`);
  await page.goBack();
  await follow(page, '.notice-source a');
  expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(`${BASE}seeds/weixian-gazette-2022-02/#L1-L1152`);
  await page.goBack();
  expect(await follow(page, '#notice-entities ~ ul a')).toMatch(new RegExp(`^${BASE}people/[a-z-]+/$`));
  expect(await follow(page, '.site-nav a:text-is("分类浏览")')).toBe(`${BASE}browse/`);
  expect(await follow(page, '#browse-year + ul a')).toBe(`${BASE}browse/year/2022/`);
  expect(await follow(page, 'main .issue-list a')).toMatch(new RegExp(`^${BASE}notices/2022/`));
  // The header search box submits to the sub-path's search page, which finds and links notices.
  await page.fill('#site-search-q', '高凯英');
  await Promise.all([page.waitForEvent('load'), page.press('#site-search-q', 'Enter')]);
  expect(new URL(page.url()).pathname).toBe(`${BASE}search/`);
  await expect.poll(() => page.textContent('#search-summary')).toMatch(/件/);
  await page.waitForSelector('#search-results[aria-busy="false"]');
  const results = await page.$$eval('#search-list a', (as) => as.map((a) => a.getAttribute('href')!));
  expect(results.length).toBeGreaterThan(0);
  for (const href of results) expect(href.startsWith(BASE)).toBe(true);
  expect(failed).toEqual([]);
  await page.close();
});

test('sitemap, feed and API carry the base', () => {
  const read = (name: string) => readFileSync(join(out, name), 'utf8');
  expect(read('sitemap-index.xml')).toContain(`<loc>https://example.invalid${BASE}sitemap-0.xml</loc>`);
  const locs = [...read('sitemap-0.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
  expect(locs.length).toBeGreaterThan(370);
  for (const loc of locs) expect(loc.startsWith(`https://example.invalid${BASE}`), loc).toBe(true);
  const hrefs = [...read('feed.xml').matchAll(/<link [^>]*href="([^"]*)"/g)].map((m) => m[1]!);
  expect(hrefs).toContain(`https://example.invalid${BASE}feed.xml`);
  for (const href of hrefs) expect(href.startsWith(`https://example.invalid${BASE}`), href).toBe(true);
  for (const n of JSON.parse(read('api/notices.json')) as { url: string }[]) expect(n.url.startsWith(`${BASE}notices/`)).toBe(true);
});
