// Reading flattened tables from the widths of their lines (scripts/ingest/table-reading.ts):
// a hand-written task table laid out with the PDF's damage (tests/helpers/table-layout.ts),
// mutations of it, and the seed's own tables. Expected cells are written from the input.
import { describe, expect, it } from 'vitest';
import { normalizeTitle } from '../../scripts/ingest/parse-header.ts';
import { matchTable, tableFromReading } from '../../scripts/ingest/recover-tables.ts';
import { readTable } from '../../scripts/ingest/table-reading.ts';
import { givenRows, tableRows } from '../../scripts/ingest/table-rows.ts';
import type { Block, SourceLine } from '../../scripts/ingest/types.ts';
import { flattenTable, GRADES_TABLE, type TableSpec } from '../helpers/table-layout.ts';
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

  it('rebuilds 25号 分级标准和响应规定 from the rows, merged cells, hand-broken 级别 and short lines of its correction', () => {
    const M = [0, 3]; // 级别 and 响应级别 merged over the 疫苗 and 医疗器械 rows of each level
    const starts = [6188, 6236, 6254, 6278, 6328, 6350, 6376, 6412, 6432, 6454, 6482, 6498].map((line, k) => ({ line, merged: k % 3 === 0 ? [] : M, ...(line === 6412 ? { at: '疫苗' } : {}) }));
    const rows = givenRows(region(6183, 6510), starts);
    if (typeof rows === 'string') throw new Error(rows);
    const heads = ['级别', '类别', '标准', '响应级别'];
    const t = readTable(rows, join, heads, undefined, { hand: [0], short: [6250, 6304, 6428] });
    if ('reason' in t) throw new Error(t.reason);
    const body = t.rows.filter((r) => r.kind !== 'header');
    // The header printed again at the top of each of the three later pages.
    expect(t.rows.map((r) => r.kind).join(' ')).toBe('header given given given header given given given header given given given header given given given');
    expect(body.map((r) => r.cells.slice(0, 2).join('|'))).toEqual([
      '特别重大药品安全突发事件（Ⅰ级）|药品', '|疫苗', '|医疗器械',
      '重大药品安全突发事件（Ⅱ级）|药品', '|疫苗', '|医疗器械',
      '较大药品安全突发事件（Ⅲ级）|药品', '|疫苗', '|医疗器械',
      '一般药品安全突发事件（Ⅳ级）|药品', '|疫苗', '|医疗器械',
    ]);
    expect(body.map((r) => r.cells[3])).toEqual([
      '省政府启动Ⅰ级响应，同时在国务院或相关指挥机构领导或指导协调下开展处置工作', '', '',
      '省政府启动Ⅱ级响应，同时在国家药品监管局领导或指导协调下开展处置工作', '', '',
      '市政府启动Ⅲ级响应', '', '',
      '县政府启动Ⅳ级响应', '', '',
    ]);
    // 标准 cells hold their numbered items in order; the short line 6250 wraps inside item 3.
    expect(body[1].cells[2]).toBe('1.在相对集中的时间和区域内，批号相对集中的同一疫苗引起临床表现相似的，且罕见或非预期的不良事件的人数超过20人（含）；或者引起特别严重不良事件超过5人（含），疑似与质量相关的事件。2.同一批号疫苗短期内引起5例（含）以上患者死亡，疑似与质量相关的事件。3.其他危害特别严重且引发社会影响的疫苗质量安全突发事件。');
    expect(body[6].cells[2]).toMatch(/^1\.在相对集中.*3人（含）。2\.同一批号药品短期内引起2例（含）以下患者死亡，且在同一区域内同时出现其他类似病例。3\.短期内1个市内2个以上县（市、区）因同一药品发生Ⅳ级药品质量安全事件。4\.其他危害较大的药品质量安全事件。$/);
    expect(body[11].cells[2]).toBe('1.在相对集中的时间和区域内，批号相对集中的同一品种引起特别严重不良事件（可能对人体造成永久性伤残、对器官功能造成永久性损伤或危及生命）的人数超过2人（含）；2.其他一般医疗器械安全突发事件。');
    // 6412 `应疫苗`: `应` ends row 7's 响应级别, `疫苗` opens row 8.
    expect([body[6].lines, body[7].lines]).toEqual([[6376, 6412], [6412, 6430]]);
    expect(t.widths).toEqual([undefined, 2, 23.5, 4]);
    expect(ink(t.rows.filter((r, k) => k === 0 || r.kind !== 'header').flatMap((r) => r.cells))).toBe(ink(region(6183, 6510).filter((l) => !/^\s*(级别 类别 标 准|响应|级别)$/.test(l.text) || l.line < 6188).map((l) => l.text)));
    // Without the short lines no split fits; without the merged cells, or 级别 not broken by hand, none or several.
    expect(readTable(rows, join, heads, undefined, { hand: [0] })).toHaveProperty('reason');
    expect(readTable(rows, join, heads, undefined, { short: [6250, 6304, 6428] })).toHaveProperty('reason');
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


describe('a table without 序号, its rows placed by an archivist (givenRows)', () => {
  const lines = flattenTable(GRADES_TABLE);
  const line = (text: string) => lines.find((l) => l.text === text)!.line;
  const join = (parts: string[]) => normalizeTitle(parts.join(' '));
  const merged = [0, 3];
  const starts = [
    { line: line('重大'), merged: [] },
    { line: line('医疗'), merged },
    { line: line('一 般'), merged: [] },
    { line: line('疫苗'), merged },
  ];
  const short = [line('1.同一批号疫苗引起不良')];
  const rows = givenRows(lines, starts);
  if (typeof rows === 'string') throw new Error(rows);

  it('is kept as source lines by itself: where a row starts is not printed', () => {
    const block = read(lines);
    expect(block.kind === 'raw' && block.reason).toMatch(/no 序号 column/);
  });

  it('is read cell by cell from the rows, merged cells, hand-broken column, short line and hand column width given', () => {
    const t = readTable(rows, join, GRADES_TABLE.heads, [4, 0, 0, 0], { hand: [0], short });
    if ('reason' in t) throw new Error(t.reason);
    expect(t.header).toEqual(['级别', '类别', '标准', '响应']);
    expect(t.rows.slice(1).map((r) => r.cells)).toEqual([
      ['重大事件（Ⅱ级）', '药品', '1.批号相对集中的同一药品引起不良事件的人数超过30人。2.其他危害严重的重大药品质量安全事件。', '省政府启动Ⅱ级响应'],
      ['', '医疗器械', '1.同一批号产品短期内引起患者死亡，且在同一区域内出现类似事件。2.其他危害严重的医疗器械安全突发事件。', ''],
      ['一般事件（Ⅳ级）', '药品', '1.同一批号药品引起不良事件的人数超过10人。2.其他一般药品质量安全事件。', '县政府启动Ⅳ级响应'],
      ['', '疫苗', '1.同一批号疫苗引起不良事件的人数超过3人，疑似与质量相关的事件。', ''],
    ]);
    expect(t.widths).toEqual([undefined, 2, 12, 4]);
    expect(t.evidence).toMatch(/^4 列、4 行：.*行的起点与合并格按校正，级别列手工断行，1 行提前折行，只有一种切分/);
    expect(ink(t.rows.flatMap((r) => r.cells))).toBe(ink(lines.map((l) => l.text)));
  });

  it('finds no reading, or several, when a fact the lines do not show is left out', () => {
    const reason = (r: ReturnType<typeof readTable>) => ('reason' in r ? r.reason : 'read');
    // Without the short line: `1.同一批号疫苗引起不良` does not fill the 标准 column.
    expect(reason(readTable(rows, join, GRADES_TABLE.heads, [4, 0, 0, 0], { hand: [0] }))).toMatch(/^no split/);
    // Without 级别 broken by hand: `一 般` is two cells.
    expect(reason(readTable(rows, join, GRADES_TABLE.heads, [4, 0, 0, 0], { short }))).toMatch(/^no split/);
    // Without its width, 级别 may take lines of 标准 (and 类别 the short `人。`).
    expect(reason(readTable(rows, join, GRADES_TABLE.heads, undefined, { hand: [0], short }))).toMatch(/more than one reading/);
    // Without the merged cells, a 类别 row may fill 响应 with its last lines.
    const unmerged = givenRows(lines, starts.map((s) => ({ ...s, merged: [] })));
    if (typeof unmerged === 'string') throw new Error(unmerged);
    expect(reason(readTable(unmerged, join, GRADES_TABLE.heads, [4, 0, 0, 0], { hand: [0], short }))).not.toBe('read');
  });

  it('reports a short line the reading does not need', () => {
    const t = readTable(rows, join, GRADES_TABLE.heads, [4, 0, 0, 0], { hand: [0], short: [...short, line('1.批号相对集中的同一药品')] });
    expect('reason' in t && t.reason).toMatch(/said to end short, fills its column/);
  });

  it('splits a line two rows share at the text the row starts at, and keeps a reprinted header a header row', () => {
    const shared = [...lines.slice(0, 12), { ...lines[12], text: `${lines[12].text}医疗` }, ...lines.slice(14)];
    expect(shared.find((l) => l.line === line('应'))?.text).toBe('应医疗');
    const split = givenRows(shared, starts.map((s) => (s.line === line('医疗') ? { line: line('应'), at: '医疗', merged } : s)));
    if (typeof split === 'string') throw new Error(split);
    expect(split.map((r) => [r.kind, r.lines.slice(0, 2).map((l) => l.text).join('/')])).toEqual([
      ['header', '级别 类别 标准 响应'],
      ['given', '重大/事件'],
      ['given', '医疗/器械'],
      ['given', '一 般/事 件'],
      ['given', '疫苗/1.同一批号疫苗引起不良'],
    ]);
    expect(split[1].lines.at(-1)!.text).toBe('应');
    expect(givenRows(shared, [{ line: line('应'), at: '不在', merged: [] }])).toBe(`line ${line('应')} does not print “不在”: “应医疗”`);
    const reprint = [...lines.slice(0, 20), { ...lines[0], line: 40, text: ` ${lines[0].text}` }, ...lines.slice(20)];
    const withHeader = givenRows(reprint, starts);
    if (typeof withHeader === 'string') throw new Error(withHeader);
    expect(withHeader.map((r) => r.kind)).toEqual(['header', 'given', 'given', 'header', 'given', 'given']);
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
    expect(readTable(rows, join, heads, [0, 4, 22, 3, 2, 3.5, 6, 8.5], {}, { row: 250_000, table: 10_000 })).toEqual({
      reason: expect.stringMatching(/^a row's lines can be split into \d+ cells in too many ways to check \(over 20000 readings, or 250000 steps for a row, 10000 for the table\)$/),
    });
  });

  it('counts the budget in steps of the plain search of every split, however the reader finds them', () => {
    // The reader counts each state of its search once, but the budgets keep their meaning: the
    // steps a search trying every split one by one takes (counted with the reader before it was
    // memoized): 511,689 for this table at every column count tried, 81,512 for its largest row.
    // So a table is too loose to read exactly when it was, on every corpus.
    const heads = ['序号', '目标任务', '具体标准', '牵头县领导', '牵头部门', '责任部门', '完成时限', '奖惩措施'];
    const rows = tableRows(region(2850, 3985))!;
    const widths = [0, 4, 22, 3, 2, 3.5, 6, 8.5];
    const read = (row: number, table: number) => readTable(rows, join, heads, widths, {}, { row, table });
    expect(read(250_000, 511_689)).toHaveProperty('header', heads);
    expect(read(250_000, 511_688)).toEqual({ reason: expect.stringMatching(/too many ways to check .* 511688 for the table\)$/) });
    expect(read(81_512, 1_500_000)).toHaveProperty('header', heads);
    expect(read(81_511, 1_500_000)).toEqual({ reason: expect.stringMatching(/too many ways to check .* 81511 steps for a row/) });
  });
});
