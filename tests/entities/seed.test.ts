// The whole seed: counts, the facts the issue names (高凯英 in several notices, 齐之群 flagged),
// and that every reference points to a record — run through the real ingest.
import { describe, expect, it } from 'vitest';
import { GroupSchema, MembershipSchema, OrganizationSchema, PersonSchema } from '../../schemas/entities.ts';
import { extractEntities, mentionForms } from '../../scripts/ingest/extract-entities.ts';
import { loadAliasTable } from '../../scripts/ingest/entities/organizations.ts';
import { ingestDir, root } from '../helpers.ts';
import { seedConfig } from '../fixtures/entities/load.ts';

describe('entities of the seed', () => {
  const { notices } = ingestDir(`${root}/seeds`);
  const e = extractEntities(notices, seedConfig);

  it('validates and counts', () => {
    for (const p of e.people) PersonSchema.parse(p);
    for (const o of e.organizations) OrganizationSchema.parse(o);
    for (const g of e.groups) GroupSchema.parse(g);
    for (const m of e.memberships) MembershipSchema.parse(m);
    expect({ people: e.people.length, organizations: e.organizations.length, groups: e.groups.length, memberships: e.memberships.length }).toMatchInlineSnapshot(`
      {
        "groups": 17,
        "memberships": 225,
        "organizations": 89,
        "people": 153,
      }
    `);
    const byCategory = Object.fromEntries(['县领导和县政府', '县直部门', '乡镇', '企业与其他'].map((c) => [c, e.organizations.filter((o) => o.category === c).length]));
    expect(byCategory).toMatchInlineSnapshot(`
      {
        "乡镇": 16,
        "企业与其他": 10,
        "县直部门": 59,
        "县领导和县政府": 4,
      }
    `);
    expect(byCategory['乡镇']).toBe(16);
  });

  it('gives 高凯英 roles in several notices and flags 齐之群', () => {
    const gao = e.people.find((p) => p.id === 'gao-kaiying')!;
    expect(gao.notices.length).toBeGreaterThanOrEqual(5);
    expect(new Set(gao.roles.map((r) => r.notice)).size).toBe(gao.notices.length);
    const qi = e.people.find((p) => p.name === '齐之群')!;
    expect(qi.flags).toHaveLength(1);
    expect(e.people.filter((p) => p.flags.length).map((p) => p.name)).toEqual(['齐之群']);
  });

  it('resolves every alias to exactly one organization, and every reference to a record', () => {
    const forms = e.organizations.flatMap((o) => [o.name, ...o.aliases]);
    expect(new Set(forms).size).toBe(forms.length);
    for (const o of loadAliasTable(seedConfig).organizations) for (const a of o.aliases) expect(e.organizations.filter((x) => x.name === o.name || x.aliases.includes(a)).length, a).toBeLessThanOrEqual(1);
    const orgIds = new Set(e.organizations.map((o) => o.id));
    const groupIds = new Set(e.groups.map((g) => g.id));
    const personIds = new Set(e.people.map((p) => p.id));
    const noticeIds = new Set(notices.map((n) => n.notice.id));
    expect(personIds.size).toBe(e.people.length);
    for (const p of e.people) for (const r of p.roles) {
      if (r.organization) expect(orgIds.has(r.organization), r.organization).toBe(true);
      if (r.group) expect(groupIds.has(r.group), r.group).toBe(true);
      expect(noticeIds.has(r.notice)).toBe(true);
    }
    for (const m of e.memberships) {
      expect(groupIds.has(m.group), m.group).toBe(true);
      expect(personIds.has(m.person_id), m.person_id).toBe(true);
      if (m.organization_id) expect(orgIds.has(m.organization_id), m.organization_id).toBe(true);
    }
    for (const g of e.groups) if (g.organization) expect(orgIds.has(g.organization)).toBe(true);
  });

  it('makes people only of names printed in their notices, never of an organization form', () => {
    const text = new Map(notices.map((n) => [n.notice.id, n.source.map((l) => l.text.replace(/\s+/g, '')).join('')]));
    const orgForms = new Set(mentionForms(e).filter((f) => f.kind === 'organization').map((f) => f.form));
    for (const p of e.people) {
      expect(orgForms.has(p.name), p.name).toBe(false);
      for (const n of p.notices) expect(text.get(n)!.includes(p.name), `${p.name} in ${n}`).toBe(true);
      // Each role's seed line prints the name, or starts it when the PDF wrapped it (樊彦 / 平同志).
      for (const r of p.roles) {
        const source = notices.find((n) => n.notice.id === r.notice)!.source;
        const k = source.findIndex((l) => l.line === r.line);
        const here = source[k].text.replace(/\s+/g, '');
        expect(`${here}${source[k + 1]?.text ?? ''}`.replace(/\s+/g, ''), `${p.name} ${r.notice}:${r.line}`).toContain(p.name);
        expect(here.includes(p.name) || here.endsWith(p.name.slice(0, 1)) || here.endsWith(p.name.slice(0, 2)), `${p.name} ${r.notice}:${r.line}`).toBe(true);
      }
    }
  });

  it('reads the leaders of the raw task tables and the groups the seed sets up', () => {
    for (const name of ['白锋', '贾丽霞', '裴贵廷', '林毅', '尹俊兵']) expect(e.people.some((p) => p.name === name), name).toBe(true);
    expect(e.groups.map((g) => g.name)).toEqual(expect.arrayContaining(['威县防汛抗旱指挥部', '威县全面推行农村公路“路长制”领导小组', '威县电动自行车综合管理工作领导小组', '县药品安全突发事件应对处置总指挥部']));
  });

  it('is deterministic and reports candidate merges with evidence', () => {
    expect(extractEntities(ingestDir(`${root}/seeds`).notices, seedConfig)).toEqual(e);
    expect(e.candidates.map((c) => c.names)).toMatchInlineSnapshot(`
      [
        [
          "县司法局",
          "县司法行政部门",
        ],
        [
          "县广播电视台",
          "县电视台",
        ],
      ]
    `);
    for (const c of e.candidates) expect(c.evidence.length).toBeGreaterThan(0);
  });
});
