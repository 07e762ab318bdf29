// Records of the knowledge-base JSON files (/api/people.json, organizations.json,
// memberships.json, citations.json). As in api.ts, keys are written out in a fixed order and
// optional ones are left out when unset (never `null`), so the files are stable across builds.
import type { Citation, Membership, Organization, Person, Role } from '../../schemas/entities.ts';
import type { KnowledgeBase } from './kb.ts';
import { organizationUrl, personUrl, referenceUrl } from '../../lib/urls.ts';

/** Copy of `value` without undefined properties, keys in the order given. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A role as /api/people.json gives it: what was stated once, then every statement of it. */
export interface RoleRecord {
  group?: string;
  role?: string;
  title?: string;
  organization?: string;
  source: Role['source'];
  /** The earliest and the latest 成文日期 stating it. */
  from: string;
  to: string;
  /** Each statement: the notice (its date is in /api/notices.json) and the seed line, in time order. */
  statements: { notice: string; line: number }[];
}

/**
 * A person's roles, one record per distinct group, role, title, organization and source, in the
 * order of their first statement. Each role used to be repeated whole for every table row naming
 * the person (issue 13: 6.4 MB at 100 issues, mostly the same ids again); the statements now
 * reference the notices by id, and no statement is lost.
 */
export function roleRecords(person: Person): RoleRecord[] {
  const records = new Map<string, RoleRecord>();
  for (const r of person.roles) {
    const key = JSON.stringify([r.group, r.role, r.title, r.organization, r.source]);
    let record = records.get(key);
    if (!record) {
      record = compact({ group: r.group, role: r.role, title: r.title, organization: r.organization, source: r.source, from: r.date, to: r.date, statements: [] as RoleRecord['statements'] });
      records.set(key, record);
    }
    if (r.date < record.from) record.from = r.date;
    if (r.date > record.to) record.to = r.date;
    record.statements.push({ notice: r.notice, line: r.line });
  }
  return [...records.values()];
}

/** /api/people.json: id, name, url and the roles (`roleRecords`), people by pinyin. */
export function personRecords(kb: KnowledgeBase, base = '/') {
  return kb.peopleSorted.map((p: Person) => ({ id: p.id, name: p.name, url: personUrl(p.id, base), roles: roleRecords(p) }));
}

export function organizationRecords(kb: KnowledgeBase, base = '/') {
  return kb.organizationsSorted.map((o: Organization) => ({ id: o.id, name: o.name, aliases: [...o.aliases], url: organizationUrl(o.id, base), category: o.category }));
}

/**
 * Popolo memberships of every group, groups by pinyin, each in printed order of its first listing.
 * A group re-listed as it was (every year, or every issue) lists its members again; a later
 * listing of the same person in the same role, post and organization that continues the earlier
 * one (no end between) is the same membership, so it is one record: `notice` and `start_date` of
 * the first listing, `notices` every notice listing it, `end_date` when a later notice ended it.
 * One record per listing had made the file 5.4 MB at 100 issues, nearly all of it repeats.
 */
export function membershipRecords(kb: KnowledgeBase) {
  return kb.groupsSorted.flatMap((g) => {
    const records: { first: Membership; last: Membership; notices: string[] }[] = [];
    const open = new Map<string, (typeof records)[number]>();
    const byDate = [...g.memberships].map((m, i) => [m, i] as const).sort(([a, i], [b, j]) => (a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : i - j));
    for (const [m] of byDate) {
      const key = JSON.stringify([m.person_id, m.role, m.post ?? '', m.organization_id ?? '']);
      const current = open.get(key);
      if (current) {
        current.last = m;
        if (!current.notices.includes(m.notice)) current.notices.push(m.notice);
      } else {
        const record = { first: m, last: m, notices: [m.notice] };
        records.push(record);
        open.set(key, record);
      }
      // Ended: a later listing of the same person so is a new membership.
      if (m.end_date !== undefined) open.delete(key);
    }
    const order = new Map(g.memberships.map((m, i) => [m, i]));
    return records
      .sort((a, b) => (a.first.start_date < b.first.start_date ? -1 : a.first.start_date > b.first.start_date ? 1 : order.get(a.first)! - order.get(b.first)!))
      .map(({ first, last, notices }) =>
        compact({
          person_id: first.person_id,
          organization_id: first.organization_id,
          group: first.group,
          role: first.role,
          post: first.post,
          notice: first.notice,
          notices,
          start_date: first.start_date,
          end_date: last.end_date,
        }),
      );
  });
}

export function citationRecords(kb: KnowledgeBase, base = '/') {
  return kb.citationsSorted.map((c: Citation) =>
    compact({
      id: c.id,
      label: c.label,
      kind: c.kind,
      notice: c.notice,
      url: referenceUrl(c.id, base),
      citedBy: c.citedBy.map((e) => ({ notice: e.notice, line: e.line })),
    }),
  );
}

/**
 * An array as a JSON file: one record per line, with a trailing newline, so builds still diff
 * cleanly record by record. Not pretty-printed: indenting every key and array item more than
 * doubled the open data (3.8 of 42 MiB at 20 issues, issue 13) for no reader — a program parses
 * it, and a person reads the pages.
 */
export function jsonLines(records: readonly unknown[]): string {
  return records.length === 0 ? '[]\n' : `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

/** A JSON file response of `records` as written by `jsonLines`. */
export function jsonResponse(records: readonly unknown[]): Response {
  return new Response(jsonLines(records), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
