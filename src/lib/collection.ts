// The one place pages read the `notices` collection, so every page sees the same order.
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareNotices } from './notices.ts';

export type NoticeEntry = CollectionEntry<'notices'>;

/** All notices in reading order (gazette issue, then printed order). */
export async function getNotices(): Promise<NoticeEntry[]> {
  const entries = await getCollection('notices');
  return entries.sort((a, b) => compareNotices(a.data, b.data));
}
