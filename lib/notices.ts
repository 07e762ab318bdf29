// Ordering and grouping of notices. Pure functions over frontmatter, so the order used by
// the home page, the previous/next links and the API json is one definition.
import type { Gazette, Notice } from '../schemas/notice.ts';

/** Older issues first: by year, then issue number. */
export function compareGazettes(a: Gazette, b: Gazette): number {
  return a.year - b.year || a.number - b.number;
}

/** Reading order: by gazette issue, then printed position in the issue; id breaks ties so the order is total. */
export function compareNotices(a: Notice, b: Notice): number {
  return compareGazettes(a.gazette, b.gazette) || a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface Issue<T> {
  gazette: Gazette;
  items: T[];
}

/**
 * Group items by gazette issue, latest issue first (as the home page lists them),
 * each issue's items in printed order.
 */
export function groupByIssue<T>(items: readonly T[], notice: (item: T) => Notice): Issue<T>[] {
  const sorted = [...items].sort((a, b) => compareNotices(notice(a), notice(b)));
  const issues = new Map<string, Issue<T>>();
  for (const item of sorted) {
    const { gazette } = notice(item);
    const key = `${gazette.year}-${gazette.number}`;
    let issue = issues.get(key);
    if (!issue) {
      issue = { gazette, items: [] };
      issues.set(key, issue);
    }
    issue.items.push(item);
  }
  return [...issues.values()].reverse();
}
