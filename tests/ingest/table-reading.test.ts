// Reading flattened tables from the widths of their lines (scripts/ingest/table-reading.ts):
// a hand-written task table laid out with the PDF's damage (tests/helpers/table-layout.ts),
// mutations of it, and the seed's own tables. Expected cells are written from the input.
import { describe, expect, it } from 'vitest';
import { normalizeTitle } from '../../scripts/ingest/parse-header.ts';
import { matchTable, tableFromReading } from '../../scripts/ingest/recover-tables.ts';
import { readTable } from '../../scripts/ingest/table-reading.ts';
import { tableRows } from '../../scripts/ingest/table-rows.ts';
import type { Block, SourceLine } from '../../scripts/ingest/types.ts';
import { flattenTable, type TableSpec } from '../helpers/table-layout.ts';
import { scan, seedLines } from './fixtures.ts';

const ink = (texts: string[]) => texts.join('').replace(/\s+/g, '');

/** A county's 重点任务分解表, in the shape such tables take (序号, task, measures, unit, deadline). */
const tasks: TableSpec = {
  heads: ['序号', '重点任务', '工作措施', '责任单位', '完成时限'],
  widths: [2, 4, 14, 5, 6],
  rows: [
    ['1', '优化营商环境', '全面推行证明事项告知承诺制，压减各类证明材料，推动高频事项“一网通办”。', '县行政审批局', '2023年6月底'],
    ['2', '', '深化工程建设项目审批制度改革，审批时限压缩至六十个工作日以内。', '县住房和城乡建设局', '2023年12月底'],
    ['3', '加强市场监管', '开展食品安全专项整治，抽检覆盖率达到每千人四批次。', '县市场监督管理局', '持续推进'],
  ],
};

function read(lines: SourceLine[]): Extract<Block, { kind: 'table' | 'raw' }> {
  const m = matchTable(lines, 0);
  if (!m) throw new Error('no table found');
  expect(m.end).toBe(lines.length);
  return m.block;
}

describe('a task table laid out as the PDF flattens it', () => {
  const lines = flattenTable(tasks);

  it('is rebuilt cell by cell, a merged cell empty below its first row', () => {
    const block = read(lines);
    if (block.kind !== 'table') throw new Error(`kept as source lines: ${block.reason}`);
    expect(block.header).toEqual([['序号', '重点任务', '工作措施', '责任单位', '完成时限']]);
    expect(block.rows).toEqual([
      ['1', '优化营商环境', '全面推行证明事项告知承诺制，压减各类证明材料，推动高频事项“一网通办”。', '县行政审批局', '2023年6月底'],
      ['2', '', '深化工程建设项目审批制度改革，审批时限压缩至六十个工作日以内。', '县住房和城乡建设局', '2023年12月底'],
      ['3', '加强市场监管', '开展食品安全专项整治，抽检覆盖率达到每千人四批次。', '县市场监督管理局', '持续推进'],
    ]);
    // Each row's seed lines, and the evidence: the columns' wrap widths.
    expect(block.rowLines?.map(([a]) => lines.find((l) => l.line === a)!.text)).toEqual(['1', '2', '3']);
    expect(block.evidence).toMatch(/^5 列、3 行：各列折行宽度（字）–\/4\/14(\.5)?\/5\/–；/);
    expect(ink([...block.header, ...block.rows].flat())).toBe(ink(lines.map((l) => l.text)));
  });

  it('is kept as source lines, grouped by 序号, when a 序号 is missing', () => {
    const without = lines.filter((l) => l.text !== '2');
    const block = read(without);
    if (block.kind !== 'raw') throw new Error('rebuilt without its 序号');
    expect(block.source).toEqual(without);
    expect(block.groups?.map((g) => g[0].text)).toEqual(['序号 重点任务 工作措施 责任单位 完成时限', '1', '3']);
    expect(block.groups!.flat()).toEqual(without);
  });

  it('is kept as source lines when a line is wider than its column allows', () => {
    // A unit printed on one line as wide as the measures column: no width fits both.
    const widened = lines.map((l) => (l.text === '县行政审批' ? { ...l, text: '县行政审批局和县发展和改革局联合办理' } : l)).filter((l) => l.text !== '局');
    expect(read(widened).kind).toBe('raw');
  });

  it('does not read a table whose cells could be split more than one way', () => {
    // Cells that never wrap: `县财政局` + `牵头` may be two cells, or one wrapped cell under
    // 分工 with 单位 merged above — the lines do not say which.
    const loose = flattenTable({ heads: ['序号', '单位', '分工'], widths: [2, 6, 6], rows: [['1', '县财政局', '牵头'], ['2', '县教育局', '配合']] });
    const block = read(loose);
    expect(block.kind).toBe('raw');
    expect(block.kind === 'raw' && block.reason).toMatch(/more than one reading fits in 3 columns/);
  });

  it('reads a column of people only as names: `县财政局` + `王明` is not one cell under 联系人', () => {
    const people = flattenTable({ heads: ['序号', '单位', '联系人'], widths: [2, 6, 6], rows: [['1', '县财政局', '王明'], ['2', '县教育局', '李华']] });
    const block = read(people);
    if (block.kind !== 'table') throw new Error(`kept as source lines: ${block.reason}`);
    expect(block.rows).toEqual([['1', '县财政局', '王明'], ['2', '县教育局', '李华']]);
  });
});

describe('the seed', () => {
  const lines = seedLines();
  const found = scan(lines, matchTable);
  const at = (first: number) => found.find((m) => m.block.lines[0] === first)!.block;

  const region = (first: number, last: number) => lines.filter((l) => l.line >= first && l.line <= last);
  const join = (parts: string[]) => normalizeTitle(parts.join(' '));

  it('keeps 16号 附件2 as source lines by itself: its head 工作/任务 may be one head or two', () => {
    const t = at(892);
    expect(t.kind === 'raw' && t.reason).toMatch(/readings in 5 and in 6 columns both fit/);
  });

  it('rebuilds 16号 附件2 (行政执法 任务分解表) with the heads of its correction: merged cells, the header printed again on each page', () => {
    const parsed = tableFromReading(readTable(tableRows(region(892, 1152))!, join, ['序号', '工作任务', '具体措施', '具体要求', '责任单位']), 0);
    if ('reason' in parsed) throw new Error(parsed.reason);
    const t = parsed;
    expect(t.header).toEqual([['序号', '工作任务', '具体措施', '具体要求', '责任单位']]);
    // 20 measures, the header reprinted at three page breaks (seed lines 964, 1033, 1105).
    expect(t.rows).toHaveLength(23);
    expect(t.headerAt?.map((r) => t.rowLines![r][0])).toEqual([964, 1033, 1105]);
    const row = (measure: string) => t.rows.find((r) => r[2].startsWith(measure))!;
    expect(row('1.')).toEqual(['1', '落实行政执法协调监督职责', '1.编制行政执法协调监督权责清单', '依照法律、法规及国务院有关规定，根据部门“三定”规定，明确列出行政执法监督方面的权责事项清单。', '县司法行政部门']);
    expect(row('3.')).toEqual(['', '', '3.完善行政执法监督文书范本', '制定行政执法监督各类文书范本，规范行政执法监督文书制作。', '县司法行政部门']);
    // After a page break the merged cells of 序号 3 are printed again (seed line 1039).
    expect(row('13.').slice(0, 2)).toEqual(['3', '创新行政执法协调监督方式']);
    expect(row('13.')[3]).toBe('明确投诉举报的范围、内容、程序、时限、处理等事项。');
    expect(row('16.')[4]).toBe('县司法行政部门、组织部、编办');
    expect(row('18.')).toEqual(['5', '着力推进行政执法信息化建设', '18.推广应用行政执法监督平台', expect.stringMatching(/^依托司法部行政执法平台.*系统性监督。$/), '县司法局']);
    expect(ink([...t.header, ...t.rows].flat())).toBe(ink(region(892, 1152).map((l) => l.text)));
  });

  it('rebuilds 21号 任务分解表 with the heads and widths of its correction', () => {
    const heads = ['序号', '目标任务', '具体标准', '牵头县领导', '牵头部门', '责任部门', '完成时限', '奖惩措施'];
    const parsed = tableFromReading(readTable(tableRows(region(2850, 3985))!, join, heads, [0, 4, 22, 3, 2, 3.5, 6, 8.5]), 0);
    if ('reason' in parsed) throw new Error(parsed.reason);
    expect(parsed.rows).toHaveLength(42);
    const row = (n: number) => parsed.rows[n - 1];
    expect(row(1).slice(0, 2)).toEqual(['1', '明确标准']);
    expect(row(1).slice(3)).toEqual(['潘国军', '县农业农村局', '各乡镇', '2022年1季度', '对工作成效突出的予以通报表扬；对损害群众利益、工作落实不力的依规依纪严肃追责问责。']);
    expect(row(4)[5]).toBe('县直有关部门、各乡镇');
    // 目标任务 merged over rows 23–26: empty below its first row.
    expect([23, 24, 25, 26].map((n) => row(n)[1])).toEqual(['切实加强农业面源污染防治', '', '', '']);
    // Two leaders, one a line: kept apart.
    expect(row(28).slice(3, 5)).toEqual(['张朝华 尹俊兵', '县住建局县发改局']);
    expect(ink([...parsed.header, ...parsed.rows].flat())).toBe(ink(region(2850, 3985).map((l) => l.text)));
  });

  it('keeps 21号 任务分解表 as source lines without its correction, saying why', () => {
    const t = at(2850);
    expect(t.kind).toBe('raw');
    expect(t.kind === 'raw' && t.reason).toMatch(/heads over them can be grouped more than one way|more than one reading fits/);
  });

  it('keeps the tables whose rows cannot be told apart as source lines, grouped by 序号', () => {
    const measures = at(1937); // 19号 治理措施: 序号 7 is not printed, `赵晓飞6` runs two cells together
    const wells = at(1983); // 19号 取水井: rows print only their non-empty numbers
    const drugs = at(6183); // 25号 分级标准: no 序号 at all
    for (const t of [measures, wells, drugs]) expect(t.kind).toBe('raw');
    if (measures.kind !== 'raw') return;
    expect(measures.groups!.map((g) => g[0].text.split(' ')[0])).toEqual(['序号', '1', '2', '3', '4', '5', '8', '9']);
  });
});

describe('a table whose rows split too many ways', () => {
  // Rows of many short pieces (a very wide or damaged table) split into cells in exponentially
  // many ways; the reader stops at its work budget and keeps the source lines, saying why,
  // instead of running for minutes. Shown on the seed's 21号 table (about 550,000 steps) read
  // with a budget it exceeds.
  const lines = seedLines();
  const region = (first: number, last: number) => lines.filter((l) => l.line >= first && l.line <= last);
  const join = (parts: string[]) => normalizeTitle(parts.join(' '));

  it('past its budget, a table is kept as source lines with the reason', () => {
    const heads = ['序号', '目标任务', '具体标准', '牵头县领导', '牵头部门', '责任部门', '完成时限', '奖惩措施'];
    const rows = tableRows(region(2850, 3985))!;
    expect(readTable(rows, join, heads, [0, 4, 22, 3, 2, 3.5, 6, 8.5], { row: 250_000, table: 10_000 })).toEqual({
      reason: expect.stringMatching(/^a row's lines can be split into \d+ cells in too many ways to check \(over 20000 readings, or 250000 steps for a row, 10000 for the table\)$/),
    });
  });
});
