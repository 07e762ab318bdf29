// The knowledge base as a shard of notice pages only reads it (lib/shard.ts). Such a shard renders
// the notice pages of its years and nothing else that is kept (the join takes only those from it),
// and a notice page shows of the knowledge base only what concerns its own notice: who and what
// it names, what it cites and who cites it. So each record keeps, here, its facts about the
// shard's notices and drops the rest — at 300 issues the whole knowledge base is ~60 MB of JSON
// that every shard validated, stored and loaded again to render (6 s and 400 MB a shard).
//
// Every record stays, with its id and name: a notice's text may link to any person, organization,
// group or cited document (a title resolved to another year's 文号), and that link is checked
// against the collection. What a record keeps of another year is only what points at a notice
// the page shows too: a citation resolving to one of the shard's notices keeps every notice citing
// it (its page lists them all). The site shard and a whole-site build read the records whole.
// That the notice pages come out byte for byte the same is tested (tests/site/shards.test.ts).
import type { Citation, Group, Organization, Person } from '../schemas/entities.ts';
import { noticeYear } from '../schemas/catalogue.ts';
import { hasYear, type Shard } from './shard.ts';

/** The records' collections (content/data/<name>.json). */
export type RecordCollection = 'people' | 'organizations' | 'groups' | 'citations';

/**
 * The records a shard's pages read: all of them, each with only its facts about the shard's
 * notices in a shard of notice pages only; unchanged in the site's shard or a whole-site build.
 * `records` is the file's array before validation: a field that is not an array is left for the
 * collection's schema to report (the site's shard reads the file whole and reports it too).
 */
export function recordsForShard(collection: RecordCollection, records: unknown[], shard: Shard): unknown[] {
  if (shard.site) return records;
  const inShard = (notice: unknown) => typeof notice === 'string' && hasYear(shard, yearOf(notice));
  const about = <T,>(list: T[] | undefined, notice: (item: T) => unknown): T[] | undefined =>
    Array.isArray(list) ? list.filter((item) => inShard(notice(item))) : list;
  const slice: Record<RecordCollection, (record: never) => unknown> = {
    people: (p: Partial<Person>) => ({
      ...p,
      roles: about(p.roles, (r) => r.notice),
      notices: about(p.notices, (n) => n),
      flags: Array.isArray(p.flags)
        ? p.flags.map((f) => ({ ...f, evidence: about(f.evidence, (e) => e.notice) })).filter((f) => !Array.isArray(f.evidence) || f.evidence.length > 0)
        : p.flags,
    }),
    organizations: (o: Partial<Organization>) => ({
      ...o,
      notices: about(o.notices, (n) => n),
      issued: about(o.issued, (n) => n),
      tasks: about(o.tasks, (t) => t.notice),
    }),
    groups: (g: Partial<Group>) => ({
      ...g,
      events: about(g.events, (e) => e.notice),
      memberships: about(g.memberships, (m) => m.notice),
    }),
    citations: (c: Partial<Citation>) => (inShard(c.notice) ? c : { ...c, citedBy: about(c.citedBy, (e) => e.notice) }),
  };
  return records.map((record) => (record !== null && typeof record === 'object' ? slice[collection](record as never) : record));
}

/** A notice id's year; NaN for one that is not `<year>-…` (never in a shard: the schema reports it). */
function yearOf(id: string): number {
  try {
    return noticeYear(id);
  } catch {
    return Number.NaN;
  }
}
