import { describe, expect, it } from 'vitest';
import { splitCells, matchTable } from '../../scripts/ingest/recover-tables.ts';
import type { Block, SourceLine } from '../../scripts/ingest/types.ts';
import { expectedOutput, fixtureCases, ink, scan, seedLines } from './fixtures.ts';

type TableBlock = Extract<Block, { kind: 'table' | 'raw' }>;

/** The no-loss invariant: a table's cells (or a raw block's lines) hold exactly the consumed text. */
function expectLossless(block: TableBlock, consumed: SourceLine[]) {
  if (block.kind === 'raw') {
    expect(block.source).toEqual(consumed);
    // The groups shown on the page are those lines, each once, in order.
    if (block.groups) expect(block.groups.flat()).toEqual(consumed);
    return;
  }
  const columns = block.header[0].length;
  for (const row of [...block.header, ...block.rows]) expect(row).toHaveLength(columns);
  for (const cell of [...block.header, ...block.rows].flat()) expect(cell).not.toMatch(/^\s|\s$|[\u3400-\u9fff] [\u3400-\u9fff]$/);
  expect(ink([...block.header, ...block.rows].flat())).toBe(ink(consumed.map((l) => l.text)));
}

describe('splitCells', () => {
  it('splits cells sharing a line and rejoins padded 2-character cells', () => {
    expect(splitCells('序号 单 位 主管领导 联系电话')).toEqual(['序号', '单位', '主管领导', '联系电话']);
    expect(splitCells('市场主体 企 业 个体工商户')).toEqual(['市场主体', '企业', '个体工商户']);
  });
});

describe('matchTable fixtures', () => {
  for (const { name, dir, lines } of fixtureCases('tables')) {
    it(name, () => {
      const found = scan(lines, matchTable);
      expect(found).toEqual(expectedOutput(dir, found));
      for (const m of found) expectLossless(m.block, lines.slice(m.start, m.end));
    });
  }
});

describe('tables in the seed', () => {
  const lines = seedLines();
  const found = scan(lines, matchTable);

  it('finds every table region and recovers the ones whose cells are certain', () => {
    expect(found.map((m) => [m.block.kind, m.block.lines])).toEqual([
      ['raw', [892, 1152]], // 行政执法 工作任务分解表: 5 or 6 columns (its correction gives the heads)
      ['raw', [1937, 1978]], // 地下水 治理措施计划安排表: merged cells, cells run together (`赵晓飞6`)
      ['raw', [1983, 2010]], // 取水井关停任务表: numbers without their column
      ['raw', [2850, 3985]], // 新农村建设任务分解表: more than one reading fits (its correction gives heads and widths)
      ['raw', [6183, 6510]], // 药品 分级标准和响应规定
      ['table', [7114, 7242]], // 电动自行车 联络表
      ['table', [8814, 8853]], // 2022 市场主体 指导目标
    ]);
    for (const m of found) expect(m.block.kind === 'raw' ? m.block.reason : '').not.toMatch(/undefined/);
  });

  it('keeps every printed character in its row order', () => {
    for (const m of found) expectLossless(m.block, lines.slice(m.start, m.end));
  });

  it('reads the contact table row by row', () => {
    const contact = found[5].block;
    if (contact.kind !== 'table') throw new Error('contact table not recovered');
    expect(contact.header).toEqual([['序号', '单位', '主管领导', '联系电话', '联络人', '联系电话']]);
    expect(contact.rows).toHaveLength(12);
    expect(contact.rows[7]).toEqual(['8', '县生态环境分局', '刘亚 主管领导', '13833952027', '顾玉建 固废股股长', '18713998288']);
  });

  it('reads the targets table with its two header rows, and the totals add up', () => {
    const targets = found[6].block;
    if (targets.kind !== 'table') throw new Error('targets table not recovered');
    expect(targets.header).toEqual([
      ['单位', '市场主体', '企业', '个体工商户'],
      ['', '净增数量（户）', '净增数量（户）', '净增数量（户）'],
    ]);
    expect(targets.rows).toHaveLength(18);
    for (const [, total, firms, individuals] of targets.rows) expect(Number(firms) + Number(individuals)).toBe(Number(total));
  });

  it('does not start a table in running text', () => {
    const starts = new Set(found.map((m) => m.start));
    lines.forEach((l, i) => {
      if (!starts.has(i) && !found.some((m) => i > m.start && i < m.end)) expect(matchTable(lines, i)).toBeNull();
    });
  });
});
