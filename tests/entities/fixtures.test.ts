// Each extraction pattern on a real excerpt of the seed (tests/fixtures/entities/<case>/):
// personnel lists with their office, the 24号 联络员 list with 齐之群 twice, a group set up in
// running text with the 27号 联络表, leaders in raw task tables, task lists, 路长.
import { describe, expect, it } from 'vitest';
import { GroupSchema, MembershipSchema, OrganizationSchema, PersonSchema } from '../../schemas/entities.ts';
import { extractEntities, mentionForms } from '../../scripts/ingest/extract-entities.ts';
import { entityCases, expected, seedConfig } from '../fixtures/entities/load.ts';

describe('entity fixtures', () => {
  for (const { name, dir, notices } of entityCases()) {
    it(name, () => {
      const entities = extractEntities(notices, seedConfig);
      for (const p of entities.people) PersonSchema.parse(p);
      for (const o of entities.organizations) OrganizationSchema.parse(o);
      for (const g of entities.groups) GroupSchema.parse(g);
      for (const m of entities.memberships) MembershipSchema.parse(m);
      expect(entities).toEqual(expected(dir, entities));
    });
  }
});

const byName = (name: string) => entityCases().find((c) => c.name === name)!.notices;
const person = (e: ReturnType<typeof extractEntities>, name: string) => e.people.find((p) => p.name === name);

describe('patterns', () => {
  it('a personnel list is a group; `办公室设在县司法局，办公室主任由李保东同志兼任` is its office', () => {
    const e = extractEntities(byName('list-and-office'), seedConfig);
    const office = e.groups.find((g) => g.kind === '办公室')!;
    expect(office.organization).toBe('xian-sifa-ju');
    expect(office.memberships.map((m) => [m.person_id, m.role])).toEqual([['li-baodong', '主任']]);
    expect(person(e, '高凯英')!.roles[0]).toMatchObject({ role: '组长', title: '县委副书记、政府县长', organization: 'weixian-renminzhengfu', source: 'list', line: 818 });
    // 县城管局四级调研员 → the canonical 县城市管理综合行政执法局.
    expect(person(e, '姜书俊')!.roles[0].organization).toBe('xian-chengshiguanlizonghexingzhengzhifa-ju');
  });

  it('flags 齐之群, listed twice in one 联络员 list at two organizations, keeping both roles', () => {
    const e = extractEntities(byName('liaison-conflict'), seedConfig);
    const qi = person(e, '齐之群')!;
    expect(qi.roles.map((r) => [r.role, r.organization, r.line])).toEqual([
      ['联络员', 'xian-xiaofangjiuyuan-dadui', 4779],
      ['联络员', 'xian-zhufang-he-chengxiangjianshe-ju', 4797],
    ]);
    expect(qi.flags).toHaveLength(1);
    expect(qi.flags[0].evidence).toEqual([{ notice: '2022-weizhengban-24', line: 4779 }, { notice: '2022-weizhengban-24', line: 4797 }]);
    // `办公室副主任由王立晗、安书光、李旭军、班深、马亚强、王伟、刘志强同志兼任`.
    const office = e.groups.find((g) => g.name === '威县防汛抗旱指挥部办公室')!;
    expect(office.memberships.filter((m) => m.role === '副主任').map((m) => m.person_id)).toEqual(['wang-lihan', 'an-shuguang', 'li-xujun', 'ban-shen', 'ma-yaqiang', 'wang-wei', 'liu-zhiqiang']);
    expect(office.events).toEqual([{ notice: '2022-weizhengban-24', date: '2022-04-26', action: '调整' }]);
  });

  it('reads a group set up in running text, its office, the 联系人 and the 联络表', () => {
    const e = extractEntities(byName('text-group-and-contact-table'), seedConfig);
    expect(person(e, '樊彦平')!.roles[0]).toMatchObject({ role: '组长', source: 'text' });
    expect(person(e, '王贵成')!.roles.map((r) => r.role)).toEqual(['副组长', '主任', '主管领导']);
    expect(person(e, '祝其发')!.roles[0]).toMatchObject({ role: '副主任', organization: 'xian-gongan-ju-jiaojing-dadui' });
    expect(person(e, '李东武')!.roles[0]).toMatchObject({ role: '联系人', line: 7103 });
    expect(person(e, '罗向军')!.roles[0]).toMatchObject({ role: '主管领导', title: '副局长', organization: 'xian-caizheng-ju', source: 'table' });
    expect(person(e, '张桐')!.roles[0]).toMatchObject({ role: '联络人', title: '城管大队办公室股长' });
  });

  it('takes leaders from raw task tables only where the line is certainly a name', () => {
    const e = extractEntities(byName('raw-task-tables'), seedConfig);
    const names = e.people.map((p) => p.name).sort();
    expect(names).toEqual(['尹俊兵', '张朝华', '李保辉', '潘国军', '董明善', '贾丽霞'].sort());
    expect(person(e, '董明善')!.roles[0]).toMatchObject({ role: '责任人', organization: 'xian-shuiwu-ju', line: 1947 });
    // 房和 (县住/房和/城乡/建设/局) passes the surname test but is a cell fragment.
    expect(person(e, '房和')).toBeUndefined();
  });

  it('collects 牵头 and 责任 tasks under the nearest heading', () => {
    const e = extractEntities(byName('task-lists'), seedConfig);
    const tasks = (name: string) => e.organizations.find((o) => o.name === name)!.tasks.map((t) => [t.task, t.lead]);
    expect(tasks('县乡村振兴局')).toEqual([['全力巩固拓展脱贫攻坚成果', false]]);
    expect(tasks('县市场监督管理局')).toEqual(expect.arrayContaining([['综合协调组', true], ['强化组织领导', true]]));
    expect(tasks('县住房和城乡建设局')[0]).toEqual(['统筹县域内自建房安全专项整治行动', true]);
  });

  it('mentionForms lists people and every organization form, longest first', () => {
    const forms = mentionForms(extractEntities(byName('road-chiefs'), seedConfig));
    expect(forms.find((f) => f.form === '县交通局')).toEqual({ form: '县交通局', kind: 'organization', id: 'xian-jiaotongyunshu-ju' });
    expect(forms.find((f) => f.form === '高凯英')).toEqual({ form: '高凯英', kind: 'person', id: 'gao-kaiying' });
    for (let k = 1; k < forms.length; k++) expect(forms[k - 1].form.length).toBeGreaterThanOrEqual(forms[k].form.length);
  });
});
