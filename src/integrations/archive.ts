// Build steps that make dist/ a self-contained archive, run by Astro after the pages are written
// (listed after @astrojs/sitemap in astro.config.mjs, so the sitemap exists by then):
//
// 1. The seeds — the gazette text every page was made from — are served as dist/seeds/*.txt.gz,
//    byte for byte once decompressed: the archival copy a reader downloads, and the one copy of
//    the text the site serves — the numbered view /seeds/<name>/ (src/pages/seeds/[name].astro,
//    what each provenance line links to) is filled from it in the browser by public/seed-line.js
//    (issue 13: 230 KB a seed, 73 KB gzip -9). The bytes are stored unchanged: UTF-8, as the
//    ingest requires, which is what the script decodes.
// 2. Every URL in the sitemap and the Atom feed must name a file of this build. They are absolute
//    URLs on `site` (which may not exist yet, e.g. https://example.invalid/), so the HTML link
//    check cannot follow them; here they are mapped back onto dist/ (lib/archive-links.ts, also run
//    on a site joined from shards) and a missing page fails the build, naming the file and the URL.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { parseShard } from '../../lib/shard.ts';
import { checkArchiveLinks } from '../../lib/archive-links.ts';

const gzipAsync = promisify(gzip);

/** `SEEDS_DIR` (tests build from their own seeds) or `seeds/`, relative to the project root. */
export function seedsDir(root: string): string {
  return resolve(root, process.env.SEEDS_DIR ?? 'seeds');
}

/**
 * Write every `*.txt` seed, gzip-compressed, to `<dist>/seeds/<name>.txt.gz`.
 * Deterministic: Node's gzip header carries no time or file name, so a rebuild gives the same
 * bytes. Returns the seed names (`….txt`).
 */
export async function copySeeds(from: string, dist: string): Promise<string[]> {
  const names = readdirSync(from)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  mkdirSync(join(dist, 'seeds'), { recursive: true });
  // Compressed on libuv's threads, all at once (about 10 ms a seed at the default level, as small
  // as level 9 makes them), so 100 seeds do not add a second to the build.
  await Promise.all(names.map(async (name) => writeFileSync(join(dist, 'seeds', `${name}.gz`), await gzipAsync(readFileSync(join(from, name))))));
  return names;
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
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        // One shard of a large gazette (lib/shard.ts): the seeds go with the site's pages, and the
        // links are checked once the shards are joined (scripts/shards.ts), when every page exists.
        const shard = parseShard(process.env.BUILD_SHARD);
        if (process.env.BUILD_SHARD) {
          if (shard.site) await copySeeds(seedsDir(root), dist);
          return;
        }
        const seeds = await copySeeds(seedsDir(root), dist);
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
