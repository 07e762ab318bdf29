// Keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and code
// did not change since the last build is not rendered again. Astro tracks the page's code and the
// MDX it renders, but not the collection data it reads — so a key must cover everything else the
// page shows. Only notice pages have keys (1,400 of ~2,500 pages at 100 issues, most of the
// render time); index and entity pages, which list across notices, are always rendered.
import { createHash } from 'node:crypto';
import { noticeEntities, type KnowledgeBase } from './kb.ts';
import type { NoticeEntry } from './collection.ts';
import { SITE_NAME } from './site.ts';

export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

type NoticeData = NoticeEntry['data'];
// What a page shows of another notice (pager, citations): noticeLabel's and noticeNumber's inputs too.
const brief = (n: NoticeData | undefined) => n && [n.id, n.docNo, n.printed.serial, n.title, n.date, n.type, n.issuer];

/**
 * What a notice page shows: the gazette's name (from its config, in the title, header and footer),
 * its entry (the MDX file, by digest), its neighbours in the pager, and what the knowledge base
 * says beside the text — who and what it names, what it cites, who cites it.
 */
export function noticePageKey(kb: KnowledgeBase, entry: NoticeEntry, prev: NoticeData | undefined, next: NoticeData | undefined): string {
  const related = noticeEntities(kb, entry.data.id);
  return cacheKey(
    SITE_NAME,
    entry.digest ?? entry.body,
    entry.data,
    brief(prev),
    brief(next),
    related.people.map((p) => [p.id, p.name]),
    related.organizations.map((o) => [o.id, o.name]),
    related.cites.map((c) => [c.id, c.kind, c.label, brief(c.notice ? kb.notices.get(c.notice) : undefined)]),
    related.citedBy.map((c) => [c.lines, brief(kb.notices.get(c.notice))]),
  );
}
