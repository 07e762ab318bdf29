// Build-time link check: every internal href/src in dist/ must resolve to a file of the site,
// every #fragment to an element id on its target page, and no asset may be loaded from another
// host (archives must work offline, for decades, on any static host). A failure names the page
// and the link.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface LinkProblem {
  page: string;
  link: string;
  message: string;
}

const ATTRIBUTE = /\s(href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;
const ASSET_TAG = /<(script|link|img|source|iframe|video|audio)\b[^>]*>/g;

const LINE_SPAN = /\sdata-lines="(\d+)-(\d+)"/g;

/**
 * `#L<n>` on a seed's numbered view: its lists are empty in the HTML and filled by
 * public/seed-line.js from the seed's .txt.gz, each declaring the lines it will hold
 * (`<ol class="seed-lines" data-lines="first-last">`), and line n is found by counting — so every
 * line inside a declared span is an address as good as an id, and a line past them is not.
 */
function lineAddresses(html: string): string[] {
  const out: string[] = [];
  for (const [, first, last] of html.matchAll(LINE_SPAN)) for (let n = Number(first); n <= Number(last); n++) out.push(`L${n}`);
  return out;
}

/**
 * `base` is the site's URL path prefix, `/` or `/gazette/`; `pages` the HTML files to check, all
 * of dist/ by default (postbuild lists them before anything else writes into dist/).
 */
export function checkLinks(dist: string, base = '/', pages = htmlFiles(dist)): { problems: LinkProblem[]; pages: number; links: number } {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) {
      const html = readFileSync(file, 'utf8');
      ids.set(file, new Set([...[...html.matchAll(ID)].map((m) => decode(m[1])), ...lineAddresses(html)]));
    }
    return ids.get(file)!;
  };
  // Tens of thousands of links point at the same few thousand files: stat each file once.
  const files = new Map<string, boolean>();
  const isFile = (target: string) => {
    let known = files.get(target);
    if (known === undefined) files.set(target, (known = existsSync(target) && !statSync(target).isDirectory()));
    return known;
  };
  const problems: LinkProblem[] = [];
  let links = 0;
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    const page = `/${relative(dist, file).replace(/index\.html$/, '')}`;
    for (const tag of html.matchAll(ASSET_TAG)) {
      const external = /\s(?:href|src)="(?:https?:)?\/\/[^"]*"/.exec(tag[0]);
      if (external && !/rel="(?:canonical|alternate)"/.test(tag[0])) problems.push({ page, link: external[0].trim(), message: 'asset loaded from another host' });
    }
    for (const [, , raw] of html.matchAll(ATTRIBUTE)) {
      const link = decode(raw);
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(link)) continue; // other schemes and hosts: not ours to check
      links++;
      const url = new URL(link, `http://site${base}${page.slice(1)}`);
      if (!url.pathname.startsWith(base)) {
        problems.push({ page, link, message: `points outside the site's base ${base}` });
        continue;
      }
      const path = decodeURIComponent(url.pathname.slice(base.length));
      const target = join(dist, path.endsWith('/') || path === '' ? join(path, 'index.html') : path);
      if (!isFile(target)) {
        problems.push({ page, link, message: `no such file: ${relative(dist, target)}` });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) problems.push({ page, link, message: `no element with id “${fragment}” on ${relative(dist, target)}` });
    }
  }
  return { problems, pages: pages.length, links };
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
    .sort()
    .map((f) => join(dir, f));
}

function decode(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
