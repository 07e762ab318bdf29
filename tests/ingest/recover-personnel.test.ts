import { describe, expect, it } from 'vitest';
import { isPersonName, matchPersonnel, personnelText } from '../../scripts/ingest/recover-personnel.ts';
import { displayWidth } from '../../scripts/ingest/text-width.ts';
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
