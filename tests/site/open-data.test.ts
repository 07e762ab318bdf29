// The knowledge-base open data (src/lib/entity-api.ts) on small hand-made records: what is folded
// together, and what must stay apart.
import { describe, expect, test } from 'vitest';
import type { Membership, Person } from '../../schemas/entities.ts';
import { membershipRecords, roleRecords } from '../../src/lib/entity-api.ts';
import { roleRows } from '../../src/lib/person-roles.ts';

const m = (person_id: string, notice: string, start_date: string, extra: Partial<Membership> = {}): Membership => ({ person_id, group: 'g', role: '成员', post: '县财政局局长', notice, start_date, line: 1, ...extra });

describe('memberships.json', () => {
  test('a member listed again as before is one membership; a change or an end starts another', () => {
    const memberships = [
      m('a', 'n1', '2022-01-01'),
      m('b', 'n1', '2022-01-01', { end_date: '2023-01-01' }),
      m('a', 'n2', '2023-01-01'),
      m('c', 'n2', '2023-01-01', { post: '县财政局副局长' }),
      m('b', 'n3', '2024-01-01'),
      m('a', 'n3', '2024-01-01', { post: '县财政局副局长' }),
      m('c', 'n3', '2024-01-01', { post: '县财政局副局长' }),
    ];
    const kb = { groupsSorted: [{ id: 'g', memberships }] } as never;
    const rows = membershipRecords(kb).map((r) => [r.person_id, r.post, r.notices.join(' '), r.start_date, r.end_date ?? '']);
    expect(rows).toEqual([
      ['a', '县财政局局长', 'n1 n2', '2022-01-01', ''],
      ['b', '县财政局局长', 'n1', '2022-01-01', '2023-01-01'],
      ['c', '县财政局副局长', 'n2 n3', '2023-01-01', ''],
      ['b', '县财政局局长', 'n3', '2024-01-01', ''],
      ['a', '县财政局副局长', 'n3', '2024-01-01', ''],
    ]);
  });
});

describe('a person’s roles', () => {
  const role = (notice: string, date: string, line: number, extra: Partial<Person['roles'][number]> = {}): Person['roles'][number] => ({ notice, date, role: '牵头县领导', source: 'table', line, ...extra });
  const person = {
    id: 'x',
    name: '林毅',
    roles: [role('n1', '2022-04-04', 10), role('n2', '2022-05-25', 20), role('n2', '2022-05-25', 30), role('n2', '2022-05-25', 40, { title: '县政府副县长' }), role('n3', '2022-06-01', 5, { source: 'text' })],
    notices: ['n1', 'n2', 'n3'],
    flags: [],
  } as unknown as Person;

  test('on the page: a row per organization, group, role and 本职, each notice once with its count', () => {
    expect(roleRows(person)).toEqual([
      { organization: undefined, group: undefined, role: '牵头县领导', title: undefined, first: '2022-04-04', last: '2022-06-01', notices: [{ id: 'n1', count: 1 }, { id: 'n2', count: 2 }, { id: 'n3', count: 1 }] },
      { organization: undefined, group: undefined, role: '牵头县领导', title: '县政府副县长', first: '2022-05-25', last: '2022-05-25', notices: [{ id: 'n2', count: 1 }] },
    ]);
  });

  test('in people.json: a record per role and source, with every statement', () => {
    expect(roleRecords(person)).toEqual([
      { role: '牵头县领导', source: 'table', from: '2022-04-04', to: '2022-05-25', statements: [{ notice: 'n1', line: 10 }, { notice: 'n2', line: 20 }, { notice: 'n2', line: 30 }] },
      { role: '牵头县领导', title: '县政府副县长', source: 'table', from: '2022-05-25', to: '2022-05-25', statements: [{ notice: 'n2', line: 40 }] },
      { role: '牵头县领导', source: 'text', from: '2022-06-01', to: '2022-06-01', statements: [{ notice: 'n3', line: 5 }] },
    ]);
  });
});
