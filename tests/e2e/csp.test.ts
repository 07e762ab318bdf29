// The Content-Security-Policy in a real browser: the site's own scripts, styles and Pagefind's
// WebAssembly run (every e2e test fails on a violation: tests/e2e/browser.ts), and script or
// style that slips into a page — inline, as a handler, as an attribute or from another host — is
// refused, so the gazette cannot be made to run foreign code even if such text reached a page.
import { expect, test } from 'vitest';
import { takeCspViolations, useSite } from './browser.ts';

const site = useSite();

test('search works under the policy: Pagefind loads its WebAssembly and finds a name', async () => {
  const page = await site.browser.newPage();
  await site.search(page, '高凯英');
  expect(await page.textContent('#search-summary')).toMatch(/件文件/);
  await page.close();
});

test('a notice opened from a search marks the query (its script is a file, and fetches the search code)', async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.url}notices/2022/weizhengban-25/?hl=${encodeURIComponent('药品')}`);
  await expect.poll(() => page.locator('mark.search-hl').count()).toBeGreaterThan(0);
  await page.close();
});

test('script and style put into a page are refused, and reported', async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.url}notices/2022/weizheng-16/`);
  // What text that slipped into a page could carry: an inline script, an inline handler, a
  // script from another host, a <style> element and a style attribute. (page.evaluate itself
  // runs as the browser's devtools, which the policy does not govern; what it inserts does.)
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const script = document.createElement('script');
    script.textContent = 'window.__inline = true;';
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onload="window.__handler = true" alt=""><p id="styled" style="color: rgb(255, 0, 0)">x</p><style>#main { display: none }</style>';
    document.body.append(holder);
    const foreign = document.createElement('script');
    foreign.src = 'http://127.0.0.2:9/foreign.js';
    document.body.append(foreign);
    w.__checked = true;
  });
  // Chromium reports each refusal on the console (“Executing inline script violates the following
  // Content Security Policy directive …”); all five are reported.
  const reported: string[] = [];
  const kinds = () => {
    reported.push(...takeCspViolations());
    const text = reported.join('\n');
    return [/inline script/, /inline event handler/, /Loading the script 'http:\/\/127\.0\.0\.2/, /Applying inline style/].filter((k) => k.test(text)).length;
  };
  await expect.poll(kinds, { timeout: 5000 }).toBe(4);
  expect(reported.filter((r) => /Applying inline style/.test(r)).length, reported.join('\n')).toBeGreaterThanOrEqual(2);
  const ran = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return {
      inline: w.__inline ?? false,
      handler: w.__handler ?? false,
      styleAttribute: getComputedStyle(document.getElementById('styled')!).color === 'rgb(255, 0, 0)',
      styleElement: getComputedStyle(document.getElementById('main')!).display === 'none',
    };
  });
  expect(ran).toEqual({ inline: false, handler: false, styleAttribute: false, styleElement: false });
  takeCspViolations();
  await page.close();
});
