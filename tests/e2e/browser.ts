// Real browser against the real built site: Debian's Chromium driven by playwright-core,
// dist/ served over HTTP on 127.0.0.1 (Pagefind does not work from file://).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { dist } from '../site/build.ts';
import { launchChromium } from '../helpers/chromium.ts';

export { CHROMIUM, launchChromium } from '../helpers/chromium.ts';

/** Serves `root` (dist/ by default) and launches Chromium. */
export async function openSite(root = dist): Promise<{ browser: Browser; url: string; close: () => Promise<void> }> {
  const server = await startServer({ root, port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  return {
    browser,
    url: server.url.replace(/\/?$/, '/'),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The built site (SEARCH_DIST, or dist/) served and a browser open for the tests of one file:
 * registers beforeAll/afterAll, and `search(page, q)` opens the search page and waits for its
 * result summary.
 */
export function useSite(root = process.env.SEARCH_DIST ?? dist) {
  let site: Awaited<ReturnType<typeof openSite>> | undefined;
  beforeAll(async () => {
    site = await openSite(root);
  }, 60_000);
  afterAll(async () => site?.close());
  return {
    get browser(): Browser {
      return site!.browser;
    },
    get url(): string {
      return site!.url;
    },
    async search(page: Page, q: string): Promise<void> {
      await page.goto(`${site!.url}search/?q=${encodeURIComponent(q)}`);
      await expect.poll(() => page.textContent('#search-summary')).toMatch(/件文件|没有找到/);
    },
  };
}
