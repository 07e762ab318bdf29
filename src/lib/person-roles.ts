// A person's roles as their page shows them: one row per role — the same 工作机构, group, role and
// 本职 — with the dates it was stated and each notice stating it once. One row per statement had
// made a person named in every issue's tables a page of megabytes (issue 13: 潘国军, 1.6 MB at 100
// issues, most of it the same row again), while a reader looks for which roles and since when.
import type { Person, Role } from '../../schemas/entities.ts';

/** One row of a person's roles table. */
export interface RoleRow {
  organization?: string | undefined;
  group?: string | undefined;
  role?: string | undefined;
  title?: string | undefined;
  /** The earliest and the latest 成文日期 stating it (equal when stated once). */
  first: string;
  last: string;
  /** Each notice stating it, once, in the order of the person's roles (date order), with how many times it does. */
  notices: { id: string; count: number }[];
}

const key = (r: Role) => JSON.stringify([r.organization ?? '', r.group ?? '', r.role ?? '', r.title ?? '']);

/**
 * Group a person's roles (in time order) into rows: a row per distinct organization, group, role
 * and title, in the order of their first statement. Every role statement is counted in exactly
 * one row, so the counts of a person's rows add up to `person.roles.length`.
 */
export function roleRows(person: Person): RoleRow[] {
  const rows = new Map<string, { row: RoleRow; byNotice: Map<string, { id: string; count: number }> }>();
  for (const r of person.roles) {
    const k = key(r);
    let entry = rows.get(k);
    if (!entry) {
      entry = { row: { organization: r.organization, group: r.group, role: r.role, title: r.title, first: r.date, last: r.date, notices: [] }, byNotice: new Map() };
      rows.set(k, entry);
    }
    const { row, byNotice } = entry;
    if (r.date < row.first) row.first = r.date;
    if (r.date > row.last) row.last = r.date;
    const seen = byNotice.get(r.notice);
    if (seen) seen.count++;
    else {
      const n = { id: r.notice, count: 1 };
      byNotice.set(r.notice, n);
      row.notices.push(n);
    }
  }
  return [...rows.values()].map((e) => e.row);
}
