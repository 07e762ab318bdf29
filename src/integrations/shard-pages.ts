// The sitemap of a gazette built in shards (lib/shard.ts, scripts/shards.ts). The shard that has
// the site's pages writes the one sitemap; the notice pages of the other shards' years are not
// pages of its build, so @astrojs/sitemap is given their URLs (`customPages`) from the catalogue.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOGUE_FILE, noticeYear } from '../../schemas/catalogue.ts';
import { hasYear, parseShard } from '../../lib/shard.ts';
import { noticePath, withBase } from '../../lib/urls.ts';

/**
 * Absolute URLs of the notice pages other shards render, for the site shard's sitemap; none in a
 * whole-site build or a shard of notice pages only.
 */
export function otherShardsPages(site: string, base: string): string[] {
  const shard = parseShard(process.env.BUILD_SHARD);
  if (!shard.site || !shard.years) return [];
  const file = resolve(process.env.CONTENT_DIR ?? 'content', 'data', CATALOGUE_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: the ingest writes it (npm run ingest)`);
  const records: { id: string }[] = JSON.parse(readFileSync(file, 'utf8'));
  return records.filter((r) => !hasYear(shard, noticeYear(r.id))).map((r) => new URL(withBase(noticePath(r.id), base), site).href);
}
