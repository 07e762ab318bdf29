// Build steps that make dist/ a self-contained archive, run by Astro after the pages are written
// (listed after @astrojs/sitemap in astro.config.mjs, so the sitemap exists by then):
//
// 1. The seeds — the gazette text every page was made from — are copied to dist/seeds/*.txt,
//    byte for byte, so each notice's provenance line links to its source served with the site.
// 2. Every URL in the sitemap and the Atom feed must name a file of this build. They are absolute
//    URLs on `site` (which may not exist yet, e.g. https://example.invalid/), so the HTML link
//    check cannot follow them; here they are mapped back onto dist/ and a missing page fails the
//    build, naming the file and the URL.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseShard } from '../../lib/shard.ts';

export interface ArchiveLinkProblem {
  file: string;
  url: string;
  message: string;
}

/** `SEEDS_DIR` (tests build from their own seeds) or `seeds/`, relative to the project root. */
export function seedsDir(root: string): string {
  return resolve(root, process.env.SEEDS_DIR ?? 'seeds');
}

/** Copy every `*.txt` seed into `<dist>/seeds/`, in name order. Returns the names copied. */
export function copySeeds(from: string, dist: string): string[] {
  const names = readdirSync(from)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  mkdirSync(join(dist, 'seeds'), { recursive: true });
  for (const name of names) copyFileSync(join(from, name), join(dist, 'seeds', name));
  return names;
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

export default function archive(): AstroIntegration {
  let root = '';
  let siteUrl = '';
  return {
    name: 'gazette-archive',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        if (!config.site) throw new Error('gazette-archive: the `site` option must be set (astro.config.mjs)');
        siteUrl = new URL(config.base, config.site).href;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        // One shard of a large gazette (lib/shard.ts): the seeds go with the site's pages, and the
        // links are checked once the shards are joined (scripts/shards.ts), when every page exists.
        const shard = parseShard(process.env.BUILD_SHARD);
        if (process.env.BUILD_SHARD) {
          if (shard.site) copySeeds(seedsDir(root), dist);
          return;
        }
        const seeds = copySeeds(seedsDir(root), dist);
        logger.info(`copied ${seeds.length} seed(s) to ${relative(root, join(dist, 'seeds'))}/`);
        const { problems, links } = checkArchiveLinks(dist, siteUrl);
        if (problems.length > 0) {
          throw new Error(`sitemap/feed link check failed with ${problems.length} problem(s):\n  ${problems.map((p) => `${p.file}: ${p.url}: ${p.message}`).join('\n  ')}`);
        }
        logger.info(`sitemap and feed: ${links} link(s), all to pages of this build`);
      },
    },
  };
}
