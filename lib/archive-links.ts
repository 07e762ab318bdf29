// The sitemap's and the Atom feed's links, checked against the built files: they are absolute
// URLs on `site` (which may not exist yet, e.g. https://example.invalid/), so the HTML link check
// cannot follow them. Run by the archive integration after Astro writes them
// (src/integrations/archive.ts) and by scripts/build.ts on a site joined from shards.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A sitemap or feed link that names no file of the build. */
export interface ArchiveLinkProblem {
  file: string;
  url: string;
  message: string;
}

const LOC = /<loc>([^<]*)<\/loc>/g;
const HREF = /<link\b[^>]*\shref="([^"]*)"/g;

/**
 * Every `<loc>` of `sitemap-*.xml` and every `<link href>` of `feed.xml` in `dist` must be a URL
 * under `siteUrl` (origin + base path) naming a file of the build.
 */
export function checkArchiveLinks(dist: string, siteUrl: string): { problems: ArchiveLinkProblem[]; links: number } {
  const site = new URL(siteUrl);
  const files = readdirSync(dist)
    .filter((name) => /^sitemap-.*\.xml$/.test(name) || name === 'feed.xml')
    .sort();
  const problems: ArchiveLinkProblem[] = [];
  let links = 0;
  for (const file of files) {
    const text = readFileSync(join(dist, file), 'utf8');
    for (const [, raw] of text.matchAll(file === 'feed.xml' ? HREF : LOC)) {
      links++;
      const href = raw!.replace(/&amp;/g, '&');
      const url = new URL(href);
      if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname)) {
        problems.push({ file, url: href, message: `not under the site ${site.href}` });
        continue;
      }
      const path = decodeURIComponent(url.pathname.slice(site.pathname.length));
      const target = join(dist, path === '' || path.endsWith('/') ? join(path, 'index.html') : path);
      if (!existsSync(target) || statSync(target).isDirectory()) problems.push({ file, url: href, message: `no such file: ${relative(dist, target)}` });
    }
  }
  if (!files.includes('feed.xml')) problems.push({ file: 'feed.xml', url: '', message: 'missing' });
  if (!files.includes('sitemap-index.xml')) problems.push({ file: 'sitemap-index.xml', url: '', message: 'missing' });
  return { problems, links };
}

