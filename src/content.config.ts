// The `notices` collection: one MDX file per notice, written by scripts/ingest.ts.
// Frontmatter is validated with the same NoticeSchema the ingest uses, so the two cannot drift.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { NoticeSchema } from '../schemas/notice.ts';

const notices = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    // CONTENT_DIR lets tests build a site from fixture seeds; the build itself never sets it.
    base: process.env.CONTENT_DIR ?? './content/notices',
    // The entry id is the frontmatter `id` (derived from the 文号), not the file path, so
    // URLs stay stable if the ingest ever renames files. Missing ids fall back to the path
    // and are then rejected by the schema with a readable error.
    generateId: ({ entry, data }) => (typeof data.id === 'string' ? data.id : entry),
  }),
  schema: NoticeSchema,
});

export const collections = { notices };
