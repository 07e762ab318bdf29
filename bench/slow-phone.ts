// A cold search on a slow phone, measured in Chromium (issue 11): a fresh browser context (empty
// cache, as on a first visit) throttled through the DevTools protocol to the slow-4G profile
// Lighthouse uses for mobile — 150 ms round trip, 1.6 Mbps down, 750 kbps up, CPU 4× slower —
// opens /search/?q=… and records when the first result appears and how much the layout shifts.
// Used by `npm run bench:search`; a measurement, it asserts nothing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

/** The throttling profile (Lighthouse's "slow 4G", mobile). */
export const SLOW_PHONE = {
  latencyMs: 150,
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
} as const;

export interface ColdSearch {
  query: string;
  /** Milliseconds from navigation start until the first result is in the page. */
  firstResultMs: number;
  /** Milliseconds until the result count is shown (also for no result). */
  summaryMs: number;
  /** Cumulative layout shift (largest session window, as web-vitals counts it). */
  cls: number;
  /** Bytes transferred (compressed, as sent) for the whole visit. */
  bytes: number;
  requests: number;
}

// Runs in the page before any of its scripts: layout shifts and the first result's arrival.
const OBSERVE = `(() => {
  const w = (window.__slowPhone = { shifts: [], firstResult: -1, summary: -1 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) w.shifts.push([e.startTime, e.value]);
  }).observe({ type: 'layout-shift', buffered: true });
  new MutationObserver(() => {
    if (w.firstResult < 0 && document.querySelector(".search-result .search-title")) w.firstResult = performance.now();
    const s = document.getElementById('search-summary')?.textContent ?? '';
    if (w.summary < 0 && /件文件|没有找到/.test(s)) w.summary = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

/** web-vitals' CLS: shifts grouped in windows (gap < 1 s, span ≤ 5 s); the largest window's sum. */
export function clsOf(shifts: [number, number][]): number {
  let best = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const [t, v] of shifts) {
    if (t - last < 1000 && t - first < 5000) sum += v;
    else {
      sum = v;
      first = t;
    }
    last = t;
    best = Math.max(best, sum);
  }
  return best;
}

/**
 * One cold visit of `<siteUrl>search/?q=<query>` on the slow phone. Waits for the result count,
 * then `settleMs` more for late shifts (facets, excerpts), and reads the figures.
 */
export async function coldSearch(browser: Browser, siteUrl: string, query: string, settleMs = 2500): Promise<ColdSearch> {
  const context = await browser.newContext({ viewport: SLOW_PHONE.viewport, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_PHONE.latencyMs,
      downloadThroughput: SLOW_PHONE.downloadBytesPerSecond,
      uploadThroughput: SLOW_PHONE.uploadBytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests++;
    });
    await page.addInitScript(OBSERVE);
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __slowPhone: { summary: number } }).__slowPhone?.summary >= 0, undefined, { timeout: 60_000, polling: 50 });
    await page.waitForTimeout(settleMs);
    const seen = await page.evaluate(() => (window as unknown as { __slowPhone: { shifts: [number, number][]; firstResult: number; summary: number } }).__slowPhone);
    return { query, firstResultMs: seen.firstResult, summaryMs: seen.summary, cls: clsOf(seen.shifts), bytes, requests };
  } finally {
    await context.close();
  }
}

/** A query's cold visits: the median and the slowest of `runs`. */
export interface ColdSummary {
  query: string;
  runs: ColdSearch[];
  medianMs: number;
  maxMs: number;
  maxCls: number;
}

/**
 * `runs` cold visits for each query, summarized. One visit first, not counted: a browser's very
 * first page pays for starting its renderer and font caches, which a phone has long done.
 */
export async function coldSearches(browser: Browser, siteUrl: string, queries: string[], runs = 3): Promise<ColdSummary[]> {
  const out: ColdSummary[] = [];
  if (queries[0] !== undefined) await coldSearch(browser, siteUrl, queries[0], 0);
  for (const query of queries) {
    const all: ColdSearch[] = [];
    for (let k = 0; k < runs; k++) all.push(await coldSearch(browser, siteUrl, query));
    const times = all.map((r) => (r.firstResultMs >= 0 ? r.firstResultMs : r.summaryMs)).sort((a, b) => a - b);
    out.push({ query, runs: all, medianMs: times[Math.floor(times.length / 2)]!, maxMs: times.at(-1)!, maxCls: Math.max(...all.map((r) => r.cls)) });
  }
  return out;
}

/**
 * Lighthouse's scores for a page, mobile (its default: a simulated slow-4G phone), run with the
 * same Chromium through `npx lighthouse` — fetched from the npm registry on first use, so it is
 * not a dependency of the build. Returns the category scores (0–100) and the audits that failed.
 */
export async function lighthouse(url: string, chromiumPath: string): Promise<{ scores: Record<string, number>; failed: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  try {
    const out = join(dir, 'report.json');
    // Asynchronously: the site is served from this process, which must go on answering.
    await promisify(execFile)('npx', ['--yes', 'lighthouse@13.5.0', url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance,seo,accessibility,best-practices', '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], {
      env: { ...process.env, CHROME_PATH: chromiumPath },
      timeout: 300_000,
      maxBuffer: 1 << 26,
    });
    const report = JSON.parse(readFileSync(out, 'utf8')) as { categories: Record<string, { score: number }>; audits: Record<string, { id: string; score: number | null; scoreDisplayMode: string }> };
    const scores = Object.fromEntries(Object.entries(report.categories).map(([k, c]) => [k, Math.round(c.score * 100)]));
    const failed = Object.values(report.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))
      .map((a) => a.id);
    return { scores, failed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
