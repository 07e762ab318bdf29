// The one place pages read the collections, so every page sees the same order and the same
// checked knowledge base.
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
