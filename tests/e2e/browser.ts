// Real browser against the real built site: Debian's Chromium driven by playwright-core,
// dist/ served over HTTP on 127.0.0.1 (Pagefind does not work from file://).
// Every page of a browser from launchChromium() (so openSite() and useSite() too) is watched for
// Content-Security-Policy violations, and a test during which one happened fails: a page that needs something the policy
// refuses (an inline script, a style attribute, a foreign host) is broken for its readers.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { dist } from '../site/build.ts';
import { launchChromium as launchUnwatched } from '../helpers/chromium.ts';

export { CHROMIUM } from '../helpers/chromium.ts';

/** CSP violations seen since the last takeCspViolations(), as `page URL: Chromium's message`. */
const violations: string[] = [];

/**
 * Chromium reports each refused script, style, handler or connection as a console error
 * (“Executing inline script violates the following Content Security Policy directive …”);
 * collect those of one page.
 */
function watchCsp(page: Page): void {
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
}

/** The CSP violations seen so far, and forgets them: for a test that causes one on purpose. */
export function takeCspViolations(): string[] {
  return violations.splice(0);
}

// Registered in each test file that imports this module (vitest evaluates it per file).
afterEach(() => {
  expect(takeCspViolations(), 'Content-Security-Policy violations').toEqual([]);
});

/**
 * Debian's Chromium (tests/helpers/chromium.ts), every page of it watched for CSP violations
 * (`browser.newPage()` goes through `newContext()`).
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await launchUnwatched();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', watchCsp);
    return context;
  };
  return browser;
}

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
      // Up to 10 s, not expect.poll's 1 s: on a machine shared with other builds the first query
      // (module, WebAssembly, index) can take longer, and the test is about results, not speed.
      await expect.poll(() => page.textContent('#search-summary'), { timeout: 10_000 }).toMatch(/件文件|没有找到/);
      // The results, then the facets, are in (the page shows them as they arrive).
      await page.waitForSelector('#search-results[aria-busy="false"]', { timeout: 10_000 });
    },
  };
}
