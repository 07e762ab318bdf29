// The Atom 1.0 feed of notices (/feed.xml). A pure function of the notices and the site URL:
// every timestamp is a notice's 成文日期 (never the build time), so the same notices give a
// byte-identical feed. Atom wants absolute IRIs, so links are made from `site` (see
// astro.config.mjs: SITE_BASE as a full URL, else SITE_URL, else https://example.invalid/).
import type { Notice } from '../../schemas/notice.ts';
export { OPENING_LENGTH, openingText } from '../../lib/opening.ts';
import { chineseDate, gazetteLabel, issuersLabel, noticeNumber } from './format.ts';
import { compareByDate } from './browse.ts';
import { FEED_PATH, noticePath, withBase } from '../../lib/urls.ts';

export interface FeedOptions {
  notices: readonly Notice[];
  /** Absolute URL of the site, e.g. `https://example.org/`; only its origin is used. */
  site: URL | string;
  /** The site's base path, `/` or `/gazette/`. */
  base: string;
  title: string;
  subtitle: string;
  /** Who publishes the gazette (the feed's author when no entry names one). */
  author: string;
  /** Each notice's opening text (openingText of its MDX), by notice id; shown under its metadata. */
  openings?: ReadonlyMap<string, string>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const xml = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** A 成文日期 as an Atom date: midnight in China (UTC+8), the day the notice is dated. */
export function atomDate(iso: string): string {
  return `${iso}T00:00:00+08:00`;
}

/** Newest first: by 成文日期, same-day notices in reverse reading order. */
export function feedOrder(notices: readonly Notice[]): Notice[] {
  return [...notices].sort(compareByDate).reverse();
}

/**
 * How many notices the feed carries, the newest. A feed is what a reader's app downloads on every
 * poll, to learn what is new: with every notice in it, it was 1.6 MB at 100 issues and grew with
 * each one. 100 notices are over a year of this gazette; everything older is on the site
 * (/issues/, /browse/) and in /api/notices.json.
 */
export const FEED_ENTRIES = 100;

/** The Atom document: the feed's metadata and one entry per notice, the newest `FEED_ENTRIES`, newest first. */
export function atomFeed(options: FeedOptions): string {
  const { base, title, subtitle, author } = options;
  const absolute = (path: string) => new URL(withBase(path, base), options.site).href;
  const entries = feedOrder(options.notices).slice(0, FEED_ENTRIES);
  // An empty feed still needs an <updated>; a fixed date keeps it deterministic.
  const updated = atomDate(entries[0]?.date ?? '1970-01-01');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${xml(title)}</title>`,
    `  <subtitle>${xml(subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(absolute(FEED_PATH))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(absolute(''))}"/>`,
    `  <id>${xml(absolute(''))}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xml(author)}</name></author>`,
  ];
  for (const n of entries) {
    const url = absolute(noticePath(n.id));
    // 文号 (or a 公告's serial; nothing when neither is printed), every 发文机关, date, issue.
    const meta = [noticeNumber(n), issuersLabel(n.issuers), chineseDate(n.date), `公报期号 ${gazetteLabel(n.gazette)}`].filter(Boolean).join('，');
    // Then the notice's opening text, so a reader of the feed sees what the notice says.
    const opening = options.openings?.get(n.id);
    const summary = opening ? `${meta}\n${opening}` : meta;
    lines.push(
      '  <entry>',
      `    <title>${xml(n.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <id>${xml(url)}</id>`,
      `    <published>${atomDate(n.date)}</published>`,
      `    <updated>${atomDate(n.date)}</updated>`,
      // A joint notice has an author per 发文机关, in printed order.
      ...n.issuers.map((issuer) => `    <author><name>${xml(issuer)}</name></author>`),
      `    <category term="${xml(n.type)}"/>`,
      `    <summary type="text">${xml(summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
