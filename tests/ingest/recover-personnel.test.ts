import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import surnameData from 'chinese-surnames/index.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import supplement from '../../data/surnames-supplement.json' with { type: 'json' };
import { BAIJIAXING_END, isRoleLabel, looksLikeName, SURNAMES } from '../../scripts/ingest/names.ts';
import { isPersonName, matchPersonnel, personNameOf, personnelItems, personnelText } from '../../scripts/ingest/recover-personnel.ts';
import { displayWidth } from '../../scripts/ingest/text-width.ts';
import type { SourceLine } from '../../scripts/ingest/types.ts';
import { expectedOutput, fixtureCases, ink, scan, seedLines } from './fixtures.ts';

describe('displayWidth', () => {
  it('counts CJK as 1 em, ASCII as half, padding as a full em and number spaces as thin', () => {
    expect(displayWidth('组 长：高凯英')).toBe(7);
    expect(displayWidth('2022 年')).toBe(3.25);
  });
});

describe('isPersonName', () => {
  it('accepts names and rejects units, posts and fragments of the same shape', () => {
    for (const name of ['高凯英', '韩超', '仝兆欣', '欧阳明月']) expect(isPersonName(name), name).toBe(true);
    for (const word of ['县长', '第四章', '各乡镇', '水务局', '常屯乡', '合计', '局', '组长']) {
      expect(isPersonName(word), word).toBe(false);
    }
  });
});

describe('matchPersonnel fixtures', () => {
  for (const { name, dir, lines } of fixtureCases('personnel')) {
    // Real lists of other governments: expected.json was written by reading the text.
    if (existsSync(join(dir, 'expected.json'))) continue;
    it(name, () => {
      const found = scan(lines, matchPersonnel).map((m) => ({
        start: m.start,
        end: m.end,
        text: personnelText(m.block),
        block: m.block,
      }));
      expect(found).toEqual(expectedOutput(dir, found));
      // Nothing printed may be lost or reordered.
      for (const m of found) expect(ink(m.text)).toBe(ink(lines.slice(m.start, m.end).map((l) => l.text)));
    });
  }
});

describe('personnel lists in the seed', () => {
  const lines = seedLines();
  const found = scan(lines, matchPersonnel);

  it('finds every list with the members printed (counted by hand from the seed)', () => {
    expect(found.map((m) => [m.block.lines, m.block.members.length])).toEqual([
      [[818, 880], 27], // 行政执法协调监督 领导小组
      [[1868, 1928], 28], // 地下水超采综合治理 领导小组
      [[4652, 4743], 38], // 防汛抗旱指挥部
      [[4767, 4833], 29], // 防汛抗旱指挥部办公室联络员名单 (no labels)
      [[7264, 7304], 21], // 路长制 领导小组
      [[7393, 7413], 8], // 县级路长办公室
      [[7766, 7798], 16], // 政银保合作管理委员会
      [[9493, 9584], 41], // 自建房安全专项整治 领导小组
    ]);
  });

  it('gives roles from labels, inherited labels and the caption', () => {
    const roles = found.map((m) => [...new Set(m.block.members.map((x) => x.role))]);
    expect(roles).toEqual([
      ['组长', '副组长', '成员'],
      ['组长', '副组长', '成员'],
      ['指挥长', '常务副指挥长', '副指挥长', '成员'],
      ['联络员'],
      ['组长', '副组长', '成员'],
      ['主任', '副主任', '成员'],
      ['主任', '副主任', '成员'],
      ['组长', '常务副组长', '副组长', '成员'],
    ]);
  });

  it('only makes members of names, each with a title', () => {
    for (const m of found.flatMap((f) => f.block.members)) {
      expect(isPersonName(m.name), m.name).toBe(true);
      expect(m.title, m.name).toMatch(/^[\u3400-\u9fff（]/);
      expect(m.title).not.toMatch(/ /);
    }
  });

  it('joins wrapped titles and stops before the following paragraph', () => {
    const members = found.flatMap((f) => f.block.members);
    const byLine = (line: number) => members.find((m) => m.lines[0] === line);
    expect(byLine(818)?.title).toBe('县委副书记、政府县长');
    expect(byLine(826)?.title).toBe('县政府副县长、公安局局长');
    expect(byLine(4656)?.title).toBe('县委常委、常务副县长、县城区防汛抗旱指挥部指挥长');
    expect(byLine(4712)?.title).toBe('县商务局副局长（主持全面工作）');
    expect(byLine(4827)?.title).toBe('中国铁塔股份有限公司邢台市分公司威县办事处副经理');
    expect(personnelText(found[0].block).slice(0, 4)).toEqual([
      '组长：高凯英 县委副书记、政府县长',
      '副组长：张朝华 县委常委、政府常务副县长',
      '樊彦平 县政府副县长、公安局局长',
      '成员：韩超 县政府办公室主任',
    ]);
  });

  it('keeps every printed character, in order', () => {
    for (const m of found) {
      expect(ink(personnelText(m.block))).toBe(ink(lines.slice(m.start, m.end).map((l) => l.text)));
    }
  });
});

interface Expected {
  source: { url: string };
  lists: { lines: [number, number]; members: { role: string; name: string; title?: string }[] }[];
}

describe('real personnel lists of other governments (expected.json read by hand)', () => {
  const cases = fixtureCases('personnel').filter((c) => existsSync(join(c.dir, 'expected.json')));

  it('has at least three, each with its source', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
    for (const c of cases) expect((JSON.parse(readFileSync(join(c.dir, 'expected.json'), 'utf8')) as Expected).source.url).toMatch(/^https?:\/\//);
  });

  for (const { name, dir, lines } of cases) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
      const found = scan(lines, matchPersonnel);
      expect(
        found.map((m) => ({
          lines: m.block.lines,
          members: m.block.members.map((x) => ({ role: x.role, name: x.name, ...(x.title ? { title: x.title } : {}) })),
        })),
      ).toEqual(expected.lists);
      for (const m of found) expect(ink(personnelText(m.block))).toBe(ink(lines.slice(m.start, m.end).map((l) => l.text)));
    });
  }
});

/** Lines as the furniture step leaves them, numbered 1, 3, 5 … like a seed. */
const numbered = (texts: string[]): SourceLine[] => texts.map((text, k) => ({ line: 2 * k + 1, text, pageStart: false }));
const read = (texts: string[]) => {
  const lines = numbered(texts);
  const found = scan(lines, matchPersonnel);
  for (const m of found) expect(ink(personnelText(m.block)), 'nothing printed lost').toBe(ink(lines.slice(m.start, m.end).map((l) => l.text)));
  return found.flatMap((m) => m.block.members.map((x) => [x.role, x.name, x.title]));
};

describe('layouts', () => {
  it('a title in brackets, full- or half-width, and several members with titles on a line', () => {
    expect(read(['组长：张三（县长）', '副组长：李四(市政府副市长)、王五（县政府办主任）', '成员：赵六（县财政局局长） 钱七（县水务局局长）'])).toEqual([
      ['组长', '张三', '县长'],
      ['副组长', '李四', '市政府副市长'],
      ['副组长', '王五', '县政府办主任'],
      ['成员', '赵六', '县财政局局长'],
      ['成员', '钱七', '县水务局局长'],
    ]);
  });

  it('a bracketed title wrapped onto the next line', () => {
    expect(read(['指 挥 长：帅 文 (市政府副市长)', '副指挥长：刘 军 (贵阳交通发展投资〈集团〉有限', '公司董事长)', '成 员：赵家珍 (南明区政府副区长)'])).toEqual([
      ['指挥长', '帅文', '市政府副市长'],
      ['副指挥长', '刘军', '贵阳交通发展投资〈集团〉有限公司董事长'],
      ['成员', '赵家珍', '南明区政府副区长'],
    ]);
  });

  it('a padded label alone on its line, names below it, also several to a line', () => {
    expect(read(['成  员:', '张 三 李 四', '王五 赵六', '孙 七、周八'])).toEqual([
      ['成员', '张三', ''],
      ['成员', '李四', ''],
      ['成员', '王五', ''],
      ['成员', '赵六', ''],
      ['成员', '孙七', ''],
      ['成员', '周八', ''],
    ]);
  });

  it('names and titles several to a line: `张三 县长、李四 副县长`', () => {
    expect(read(['副组长：张三 县长、李四 副县长，王五 县委常委、宣传部部长'])).toEqual([
      ['副组长', '张三', '县长'],
      ['副组长', '李四', '副县长'],
      ['副组长', '王五', '县委常委、宣传部部长'],
    ]);
  });

  it('a line without a label belongs to the role above: a second 副组长, not a 成员', () => {
    expect(read(['组 长：高凯英 县长', '副组长：张朝华 常务副县长', '樊彦平 副县长', '成 员：韩 超 县政府办主任']).map(([role, name]) => `${role}:${name}`)).toEqual([
      '组长:高凯英',
      '副组长:张朝华',
      '副组长:樊彦平',
      '成员:韩超',
    ]);
  });

  it('a run of names wrapped before its separator: `…华喜平` + `、丁如瑞`', () => {
    expect(read(['成员:黄红卫、施财富、毛梅仙、徐品香、郑小萍、高土龙', '、丁如瑞、姜乐生']).map(([, name]) => name)).toEqual(['黄红卫', '施财富', '毛梅仙', '徐品香', '郑小萍', '高土龙', '丁如瑞', '姜乐生']);
  });

  it('the title before the name', () => {
    expect(read(['组  长：县委副书记、县长 张 三', '副组长：副县长 李四'])).toEqual([
      ['组长', '张三', '县委副书记、县长'],
      ['副组长', '李四', '副县长'],
    ]);
  });

  it('traditional labels and names: matched folded, kept as printed', () => {
    const lines = numbered(['組 長：張高麗 國務院副總理', '成 員：馬建堂 統計局局長']);
    const [m] = scan(lines, matchPersonnel);
    expect(m.block.members.map((x) => [x.role, x.label, x.name, x.title])).toEqual([
      ['组长', '組長：', '張高麗', '國務院副總理'],
      ['成员', '成員：', '馬建堂', '統計局局長'],
    ]);
  });

  it('keeps today\'s reading of a wrapped title and stops before the paragraph after it', () => {
    expect(read(['组 长：高凯英 县委副书记、政府', '县长', '成 员：姜书俊 县城管局四级调研员', '县行政执法协调监督工作体系建设', '试点工作领导小组办公室设在县司法局，'])).toEqual([
      ['组长', '高凯英', '县委副书记、政府县长'],
      ['成员', '姜书俊', '县城管局四级调研员'],
    ]);
  });
});

describe('the page', () => {
  it('shows one item per printed line of members, every character kept', () => {
    const lines = numbered(['组长:詹元正', '副组长:吴国伟、汪来苟', '成员:黄红卫、施财富、郑小', '萍、高土龙', '成 员:', '张 三 李 四', '王五 县长']);
    const [m] = scan(lines, matchPersonnel);
    expect(personnelItems(m.block.members)).toEqual(['组长:詹元正', '副组长:吴国伟、汪来苟', '成员:黄红卫、施财富、郑小萍、高土龙', '成员:张三 李四', '王五 县长']);
    expect(ink(personnelItems(m.block.members))).toBe(ink(lines.map((l) => l.text)));
  });
});

describe('role labels', () => {
  const roles = ['组长', '副组长', '常务副组长', '第一组长', '执行组长', '指挥长', '总指挥', '副总指挥', '主任', '常务副主任', '召集人', '副召集人', '秘书长', '副秘书长', '委员', '成员', '顾问', '联络员', '主任委员', '办公室主任', '政委', '书记'];

  it('any short label that ends in a word for a person opens a list, whatever the label', () => {
    for (const role of roles) {
      expect(isRoleLabel(role), role).toBe(true);
      expect(read([`${role}：王建国 县政府副县长`]), role).toEqual([[role, '王建国', '县政府副县长']]);
    }
  });

  it('a field label never does, even followed by a name-like word', () => {
    for (const label of ['主要职责', '联系电话', '地址', '成员单位', '牵头单位', '完成时限', '工作要求']) expect(isRoleLabel(label), label).toBe(false);
    expect(read(['主要职责：负责协助总路长、县级路', '联系电话：0319-6123456', '地址：威县洺州镇', '成员单位：县发改局、县财政局', '联系人：李东武，联系电话：6123456'])).toEqual([]);
    // A role label followed by units, not people.
    expect(read(['成员：县发改局、县财政局、县公安局'])).toEqual([]);
  });
});

describe('names', () => {
  it('come from the chinese-surnames dataset and the reviewed supplement', () => {
    const data = surnameData as string[];
    expect(data.length).toBe(1062);
    expect(data.filter((s) => s.length > 1).length).toBe(95);
    expect(data.slice(0, 4).join('')).toBe('赵钱孙李');
    expect(data[BAIJIAXING_END - 1]).toBe('司空');
    expect(BAIJIAXING_END).toBe(440);
    for (const e of supplement.surnames) {
      expect(e.reason.length, e.surname).toBeGreaterThan(10);
      expect(e.source.length, e.surname).toBeGreaterThan(5);
      // 'missing': not in the dataset; 'common': in it, but outside its 百家姓 block.
      if (e.kind === 'missing') expect(data.includes(e.surname), e.surname).toBe(false);
      else expect(data.indexOf(e.surname), e.surname).toBeGreaterThanOrEqual(BAIJIAXING_END);
      expect(SURNAMES.has(e.surname)).toBe(true);
    }
  });

  it('end in any character where the layout says a name stands (会, 书, 任, 理)', () => {
    expect(read(['组长：李会 县长', '副组长：张书 副县长', '王 任 副县长', '成员：刘理 县司法局局长'])).toEqual([
      ['组长', '李会', '县长'],
      ['副组长', '张书', '副县长'],
      ['副组长', '王任', '副县长'],
      ['成员', '刘理', '县司法局局长'],
    ]);
    for (const name of ['李会', '张书', '王任', '刘理', '李会景', '苟仲文', '付建华', '欧阳明月', '司马光']) expect(looksLikeName(name), name).toBe(true);
  });

  it('take compound and rare surnames of the dataset in a list, and the supplement', () => {
    expect(read(['组长：欧阳明月 县长', '副组长：苟仲文 副县长', '付建华 武装部政治委员', '成员：司马光 县委办主任']).map(([, name]) => name)).toEqual(['欧阳明月', '苟仲文', '付建华', '司马光']);
  });

  it('without a layout, only common surnames and no unit or post ending', () => {
    for (const name of ['高凯英', '韩超', '仝兆欣', '付建华', '欧阳明月']) expect(isPersonName(name), name).toBe(true);
    // 苟 is a surname of the dataset but no common one; 李会 could be 会议's fragment in a table.
    for (const word of ['苟仲文', '李会', '第四章', '合计', '建设', '业农', '市长', '书记', '顾问']) expect(isPersonName(word), word).toBe(false);
    expect(personNameOf('张 桐')).toBe('张桐');
  });

  it('never take a post or a unit for a name in a list', () => {
    for (const word of ['县长', '市长', '局长', '书记', '委员', '秘书长', '大队长', '公安局', '常屯乡', '府县长']) expect(looksLikeName(word), word).toBe(false);
  });
});
