// The Atom 1.0 feed of notices (/feed.xml). A pure function of the notices and the site URL:
// every timestamp is a notice's 成文日期 (never the build time), so the same notices give a
// byte-identical feed. Atom wants absolute IRIs, so links are made from `site` (see
// astro.config.mjs: SITE_BASE as a full URL, else SITE_URL, else https://example.invalid/).
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { mdxToMdast } from 'satteri';
import type { Notice } from '../../schemas/notice.ts';
import { chineseDate, gazetteLabel, issuersLabel, noticeNumber } from './format.ts';
import { compareByDate } from './browse.ts';
import { FEED_PATH, noticePath, withBase } from './urls.ts';

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

/** How much of a notice's text its feed entry carries: about two short paragraphs. */
export const OPENING_LENGTH = 200;

/**
 * The source up to the last blank line before `chars` characters, with the JSX flow elements left
 * open there closed — the ingest writes each `<section …>`, `</section>` on a line of its own
 * (scripts/ingest/emit-mdx.ts) — so a notice of any length is parsed only as far as its opening.
 */
function head(source: string, chars: number): string {
  if (source.length <= chars) return source;
  const cut = source.lastIndexOf('\n\n', chars);
  const text = source.slice(0, cut > 0 ? cut : chars);
  const open: string[] = [];
  for (const line of text.split('\n')) {
    const close = /^\s*<\/([A-Za-z][\w.-]*)>\s*$/.exec(line);
    const start = /^\s*<([A-Za-z][\w.-]*)\b[^>]*[^/]>\s*$|^\s*<([A-Za-z][\w.-]*)>\s*$/.exec(line);
    if (close && open.at(-1) === close[1]) open.pop();
    else if (start) open.push((start[1] ?? start[2])!);
  }
  return `${text}\n\n${open.reverse().map((name) => `</${name}>`).join('\n\n')}\n`;
}

// Sätteri, the parser Astro compiles the pages' MDX with (a dependency of @astrojs/markdown-satteri),
// with the features the pages use (astro.config.mjs: GFM, no smart punctuation): the opening reads
// as the page prints it, and the feed's 1,400 openings at 100 issues take 0.2 s (1.9 s with
// micromark, which gave the same texts).
const parse = (source: string): Root => mdxToMdast(source, { features: { gfm: true, smartPunctuation: false } }) as Root;

/**
 * A notice's opening text as its page prints it, from its MDX body: its paragraphs, headings and
 * list items in order, one per line (links give their text, escapes are undone), up to `max`
 * characters, cut with “…”. Tables and the source lines kept verbatim (`<figure>`) are not
 * running text and end the opening.
 */
export function openingText(body: string, max = OPENING_LENGTH): string {
  let tree: Root;
  try {
    tree = parse(head(body, max * 8));
  } catch {
    tree = parse(body); // a cut the line rule above could not close: the whole text, parsed once
  }
  const lines: string[] = [];
  let length = 0;
  let done = false;
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (done || length >= max) return;
      if (node.type === 'table' || node.type === 'code' || (node.type === 'mdxJsxFlowElement' && node.name === 'figure')) {
        done = true;
        return;
      }
      if (node.type === 'paragraph' || node.type === 'heading') {
        const text = toString(node).replace(/\s+/g, ' ').trim();
        if (text) {
          lines.push(text);
          length += [...text].length;
        }
      } else if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(tree.children);
  const text = [...lines.join('\n')];
  return text.length > max ? `${text.slice(0, max).join('').trimEnd()}…` : text.join('');
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

/** The Atom document: the feed's metadata and one entry per notice, newest first. */
export function atomFeed(options: FeedOptions): string {
  const { base, title, subtitle, author } = options;
  const absolute = (path: string) => new URL(withBase(path, base), options.site).href;
  const entries = feedOrder(options.notices);
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
