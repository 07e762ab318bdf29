// This build's shard (lib/shard.ts; BUILD_SHARD, set by scripts/shards.ts): the pages other than
// notice pages are rendered only by the shard that has `site`. Their routes ask here.
import { parseShard, type Shard } from '../../lib/shard.ts';

/** The shard this Astro build renders (the whole site unless BUILD_SHARD says otherwise). */
export const shard: Shard = parseShard(process.env.BUILD_SHARD);

/**
 * A route's static paths, or none in a shard that renders notice pages only. (Routes without
 * parameters are always rendered by Astro: those that are large return `notRendered()` early, and
 * the join keeps only the site shard's copy of them.)
 */
export function sitePaths<T>(paths: T[]): T[] {
  return shard.site ? paths : [];
}

/** True in a shard that renders notice pages only: a route other than a notice page returns early. */
export function notRendered(): boolean {
  return !shard.site;
}
