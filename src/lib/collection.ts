// The one place pages read the collections, so every page sees the same order and the same
// checked knowledge base.
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { categoryLabels } from './gazette.ts';
import { buildKnowledgeBase, type KnowledgeBase } from './kb.ts';
import { compareNotices } from './notices.ts';

export type NoticeEntry = CollectionEntry<'notices'>;

/** All notices in reading order (gazette issue, then printed order). */
export async function getNotices(): Promise<NoticeEntry[]> {
  const entries = await getCollection('notices');
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
      notices: notices.map((e) => e.data),
      people: people.map((e) => e.data),
      organizations: organizations.map((e) => e.data),
      groups: groups.map((e) => e.data),
      citations: citations.map((e) => e.data),
      categories: categoryLabels(),
    });
  })();
  return knowledgeBase;
}
