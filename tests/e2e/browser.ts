// Real browser against the real built site: Debian's Chromium driven by playwright-core,
// dist/ served over HTTP on 127.0.0.1 (Pagefind does not work from file://).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { startServer } from '../../scripts/serve.ts';
import { dist } from '../site/build.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, as root in a closed network: no sandbox, and no background
 *  calls to Google's hosts. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
