// The notices' catalogue: content/data/notices.json, one record per notice in reading order —
// its frontmatter (NoticeSchema) and its opening text. The ingest writes it beside the MDX files
// so that pages listing notices (indexes, entity pages, the feed, open data) read one small file
// instead of every notice's body. That is what lets a large gazette be built in shards
// (scripts/shards.ts): each Astro build renders the bodies of a few years only, but every build
// knows every notice.
import { z } from 'zod';
import { NoticeSchema } from './notice.ts';

/** One notice in the catalogue: exactly its frontmatter, plus its opening text. */
export const CatalogueRecordSchema = NoticeSchema.extend({
  /** The notice's first paragraphs as its page prints them (lib/opening.ts), for the feed. */
  opening: z.string(),
});

export type CatalogueRecord = z.infer<typeof CatalogueRecordSchema>;

/** content/data/<this> */
export const CATALOGUE_FILE = 'notices.json';

/**
 * The year folder of a notice's MDX file and page (`2022` of `2022-weizhengban-25`): the unit a
 * shard is made of. The same split as the notice's URL (lib/urls.ts) and file
 * (notices/<year>/<slug>.mdx, scripts/ingest/run.ts).
 */
export function noticeYear(id: string): number {
  const year = Number(id.slice(0, 4));
  if (!Number.isInteger(year) || id[4] !== '-') throw new Error(`notice id ${JSON.stringify(id)} does not start with <year>-`);
  return year;
}
