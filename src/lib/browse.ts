// The browse indexes: notices by year (of the 成文日期), by 发文机关 and by 文种. Pure functions
// over frontmatter, so the /browse/ pages, the home page and tests share one grouping.
import type { Gazette, Notice } from '../../schemas/notice.ts';
import { compareGazettes, compareNotices, type Issue } from '../../lib/notices.ts';
import { compareByPinyin, pinyinSlug } from '../../lib/pinyin.ts';
import type { BrowseFacet } from '../../lib/urls.ts';

export interface BrowseGroup {
  facet: BrowseFacet;
  /** The value as printed: `2022`, `威县人民政府办公室`, `通知`. */
  label: string;
  /** URL segment: the year itself, or the pinyin slug of the label. */
  slug: string;
  /** In date order (成文日期, then reading order). */
  notices: Notice[];
}

/** Oldest first by 成文日期; same-day notices keep reading order, so the order is total. */
export function compareByDate(a: Notice, b: Notice): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : compareNotices(a, b);
}

/** A notice's values of a facet: one year, one 文种, and every 发文机关 (a joint notice has several). */
const VALUES: Record<BrowseFacet, (n: Notice) => readonly string[]> = {
  year: (n) => [n.date.slice(0, 4)],
  issuer: (n) => n.issuers,
  type: (n) => [n.type],
};

/**
 * Notices grouped by one facet: years newest first, issuers and types by pinyin. A joint notice
 * is in the group of each of its issuers. Two labels with one slug (homophones) would share a
 * URL, so that stops the build, naming both.
 */
export function browseGroups(notices: readonly Notice[], facet: BrowseFacet): BrowseGroup[] {
  const groups = new Map<string, BrowseGroup>();
  for (const notice of [...notices].sort(compareByDate)) {
    for (const label of new Set(VALUES[facet](notice))) {
      let group = groups.get(label);
      if (!group) {
        group = { facet, label, slug: facet === 'year' ? label : pinyinSlug(label), notices: [] };
        groups.set(label, group);
      }
      group.notices.push(notice);
    }
  }
  const bySlug = new Map<string, string>();
  for (const { label, slug } of groups.values()) {
    if (!slug) throw new Error(`browse/${facet}: “${label}” has no pinyin slug`);
    const other = bySlug.get(slug);
    if (other !== undefined) throw new Error(`browse/${facet}: “${other}” and “${label}” would share the URL slug ${slug}`);
    bySlug.set(slug, label);
  }
  const list = [...groups.values()];
  return facet === 'year' ? list.sort((a, b) => Number(b.label) - Number(a.label)) : list.sort((a, b) => compareByPinyin(a.label, b.label));
}

/** The slug of a notice's 发文机关 or 文种 page (for links from a notice's metadata). */
export function browseSlug(facet: BrowseFacet, value: string): string {
  return facet === 'year' ? value : pinyinSlug(value);
}

/** Every gazette issue, oldest first, each with its notices in printed order. */
export function issuesInOrder(notices: readonly Notice[]): Issue<Notice>[] {
  const issues = new Map<string, Issue<Notice>>();
  for (const notice of [...notices].sort(compareNotices)) {
    const key = `${notice.gazette.year}-${notice.gazette.number}`;
    const issue = issues.get(key) ?? { gazette: notice.gazette, items: [] };
    issue.items.push(notice);
    issues.set(key, issue);
  }
  return [...issues.values()].sort((a, b) => compareGazettes(a.gazette, b.gazette));
}

/** Seed files an issue was read from (normally one), in order of first use. */
export function issueSources(issue: Issue<Notice>): string[] {
  return [...new Set(issue.items.map((n) => n.source.file))];
}

export type { Gazette };

/** How each way of browsing is named on the page. */
export const FACET_LABELS: Record<BrowseFacet, { title: string; by: string; note: string }> = {
  year: { title: '年份', by: '按年份', note: '按成文日期的年份' },
  issuer: { title: '发文机关', by: '按发文机关', note: '按发文机关，机关名称按拼音排序' },
  type: { title: '文种', by: '按文种', note: '按文种（通知、通告等），按拼音排序' },
};

/** The heading of one browse page: `2022 年`, `威县人民政府办公室`, `通知`. */
export function groupTitle(group: Pick<BrowseGroup, 'facet' | 'label'>): string {
  return group.facet === 'year' ? `${group.label} 年` : group.label;
}
