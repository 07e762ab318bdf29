// Group history: a later 调整 notice updates the group. The seed has no group listed by two
// notices, so two synthetic versions prove the update logic end to end.
import { describe, expect, it } from 'vitest';
import { MembershipSchema } from '../../schemas/entities.ts';
import { extractEntities } from '../../scripts/ingest/extract-entities.ts';
import { applyHistory } from '../../scripts/ingest/entities/groups.ts';
import { seedConfig, syntheticNotice } from '../fixtures/entities/load.ts';

const member = (role: string, name: string, title: string, line: number) => ({ role, name, title, lines: [line, line] as [number, number] });

describe('group history', () => {
  const v1 = syntheticNotice('2022-weizhengban-1', '2022-01-10', '关于印发威县防汛抗旱工作方案的通知', [
    { kind: 'heading', depth: 3, marker: '一、', text: '一、威县防汛抗旱指挥部', lines: [10, 10] },
    { kind: 'personnel', lines: [11, 13], members: [member('指挥长', '高凯英', '县委副书记、政府县长', 11), member('成员', '杨超', '县住建局局长', 12), member('成员', '王印锐', '县交通局局长', 13)] },
  ]);
  const v2 = syntheticNotice('2022-weizhengban-2', '2022-04-26', '关于调整威县防汛抗旱指挥部组成人员的通知', [
    { kind: 'personnel', lines: [20, 22], members: [member('指挥长', '高凯英', '县委副书记、政府县长', 20), member('副指挥长', '杨超', '县住房和城乡建设局局长', 21), member('成员', '赵晓飞', '县农业农村局局长', 22)] },
  ]);

  it('ends the memberships the 调整 notice drops, and starts the new ones on its date', () => {
    const e = extractEntities([v1, v2], seedConfig);
    const g = e.groups.find((x) => x.id === 'weixian-fangxunkanghan-zhihuibu')!;
    expect(g.events).toEqual([
      { notice: '2022-weizhengban-1', date: '2022-01-10', action: '成立' },
      { notice: '2022-weizhengban-2', date: '2022-04-26', action: '调整' },
    ]);
    for (const m of g.memberships) MembershipSchema.parse(m);
    expect(g.memberships.map((m) => [m.person_id, m.role, m.start_date, m.end_date ?? null])).toEqual([
      ['gao-kaiying', '指挥长', '2022-01-10', null],
      ['yang-chao', '成员', '2022-01-10', '2022-04-26'],
      ['wang-yinrui', '成员', '2022-01-10', '2022-04-26'],
      ['gao-kaiying', '指挥长', '2022-04-26', null],
      ['yang-chao', '副指挥长', '2022-04-26', null],
      ['zhao-xiaofei', '成员', '2022-04-26', null],
    ]);
    // 县住建局 and 县住房和城乡建设局 are one organization.
    expect(new Set(g.memberships.filter((m) => m.person_id === 'yang-chao').map((m) => m.organization_id))).toEqual(new Set(['xian-zhufang-he-chengxiangjianshe-ju']));
  });

  it('leaves a single version open', () => {
    const m = { person_id: 'gao-kaiying', group: 'g', role: '组长', notice: 'n1', start_date: '2022-01-01', line: 1 };
    expect(applyHistory([m], [{ notice: 'n1', date: '2022-01-01', action: '成立' }])).toEqual([m]);
  });
});
