// The one place pages read the collections, so every page sees the same order and the same
// checked knowledge base.
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { categoryLabels } from './gazette.ts';
import { buildKnowledgeBase, type KnowledgeBase } from './kb.ts';
import { compareNotices } from '../../lib/notices.ts';
import { CATALOGUE_FILE, type CatalogueRecord } from '../../schemas/catalogue.ts';

export type NoticeEntry = CollectionEntry<'notices'>;

/**
 * Every notice's record (frontmatter and opening text, content/data/notices.json) in reading order
 * (gazette issue, then printed order) — the whole gazette, also in a shard that renders the bodies
 * of a few years only (lib/shard.ts).
 */
export async function getNotices(): Promise<CatalogueRecord[]> {
  const entries = await getCollection('catalogue');
  return entries.map((e) => e.data).sort(compareNotices);
}

/**
 * The notices whose pages this build renders, with their MDX bodies, in reading order: all of them,
 * or in a shard the notices of its years. Each must have its record in the catalogue, the same as its
 * frontmatter — else content/ is half-written, and the build stops.
 */
export async function getNoticeBodies(): Promise<NoticeEntry[]> {
  const records = new Map((await getNotices()).map((n) => [n.id, n]));
  const entries = await getCollection('notices');
  for (const entry of entries) {
    const record = records.get(entry.data.id);
    if (!record || JSON.stringify({ ...entry.data, opening: record.opening }) !== JSON.stringify(record)) {
      throw new Error(`notices/${entry.data.id} (${entry.filePath ?? 'MDX'}): its frontmatter and its record in content/data/${CATALOGUE_FILE} differ — content/ was not written by one ingest; run npm run ingest`);
    }
  }
  return entries.sort((a, b) => compareNotices(a.data, b.data));
}

/** A notice's MDX source: its body and where that is in the file. */
export interface NoticeSource {
  /** The file after its frontmatter, trimmed: what Astro's `entry.body` holds when it is kept. */
  body: string;
  /** The file's line the body's first line is on (1-based), for messages naming `file:line`. */
  firstLine: number;
  /** The file, relative to the project's root. */
  file: string;
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * A notice's MDX source, read from its file when a page needs it (the content layer keeps no
 * bodies: `retainBody: false` in src/content.config.ts). Not cached: each page reads its own once.
 */
export function noticeSource(entry: NoticeEntry): NoticeSource {
  if (!entry.filePath) throw new Error(`notices/${entry.id} has no file: the notices collection is loaded from content/notices/*.mdx`);
  const raw = readFileSync(entry.filePath, 'utf8');
  const afterFrontmatter = raw.slice(FRONTMATTER.exec(raw)?.[0].length ?? 0);
  const body = afterFrontmatter.trim();
  const start = raw.length - afterFrontmatter.length + afterFrontmatter.indexOf(body);
  return { body, firstLine: raw.slice(0, start).split('\n').length, file: entry.filePath };
}

let knowledgeBase: Promise<KnowledgeBase> | undefined;

/**
 * The knowledge base joined with the notices, its references checked (a dangling id fails the
 * build here, naming the record). Loaded once per build and shared by every page.
 */
export function getKnowledgeBase(): Promise<KnowledgeBase> {
  knowledgeBase ??= (async () => {
    const [notices, people, organizations, groups, citations] = await Promise.all([
      getNotices(),
      getCollection('people'),
      getCollection('organizations'),
      getCollection('groups'),
      getCollection('citations'),
    ]);
    return buildKnowledgeBase({
      notices,
      people: people.map((e) => e.data),
      organizations: organizations.map((e) => e.data),
      groups: groups.map((e) => e.data),
      citations: citations.map((e) => e.data),
      categories: categoryLabels(),
    });
  })();
  return knowledgeBase;
}
