// Notice boundaries from the documents' own structure (GB/T 9704 as a gazette prints it): each
// case is a small issue written by hand after real notices, with the boundaries and headers
// expected from reading it.
import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../scripts/ingest/parse-header.ts';
import { splitIssue } from '../../scripts/ingest/split-issue.ts';
import type { SourceLine } from '../../scripts/ingest/types.ts';

const lines = (text: string): SourceLine[] =>
  text
    .trim()
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t.trim(), pageStart: false }));

function read(text: string) {
  const all = lines(text);
  const { spans, problems } = splitIssue('seeds/t.txt', all);
  const notices = spans.map((s) => {
    const { header, problems: p } = parseHeader('seeds/t.txt', all, s);
    problems.push(...p);
    return { first: all[s.start].line, last: all[s.end - 1].line, issuers: header?.issuers, title: header?.title, docNo: header?.docNo, date: header?.date, type: header?.type };
  });
  return { notices, problems: problems.map((p) => `${p.line}: ${p.message}`) };
}

describe('splitIssue', () => {
  it('splits on issuers that are not a government: a 县委办公室, a 局, a 指挥部', () => {
    const { notices, problems } = read(`
      中共某县县委办公室
      关于做好春节期间有关工作的通知
      某办字〔2023〕3 号 2023 年 1 月 10 日
      各乡镇党委：
      现将有关事项通知如下。
      某县教育局
      关于公布第一批优秀教师名单的决定
      某教字〔2023〕7 号 2023 年 2 月 1 日
      经研究，决定如下。
      某县防汛抗旱指挥部
      关于进入汛期的通告
      2023 年 6 月 1 日
      即日起进入汛期。
    `);
    expect(problems).toEqual([]);
    expect(notices).toEqual([
      { first: 1, last: 5, issuers: ['中共某县县委办公室'], title: '关于做好春节期间有关工作的通知', docNo: '某办字〔2023〕3号', date: '2023-01-10', type: '通知' },
      { first: 6, last: 9, issuers: ['某县教育局'], title: '关于公布第一批优秀教师名单的决定', docNo: '某教字〔2023〕7号', date: '2023-02-01', type: '决定' },
      { first: 10, last: 13, issuers: ['某县防汛抗旱指挥部'], title: '关于进入汛期的通告', docNo: undefined, date: '2023-06-01', type: '通告' },
    ]);
  });

  it('keeps joint issuers, on one line or on several, as a list in printed order', () => {
    const { notices } = read(`
      中共某县县委办公室 某县人民政府办公室
      关于印发某某方案的通知
      某办字〔2023〕5 号 2023 年 3 月 1 日
      正文。
      中共某县县委办公室
      某县人民政府办公室
      关于进一步加强安全生产工作的意见
      某办发〔2023〕6 号 2023 年 3 月 2 日
      正文。
    `);
    expect(notices.map((n) => [n.first, n.issuers, n.type])).toEqual([
      [1, ['中共某县县委办公室', '某县人民政府办公室'], '通知'],
      [5, ['中共某县县委办公室', '某县人民政府办公室'], '意见'],
    ]);
  });

  it('reads titles of any length and shape, in traditional characters too', () => {
    const { notices, problems } = read(`
      某县人民政府
      关于同意某某镇某某村
      实施某某项目
      并调整某某用地
      规划及某某事项
      涉及的某某问题
      的批复
      某政函〔2023〕9 号 2023 年 4 月 1 日
      某某镇人民政府：
      同意。
      某縣人民政府辦公室
      關於印發某某辦法的通知
      某政辦字〔2023〕10 號 2023 年 4 月 2 日
      正文。
      某县人民政府
      某县人民政府公告
      （第 1 号）
      2023 年 5 月 4 日
      正文。
    `);
    expect(problems).toEqual([]);
    expect(notices.map((n) => [n.first, n.title, n.type])).toEqual([
      [1, '关于同意某某镇某某村实施某某项目并调整某某用地规划及某某事项涉及的某某问题的批复', '批复'],
      [11, '關於印發某某辦法的通知', '通知'],
      [15, '某县人民政府公告', '公告'],
    ]);
    expect(notices[1].docNo).toBe('某政辦字〔2023〕10号');
  });

  it('reads dates in Chinese numerals, and a date under the 署名 when the header has none', () => {
    const { notices, problems } = read(`
      某县人民政府
      关于某某事项的通告
      某政通〔2022〕1 号 二〇二二年四月八日
      正文。
      某县人民政府
      关于某某事项的公告
      正文第一段。
      特此公告。
      某县人民政府
      二○一一年二月二十三日
    `);
    expect(problems).toEqual([]);
    expect(notices.map((n) => [n.first, n.last, n.docNo, n.date])).toEqual([
      [1, 4, '某政通〔2022〕1号', '2022-04-08'],
      [5, 10, undefined, '2011-02-23'],
    ]);
  });

  it('names a 文号 line that heads no notice, instead of merging it into the one above', () => {
    const { notices, problems } = read(`
      某县人民政府
      关于甲事项的通知
      某政字〔2023〕1 号 2023 年 1 月 5 日
      正文。
      某政字〔2023〕2 号 2023 年 1 月 6 日
      正文。
    `);
    expect(notices).toHaveLength(1);
    expect(problems).toEqual([
      '5: expected “某政字〔2023〕2 号 2023 年 1 月 6 日” to head a notice, but the line above it, “正文。”, does not end a title (a title ends in a 文种 such as 通知, 批复, 公告, or in the kind of document, such as 办法). If it is body text, mark it so in the seed\'s corrections file (see README “Correcting an issue”).',
    ]);
  });

  it('a duplicated 文号 line is a problem, not part of the 主送机关', () => {
    const { notices, problems } = read(`
      某县人民政府
      关于甲事项的通知
      某政字〔2023〕1 号 2023 年 1 月 5 日
      某政字〔2023〕1 号 2023 年 1 月 5 日
      各乡镇：
    `);
    expect(notices).toHaveLength(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^4: expected “某政字〔2023〕1 号 2023 年 1 月 5 日” to head a notice, but the line above it is a header line too/);
  });

  it('a title with its issuer in it, and a 文号 line with a 签发人', () => {
    const { notices, problems } = read(`
      某县人民政府关于某某事项的请示
      某政〔2023〕4 号 签发人：张三 2023 年 7 月 1 日
      市政府：
      正文。
    `);
    expect(problems).toEqual([]);
    expect(notices).toEqual([{ first: 1, last: 4, issuers: ['某县人民政府'], title: '某县人民政府关于某某事项的请示', docNo: '某政〔2023〕4号', date: '2023-07-01', type: '请示' }]);
  });

  it('a running-text line that starts with a 文号 is text, a header-like line that does not fit is a problem', () => {
    const { notices, problems } = read(`
      某县人民政府
      关于甲事项的通知
      某政字〔2023〕1 号 2023 年 1 月 5 日
      根据上级
      冀政办字〔2021〕84 号文件精神，现通知如下。
      某政字〔2023〕3 号 2023 年 13 月
    `);
    expect(notices).toHaveLength(1);
    expect(problems).toEqual([
      '6: expected a header line of a 文号 followed by nothing, a 成文日期 or a 签发人, found “2023 年 13 月” after 某政字〔2023〕3 号 in “某政字〔2023〕3 号 2023 年 13 月”. If it is body text, mark it so in the seed\'s corrections file (see README “Correcting an issue”).',
    ]);
  });

  it('reads a 命令: the name of the government and 令, its number, signed by its head', () => {
    const { notices, problems } = read(`
      某县人民政府令
      第 1 号
      《某县某某管理办法》已经 2023 年 1 月 5 日县政府第 1 次常务会议通过，现予公布，自公布之日起施行。
      县长 张三
      2023 年 1 月 10 日
      某县人民政府
      关于乙事项的通知
      某政字〔2023〕2 号 2023 年 1 月 12 日
      正文。
    `);
    expect(problems).toEqual([]);
    expect(notices).toEqual([
      { first: 1, last: 5, issuers: ['某县人民政府'], title: '某县人民政府令', docNo: undefined, date: '2023-01-10', type: '命令' },
      { first: 6, last: 9, issuers: ['某县人民政府'], title: '关于乙事项的通知', docNo: '某政字〔2023〕2号', date: '2023-01-12', type: '通知' },
    ]);
  });

  it('an impossible date is reported with its line', () => {
    const { problems } = read(`
      某县人民政府
      关于甲事项的通知
      某政字〔2023〕5 号 2023 年 2 月 30 日
      正文。
    `);
    expect(problems).toEqual(['3: expected a real calendar date, found 2023 年 2 月 30 日 (2023-2-30 does not exist)']);
  });
});
