// An archivist corrects the reading of an issue in seeds/<issue>.corrections.yaml — never in the
// seed or the code: the correction is validated with its file and line, applied, and listed in
// the review report.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../scripts/ingest/run.ts';
import { ingestDir, newSeedsDir } from '../helpers.ts';
import { flattenTable, GRADES_TABLE } from '../helpers/table-layout.ts';

const SEED = [
  ' 威县人民政府办公室', '', '关于甲事项的通知', '', '威政办字〔2023〕1 号 2023 年 1 月 5 日', '', '各乡、镇人民政府：', '',
  '根据上级文件精神，现将', '', '冀政办字〔2022〕9 号', '', '转发给你们，请认真贯彻执行。', '',
  ' 威县人民政府', '', '关于乙事项的公告', '', '现将有关事项公告如下。', '', '威县人民政府', '', '2023 年 1 月 9 日', '',
].join('\n');

function ingestWith(corrections?: string) {
  const dir = newSeedsDir();
  writeFileSync(join(dir, 'weixian-gazette-2023-01.txt'), SEED);
  if (corrections !== undefined) writeFileSync(join(dir, 'weixian-gazette-2023-01.corrections.yaml'), corrections);
  return ingestDir(dir);
}

describe('corrections beside the seed', () => {
  it('without a correction, a 文号 alone on a body line is a problem with its line, not a new notice', () => {
    const { problems } = ingestWith();
    expect(problems.map(formatProblem)).toEqual([
      'seeds/weixian-gazette-2023-01.txt:11: expected “冀政办字〔2022〕9 号” to head a notice, but the line above it, “根据上级文件精神，现将”, does not end a title (a title ends in a 文种 such as 通知, 批复, 公告, or in the kind of document, such as 办法). If it is body text, mark it so in the seed\'s corrections file (see README “Correcting an issue”).',
    ]);
  });

  it('a not-a-header correction makes it body text, and the review report lists it', () => {
    const { problems, notices, files } = ingestWith('corrections:\n  - kind: not-a-header\n    line: 11\n    why: 正文中引用的文号，换行后单独成行\n');
    expect(problems).toEqual([]);
    expect(notices.map((n) => [n.notice.docNo, n.notice.title, n.notice.date, n.notice.source.lines])).toEqual([
      ['威政办字〔2023〕1号', '关于甲事项的通知', '2023-01-05', [1, 13]],
      [undefined, '关于乙事项的公告', '2023-01-09', [15, 23]],
    ]);
    const review = files.get('review/weixian-gazette-2023-01.md')!;
    expect(review).toContain('第 11 行 not-a-header：正文中引用的文号，换行后单独成行');
    // The 公告 without a 文号 and its date under the 署名 are flagged for review.
    expect(review).toContain('第 17 行：未印文号');
    expect(review).toContain('成文日期取自文末署名下的日期（2023-01-09）');
  });

  it('a bad corrections file is reported with its own file and line', () => {
    const { problems } = ingestWith('corrections:\n  - kind: not-a-header\n    line: 11\n  - kind: split-here\n    line: 3\n    why: x\n');
    expect(problems.map(formatProblem)).toEqual([
      'seeds/weixian-gazette-2023-01.corrections.yaml:2: corrections.0.why: expected this to be given (string), found nothing',
      expect.stringMatching(/^seeds\/weixian-gazette-2023-01\.corrections\.yaml:4: corrections\.1\.kind: /),
      expect.stringMatching(/^seeds\/weixian-gazette-2023-01\.txt:11: expected “冀政办字〔2022〕9 号” to head a notice/),
    ]);
  });

  it('a correction about a line with nothing to correct is a problem', () => {
    const { problems } = ingestWith('corrections:\n  - kind: not-a-header\n    line: 9\n    why: 写错了行号\n');
    expect(problems.map(formatProblem)).toContain(
      'seeds/weixian-gazette-2023-01.corrections.yaml:2: expected line 9 of the seed to read like a header (a 文号 or a date) for the not-a-header correction, found “根据上级文件精神，现将” — remove the correction, or fix its line number',
    );
  });
});

describe('corrections of blocks: the names on a list line, the columns of a kept table', () => {
  const LIST_SEED = [
    ' 威县人民政府办公室', '关于成立某某工作领导小组的通知', '威政办字〔2023〕2 号 2023 年 2 月 1 日', '各乡、镇人民政府，县政府有关部门：',
    '为加强领导，决定成立某某工作领导小组。组成人员如下：', '组 长：张三 县长', '副组长：李四王五 副县长', '成 员：赵六 县财政局局长', '钱七 县教育局局长',
    '附件：某某分工表', '附件', '某某分工表', '序号', '单位', '分工', '1', '县财政局', '牵头', '2', '县教育局', '配合',
  ].join('\n\n');
  // Seed lines (a blank line after each): 11 组长, 13 副组长 (two names printed without a space), 25–41 the table's cells
  // (one a line, none wrapped: `县财政局` / `牵头` may be two cells or one, so the reader keeps them as lines).
  function ingestList(corrections?: string) {
    const dir = newSeedsDir();
    writeFileSync(join(dir, 'weixian-gazette-2023-02.txt'), LIST_SEED);
    if (corrections !== undefined) writeFileSync(join(dir, 'weixian-gazette-2023-02.corrections.yaml'), corrections);
    return ingestDir(dir);
  }
  const blocks = (r: ReturnType<typeof ingestList>) => r.notices[0].sections.flatMap((s) => s.blocks);

  it('without corrections, the glued names are not a list line and the table stays as source lines', () => {
    const r = ingestList();
    expect(r.problems).toEqual([]);
    expect(r.notices[0].notice.personnel.map((p) => p.name)).toEqual(['张三', '赵六', '钱七']);
    expect(blocks(r).filter((b) => b.kind === 'raw')).toHaveLength(1);
    // The review points at both.
    const review = r.files.get('review/weixian-gazette-2023-02.md')!;
    expect(review).toContain('第 13 行：以“副组长：”开头，却未读作名单');
    expect(review).toContain('第 25–41 行：表格按原文照录');
  });

  it('a names correction lists the people of the line under its role; a table correction rebuilds the rows', () => {
    const r = ingestList('corrections:\n  - kind: names\n    line: 13\n    names: [李四, 王五]\n    why: 两个名字之间缺空格\n  - kind: table\n    lines: [25, 41]\n    columns: 3\n    why: 每个单元格占一行\n');
    expect(r.problems).toEqual([]);
    expect(r.notices[0].notice.personnel).toEqual([
      { role: '组长', name: '张三', title: '县长' },
      { role: '副组长', name: '李四', title: '' },
      { role: '副组长', name: '王五', title: '副县长' },
      { role: '成员', name: '赵六', title: '县财政局局长' },
      { role: '成员', name: '钱七', title: '县教育局局长' },
    ]);
    const table = blocks(r).find((b) => b.kind === 'table');
    expect(table).toEqual({ kind: 'table', header: [['序号', '单位', '分工']], rows: [['1', '县财政局', '牵头'], ['2', '县教育局', '配合']], lines: [25, 41] });
    expect(r.files.get('review/weixian-gazette-2023-02.md')).toContain('第 25–41 行 table：每个单元格占一行');
  });

  it('a correction that does not fit what is printed is a problem, not a silent no-op', () => {
    const r = ingestList('corrections:\n  - kind: names\n    line: 13\n    names: [李四, 王六]\n    why: x\n  - kind: table\n    lines: [25, 41]\n    columns: 4\n    why: y\n');
    expect(r.problems.map(formatProblem)).toEqual([
      'seeds/weixian-gazette-2023-02.corrections.yaml:2: expected the names correction of line 13 to apply, but line 13 does not print 王六 after 李四: “副组长：李四王五 副县长”',
      'seeds/weixian-gazette-2023-02.corrections.yaml:6: expected the table correction of lines 25–41 to apply, but lines 25–41 hold 9 cells, not a whole number of rows of 4',
    ]);
  });

  it('a table correction may give the heads and widths; one that admits no single reading is a problem', () => {
    // Widths that make `县财政局` / `牵头` two cells: the 单位 column 4 wide, 分工 2.
    const ok = ingestList('corrections:\n  - kind: table\n    lines: [25, 41]\n    heads: [序号, 单位, 分工]\n    widths: [0, 4, 2]\n    why: 量得列宽\n');
    expect(ok.problems).toEqual([]);
    const table = blocks(ok).find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.rows).toEqual([['1', '县财政局', '牵头'], ['2', '县教育局', '配合']]);
    expect(table && table.kind === 'table' && table.evidence).toMatch(/^3 列、2 行：.*表头按校正/);
    // Heads alone do not decide it: the lines still read two ways.
    const loose = ingestList('corrections:\n  - kind: table\n    lines: [25, 41]\n    heads: [序号, 单位, 分工]\n    why: 表头\n');
    expect(loose.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^seeds\/weixian-gazette-2023-02\.corrections\.yaml:2: expected the table correction of lines 25–41 to apply, but with the heads 序号 \| 单位 \| 分工, more than one reading fits in 3 columns/),
    ]);
  });
});

describe('corrections of lists: a list line without a label, a list that is not one', () => {
  // Seed lines (a blank line after each): 11 组长, 13 成员 (one member), 15 a member printed with
  // his title glued and no label, 17 a closing sentence.
  const SEED = [
    ' 威县人民政府办公室', '关于成立某某工作领导小组的通知', '威政办字〔2023〕3 号 2023 年 3 月 1 日', '各乡、镇人民政府：',
    '为加强领导，决定成立某某工作领导小组。组成人员如下：', '组 长：张三 县长', '成 员：赵六 县财政局局长', '孙八县公安局副局长', '特此通知。',
  ].join('\n\n');
  function ingestWith3(corrections?: string) {
    const dir = newSeedsDir();
    writeFileSync(join(dir, 'weixian-gazette-2023-03.txt'), SEED);
    if (corrections !== undefined) writeFileSync(join(dir, 'weixian-gazette-2023-03.corrections.yaml'), corrections);
    return ingestDir(dir);
  }

  it('a names correction with a role lists the people of a line that prints no label', () => {
    expect(ingestWith3().notices[0].notice.personnel.map((p) => p.name)).toEqual(['张三', '赵六']);
    const r = ingestWith3('corrections:\n  - kind: names\n    line: 15\n    names: [孙八]\n    role: 成员\n    why: 名字与职务之间缺空格\n');
    expect(r.problems).toEqual([]);
    expect(r.notices[0].notice.personnel).toEqual([
      { role: '组长', name: '张三', title: '县长' },
      { role: '成员', name: '赵六', title: '县财政局局长' },
      { role: '成员', name: '孙八', title: '县公安局副局长' },
    ]);
  });

  it('a not-a-list correction turns a list back into text, and names its whole extent when it is wrong', () => {
    // The 组长 and 成员 lines (11 and 13) are read as one list.
    const r = ingestWith3('corrections:\n  - kind: not-a-list\n    lines: [11, 13]\n    why: 示例\n');
    expect(r.problems).toEqual([]);
    expect(r.notices[0].notice.personnel).toEqual([]);
    expect(r.notices[0].sections[0].blocks.find((b) => b.lines[0] === 11)).toEqual({ kind: 'paragraph', text: '组长：张三县长成员：赵六县财政局局长', lines: [11, 13] });
    const wrong = ingestWith3('corrections:\n  - kind: not-a-list\n    lines: [11, 11]\n    why: 示例\n');
    expect(wrong.problems.map(formatProblem)).toEqual([
      'seeds/weixian-gazette-2023-03.corrections.yaml:2: expected the not-a-list correction of line 11 to apply, but the list runs over lines 11–13: name all of it (lines: [11, 13])',
    ]);
  });
});

describe('a table correction placing the rows of a table without 序号', () => {
  // A 分级标准 table: 级别 (broken by hand, letter-spaced `一 般`) and 响应 merged over the
  // 类别 rows of a level; 标准's items each on a new line; `引起不良` ends short of its column.
  const table = flattenTable(GRADES_TABLE).map((l) => l.text);
  const head = [' 威县人民政府办公室', '关于印发某某应急预案的通知', '威政办字〔2023〕4 号 2023 年 4 月 1 日', '各乡、镇人民政府：', '现将《某某应急预案》印发给你们，请认真贯彻执行。', '附件：分级标准', '附件', '分级标准'];
  const SEED = [...head, ...table].join('\n\n');
  // Seed lines: a blank line after each, so the table's k-th line is line 2 × (8 + k) + 1.
  const at = (text: string) => 2 * (head.length + table.indexOf(text)) + 1;
  const [first, last] = [at('级别 类别 标准 响应'), at(table.at(-1)!)];
  function ingestTable(corrections?: string) {
    const dir = newSeedsDir();
    writeFileSync(join(dir, 'weixian-gazette-2023-04.txt'), SEED);
    if (corrections !== undefined) writeFileSync(join(dir, 'weixian-gazette-2023-04.corrections.yaml'), corrections);
    return ingestDir(dir);
  }
  const correction = (rows: string, more = '') =>
    `corrections:\n  - kind: table\n    lines: [${first}, ${last}]\n    heads: [级别, 类别, 标准, 响应]\n    widths: [4, 0, 0, 0]\n    rows: ${rows}\n${more}    why: 无序号列\n`;
  const rows = `[${at('重大')}, { line: ${at('医疗')}, merged: [级别, 响应] }, ${at('一 般')}, { line: ${at('疫苗')}, merged: [级别, 响应] }]`;
  const full = `    byHand: [级别]\n    shortLines: [${at('1.同一批号疫苗引起不良')}]\n`;

  it('without it the table is kept as source lines; with it, read cell by cell and listed in the review', () => {
    const raw = ingestTable();
    expect(raw.problems).toEqual([]);
    expect(raw.notices[0].sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'raw')).toHaveLength(1);
    const r = ingestTable(correction(rows, full));
    expect(r.problems).toEqual([]);
    const t = r.notices[0].sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table');
    if (!t || t.kind !== 'table') throw new Error('not rebuilt');
    expect(t.header).toEqual([['级别', '类别', '标准', '响应']]);
    expect(t.rows).toEqual([
      ['重大事件（Ⅱ级）', '药品', '1.批号相对集中的同一药品引起不良事件的人数超过30人。2.其他危害严重的重大药品质量安全事件。', '省政府启动Ⅱ级响应'],
      ['', '医疗器械', '1.同一批号产品短期内引起患者死亡，且在同一区域内出现类似事件。2.其他危害严重的医疗器械安全突发事件。', ''],
      ['一般事件（Ⅳ级）', '药品', '1.同一批号药品引起不良事件的人数超过10人。2.其他一般药品质量安全事件。', '县政府启动Ⅳ级响应'],
      ['', '疫苗', '1.同一批号疫苗引起不良事件的人数超过3人，疑似与质量相关的事件。', ''],
    ]);
    expect(r.files.get('review/weixian-gazette-2023-04.md')).toContain(`第 ${first}–${last} 行 table：无序号列`);
  });

  it('one that no longer fits what is printed, or admits no single reading, is a problem on its line', () => {
    const problems = (yaml: string) => ingestTable(yaml).problems.map(formatProblem);
    const on = `seeds/weixian-gazette-2023-04.corrections.yaml:2: expected the table correction of lines ${first}–${last} to apply, but`;
    expect(problems(correction(rows))).toEqual([`${on} with the heads 级别 | 类别 | 标准 | 响应, no split of the rows into columns fits one width per column (0 row readings tried)`]);
    expect(problems(correction(`[${at('重大')}, { line: ${at('医疗')}, at: 器具 }]`, full))).toEqual([`${on} line ${at('医疗')} does not print “器具”: “医疗”`]);
    expect(problems(correction(`[${at('重大')}, { line: ${at('医疗')}, merged: [响应级别] }]`, full))).toEqual([`${on} the row at line ${at('医疗')}: merged: 响应级别 is not one of its heads (级别, 类别, 标准, 响应)`]);
    expect(problems(correction(`[${at('医疗')}, ${at('重大')}]`, full))).toEqual([`${on} the rows must start in order: line ${at('重大')} comes after line ${at('医疗')}`]);
    expect(problems(correction(rows, `    byHand: [级别]\n    shortLines: [${at('1.同一批号疫苗引起不良')}, ${at('1.批号相对集中的同一药品')}]\n`))).toEqual([
      `${on} with the heads 级别 | 类别 | 标准 | 响应, line ${at('1.批号相对集中的同一药品')}, said to end short, fills its column (12 字)`,
    ]);
    expect(problems(`corrections:\n  - kind: table\n    lines: [${first}, ${last}]\n    columns: 4\n    byHand: [级别]\n    why: x\n`)).toEqual([
      `${on} it gives rows, byHand or shortLines without the heads they name: give the heads (heads: [...])`,
    ]);
  });
});
