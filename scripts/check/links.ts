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
  // `html` when the caller has the file's text already (a page's links to its own headings).
  const idsOf = (file: string, html = ids.has(file) ? '' : readFileSync(file, 'utf8')) => {
    if (!ids.has(file)) {
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
  // Most of the 470,000 links at 100 issues are the same few thousand addresses written the same
  // way from pages at the same depth (`../../../people/x/` from every notice page): each written
  // link is resolved once per page depth — or per folder, when it climbs less than the page's depth
  // and so depends on the folder's name — not once per occurrence (CPU 3.2 -> 1.9 s at 100 issues).
  const resolved = new Map<string, { message: string } | { target: string; fragment: string }>();
  const resolve = (page: string, folder: string, depth: number, link: string) => {
    // A link that does not climb (`#h-…`, `?q`, `x/`) may depend on the page's file name (/404.html
    // and /index.html share a folder), so it is keyed by the page.
    const key = link.startsWith('/') ? link : !link.startsWith('../') ? `${page}\0${link}` : /^(?:\.\.\/)*/.exec(link)![0].length / 3 >= depth ? `${depth}\0${link}` : `${folder}\0${link}`;
    let known = resolved.get(key);
    if (known === undefined) {
      const url = new URL(link, `http://site${base}${page.slice(1)}`);
      if (!url.pathname.startsWith(base)) known = { message: `points outside the site's base ${base}` };
      else {
        const path = decodeURIComponent(url.pathname.slice(base.length));
        const target = join(dist, path.endsWith('/') || path === '' ? join(path, 'index.html') : path);
        known = isFile(target) ? { target, fragment: decodeURIComponent(url.hash.slice(1)) } : { message: `no such file: ${relative(dist, target)}` };
      }
      resolved.set(key, known);
    }
    return known;
  };
  const problems: LinkProblem[] = [];
  let links = 0;
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    const page = `/${relative(dist, file).replace(/index\.html$/, '')}`;
    const folder = page.slice(0, page.lastIndexOf('/') + 1);
    const depth = folder.split('/').length - 2;
    for (const tag of html.matchAll(ASSET_TAG)) {
      const external = /\s(?:href|src)="(?:https?:)?\/\/[^"]*"/.exec(tag[0]);
      if (external && !/rel="(?:canonical|alternate)"/.test(tag[0])) problems.push({ page, link: external[0].trim(), message: 'asset loaded from another host' });
    }
    for (const [, , raw] of html.matchAll(ATTRIBUTE)) {
      const link = decode(raw);
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(link)) continue; // other schemes and hosts: not ours to check
      links++;
      const to = resolve(page, folder, depth, link);
      if ('message' in to) {
        problems.push({ page, link, message: to.message });
        continue;
      }
      if (to.fragment && to.target.endsWith('.html') && !idsOf(to.target, to.target === file ? html : undefined).has(to.fragment)) problems.push({ page, link, message: `no element with id “${to.fragment}” on ${relative(dist, to.target)}` });
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
  if (!s.includes('&')) return s;
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
