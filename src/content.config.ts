// Collections: `notices` (one MDX file per notice, written by scripts/ingest.ts — in a shard of a
// large gazette only the years that shard renders, see lib/shard.ts), `catalogue` (every notice's
// frontmatter and opening text, content/data/notices.json: what pages listing notices read), and
// the knowledge base the ingest extracts from them (people, organizations, groups, citations: JSON
// arrays under content/data/). Each is validated with the same zod schema the ingest uses, so
// the two cannot drift.
import { existsSync, readFileSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { CitationSchema, GroupSchema, OrganizationSchema, PersonSchema } from '../schemas/entities.ts';
import { NoticeSchema } from '../schemas/notice.ts';
import { CATALOGUE_FILE, CatalogueRecordSchema } from '../schemas/catalogue.ts';
import { noticeGlob, parseShard } from '../lib/shard.ts';

// CONTENT_DIR (the folder holding notices/ and data/) lets tests build a site from fixture
// seeds; DATA_DIR overrides data/ alone. The build itself sets neither.
const contentDir = (process.env.CONTENT_DIR ?? './content').replace(/\/+$/, '');

const notices = defineCollection({
  loader: glob({
    pattern: noticeGlob(parseShard(process.env.BUILD_SHARD)),
    base: `${contentDir}/notices`,
    // The entry id is the frontmatter `id` (derived from the 文号), not the file path, so
    // URLs stay stable if the ingest ever renames files. Missing ids fall back to the path
    // and are then rejected by the schema with a readable error.
    generateId: ({ entry, data }) => (typeof data.id === 'string' ? data.id : entry),
    // The MDX text is not kept in the content layer's data store: it was 34 of its 35 MB at 100
    // issues, serialized after every sync and bundled into the build. Pages that need the source
    // read the file (noticeSource in src/lib/collection.ts).
    retainBody: false,
  }),
  schema: NoticeSchema,
});

const dataDir = (process.env.DATA_DIR ?? `${contentDir}/data`).replace(/\/+$/, '');

/**
 * Astro's `file()` loader, made strict. On a missing or unparsable file `file()` only logs and
 * leaves the collection empty, which would publish a site with no people pages and no error.
 * Here either stops the build, naming the file.
 */
function dataFile(name: string, dir = dataDir): Loader {
  const path = `${dir}/${name}`;
  const inner = file(path);
  return {
    name: 'data-file',
    load: async (context) => {
      const url = new URL(path, context.config.root);
      if (!existsSync(url)) throw new Error(`${path} is missing: the ingest writes it (npm run ingest)`);
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(url, 'utf8'));
      } catch (error) {
        throw new Error(`${path} is not valid JSON: ${error instanceof Error ? error.message : error}`);
      }
      if (!Array.isArray(data)) throw new Error(`${path} must be a JSON array of records with an \`id\``);
      await inner.load(context);
    },
  };
}

// The catalogue describes the notices' MDX files, written by the same ingest: it stays beside them
// (content/data/) when DATA_DIR gives a test its own knowledge base.
const catalogue = defineCollection({ loader: dataFile(CATALOGUE_FILE, `${contentDir}/data`), schema: CatalogueRecordSchema });
const people = defineCollection({ loader: dataFile('people.json'), schema: PersonSchema });
const organizations = defineCollection({ loader: dataFile('organizations.json'), schema: OrganizationSchema });
const groups = defineCollection({ loader: dataFile('groups.json'), schema: GroupSchema });
const citations = defineCollection({ loader: dataFile('citations.json'), schema: CitationSchema });

export const collections = { notices, catalogue, people, organizations, groups, citations };
