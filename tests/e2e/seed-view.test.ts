// The numbered seed view in Chromium: its HTML holds no line of the seed (issue 13), the lines are
// filled by public/seed-line.js from the one copy of the text, /seeds/<name>.txt.gz, and must be
// numbered exactly as the ingest numbers them (the `source.lines` every notice cites) — from the
// static server as is and with its compression, from a host that decodes the .gz itself, from
// the same text with a BOM and CRLF or CR breaks; a failed fetch is said on the page, and without
// JavaScript the page leads to the download. Every test fails on a CSP violation (browser.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type ServerHandle } from '../../scripts/serve.ts';
import { readSeed } from '../../lib/read-seed.ts';
import { root } from '../helpers.ts';
import { dist } from '../site/build.ts';
import { launchChromium } from './browser.ts';

const SEED = 'seeds/weixian-gazette-2022-02.txt';
const bytes = readFileSync(join(root, SEED));
// The seed's lines as the ingest numbers them: line n is lines[n - 1].
const lines = readSeed(SEED, bytes).seed!.lines;
const notices = (JSON.parse(readFileSync(join(dist, 'api/notices.json'), 'utf8')) as { id: string; url: string; source: { file: string; lines: [number, number] } }[]).filter((n) => n.source.file === SEED);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => browser?.close());

/** Every filled line of the page, as [number, text], in page order (numbers from each list's start). */
function numbered(page: Page): Promise<[number, string][]> {
  return page.$$eval('ol.seed-lines', (lists) => lists.flatMap((ol) => [...ol.children].map((li, i) => [(ol as HTMLOListElement).start + i, li.textContent ?? ''] as [number, string])));
}

async function filled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('ol.seed-lines li').count(), { timeout: 10_000 }).toBe(lines.length);
}

for (const compress of [false, true]) {
  describe(`served ${compress ? 'with' : 'without'} compression`, () => {
    let server: ServerHandle;
    beforeAll(async () => {
      server = await startServer({ root: dist, port: 0, host: '127.0.0.1', compress });
    });
    afterAll(async () => server?.close());

    test("a notice's 出处 opens the seed, every line filled and numbered as the ingest reads it, the notice's lines marked; #L<n> marks and scrolls to one line", async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const notice = notices.find((n) => n.id === '2022-weizheng-19')!;
      const [first, last] = notice.source.lines;
      await page.goto(`${server.url}${notice.url.slice(1)}`);
      await page.click('.notice-source a');
      await page.waitForURL(new RegExp(`/seeds/weixian-gazette-2022-02/#L${first}-L${last}$`));
      await filled(page);
      expect(await numbered(page)).toEqual(lines.map((line, i) => [i + 1, line]));
      // A few lines read from the file here, by hand: the first, the notice's first and last.
      const text = bytes.toString('utf8').split('\n');
      expect(await page.locator('ol.seed-lines li').first().textContent()).toBe(text[0]);
      const target = page.locator(':target');
      expect(await target.evaluate((el) => [el.id, el.children.length, el.firstElementChild?.textContent, el.lastElementChild?.textContent, getComputedStyle(el).backgroundColor])).toEqual([
        `L${first}-L${last}`,
        last - first + 1,
        text[first - 1],
        text[last - 1],
        'rgb(255, 247, 221)',
      ]);
      // Scrolled to the span after the lines above it were filled (they were empty at load).
      await expect.poll(() => target.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(900);
      expect(await target.evaluate((el) => el.getBoundingClientRect().bottom > 0)).toBe(true);
      expect(await page.locator('#seed-status').isHidden()).toBe(true);

      // One line: found by counting, marked, in view.
      const line = last - 2;
      await page.goto(`${server.url}seeds/weixian-gazette-2022-02/#L${line}`);
      const marked = page.locator('li.seed-line-target');
      await marked.waitFor({ timeout: 10_000 });
      expect(await marked.textContent()).toBe(text[line - 1]);
      expect(await marked.evaluate((el, n) => (el.parentElement as HTMLOListElement).start + [...el.parentElement!.children].indexOf(el) === n, line)).toBe(true);
      expect(await marked.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 236, 153)');
      expect(await marked.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      })).toBe(true);
      await page.evaluate(() => (location.hash = '#L2'));
      await expect.poll(() => page.locator('li.seed-line-target').textContent()).toBe(text[1]);
      expect(await page.locator('li.seed-line-target').count()).toBe(1);
      await page.close();
    }, 60_000);
  });
}

describe('other ways the text arrives', () => {
  let server: ServerHandle;
  beforeAll(async () => {
    server = await startServer({ root: dist, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => server?.close());

  /** The seed page with its .txt.gz answered by `body` (as a host would send it). */
  async function withSeed(body: Buffer | undefined, hash = ''): Promise<Page> {
    const page = await browser.newPage();
    await page.route('**/seeds/weixian-gazette-2022-02.txt.gz', (route) => (body ? route.fulfill({ status: 200, contentType: 'application/gzip', body }) : route.abort('failed')));
    await page.goto(`${server.url}seeds/weixian-gazette-2022-02/${hash}`);
    return page;
  }

  test('a host that decodes the .gz itself (Content-Encoding: gzip): the plain bytes are used as they are', async () => {
    const page = await withSeed(bytes, '#L100');
    await filled(page);
    expect(await numbered(page)).toEqual(lines.map((line, i) => [i + 1, line]));
    expect(await page.locator('li.seed-line-target').textContent()).toBe(lines[99]);
    await page.close();
  });

  test('text that arrives after the page has loaded: the span linked to is scrolled to once its lines above are filled', async () => {
    const notice = notices.find((n) => n.id === '2022-weizheng-19')!;
    const [first, last] = notice.source.lines;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route('**/seeds/weixian-gazette-2022-02.txt.gz', async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.fulfill({ status: 200, contentType: 'application/gzip', body: gzipSync(bytes) });
    });
    await page.goto(`${server.url}seeds/weixian-gazette-2022-02/#L${first}-L${last}`, { waitUntil: 'load' });
    await filled(page);
    // scrollIntoView(): the span's top at the viewport's top (the lines above it are 1,530).
    await expect.poll(() => page.locator(':target').evaluate((el) => Math.abs(el.getBoundingClientRect().top))).toBeLessThan(2);
    await page.close();
  });

  test('a BOM and CRLF, or CR, line breaks give the same lines and numbers (as read-seed.ts reads them)', async () => {
    const text = bytes.toString('utf8');
    for (const variant of [`\uFEFF${text.replace(/\n/g, '\r\n')}`, text.replace(/\n/g, '\r')]) {
      // The ingest reads the variant as the same lines: the page must too.
      expect(readSeed(SEED, Buffer.from(variant)).seed!.lines).toEqual(lines);
      const page = await withSeed(gzipSync(Buffer.from(variant)));
      await filled(page);
      expect(await numbered(page)).toEqual(lines.map((line, i) => [i + 1, line]));
      await page.close();
    }
  });

  test('a file with other lines than the page was built for is refused, not shown with wrong numbers', async () => {
    const page = await withSeed(gzipSync(Buffer.from(`extra line\n${bytes.toString('utf8')}`)));
    await expect.poll(() => page.textContent('#seed-status')).toContain(`the file has ${lines.length + 1} lines, the page was built for ${lines.length}`);
    expect(await page.locator('ol.seed-lines li').count()).toBe(0);
    await page.close();
  });

  test('a failed fetch is said on the page, pointing to the download', async () => {
    const page = await withSeed(undefined);
    const status = page.locator('#seed-status');
    await expect.poll(() => status.textContent()).toMatch(/^原文未能载入（.+）.*下载纯文本/);
    expect(await status.isVisible()).toBe(true);
    expect(await page.locator('ol.seed-lines li').count()).toBe(0);
    await page.close();
  });

  test('without JavaScript the page says so and links the download', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}seeds/weixian-gazette-2022-02/`);
    const note = page.locator('main noscript ~ *, main p.seed-status').filter({ hasText: '需要 JavaScript' });
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.isVisible()).toBe(true);
    const link = note.locator('a[download]');
    expect(await link.getAttribute('href')).toBe('/seeds/weixian-gazette-2022-02.txt.gz');
    expect(await page.locator('ol.seed-lines li').count()).toBe(0);
    await context.close();
  });
});
