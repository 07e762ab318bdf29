// Collections: `notices` (one MDX file per notice, written by scripts/ingest.ts — in a shard of a
// large gazette only the years that shard renders, see lib/shard.ts), `catalogue` (every notice's
// frontmatter and opening text, content/data/notices.json: what pages listing notices read), and
// the knowledge base the ingest extracts from them (people, organizations, groups, citations: JSON
// arrays under content/data/; in a shard of notice pages only, each record with only its facts
// about the shard's notices, lib/shard-records.ts). Each is validated with the same zod schema the
// ingest uses, so the two cannot drift.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CitationSchema, GroupSchema, OrganizationSchema, PersonSchema } from '../schemas/entities.ts';
import { NoticeSchema } from '../schemas/notice.ts';
import { CATALOGUE_FILE, CatalogueRecordSchema } from '../schemas/catalogue.ts';
import { noticeGlob, parseShard } from '../lib/shard.ts';
import { recordsForShard, type RecordCollection } from '../lib/shard-records.ts';
import { dataFile } from './lib/data-file.ts';

const shard = parseShard(process.env.BUILD_SHARD);

// CONTENT_DIR (the folder holding notices/ and data/) lets tests build a site from fixture
// seeds; DATA_DIR overrides data/ alone. The build itself sets neither.
const contentDir = (process.env.CONTENT_DIR ?? './content').replace(/\/+$/, '');

const notices = defineCollection({
  loader: glob({
    pattern: noticeGlob(shard),
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

// The catalogue describes the notices' MDX files, written by the same ingest: it stays beside them
// (content/data/) when DATA_DIR gives a test its own knowledge base.
const catalogue = defineCollection({ loader: dataFile(`${contentDir}/data/${CATALOGUE_FILE}`), schema: CatalogueRecordSchema });
// In a shard of notice pages only, each record with only its facts about the shard's notices:
// what those pages show (lib/shard-records.ts).
const records = (name: RecordCollection) => dataFile(`${dataDir}/${name}.json`, (all) => recordsForShard(name, all, shard));
const people = defineCollection({ loader: records('people'), schema: PersonSchema });
const organizations = defineCollection({ loader: records('organizations'), schema: OrganizationSchema });
const groups = defineCollection({ loader: records('groups'), schema: GroupSchema });
const citations = defineCollection({ loader: records('citations'), schema: CitationSchema });

export const collections = { notices, catalogue, people, organizations, groups, citations };
