// A 附件 printed without its title above it — the PDF's reading order put `附件：` and the title
// below its table, or the 附件 list names it and its content follows at once — still gets its
// heading above its content (and in 目录), from the 附件 list, marked as the site's own words
// (data-generated); the printed lines stay where they were printed. Layouts after real notices
// (a 推进方案 with its 指导目标 table as the one 附件).
import { describe, expect, test } from 'vitest';
import { emitMdx } from '../../scripts/ingest/emit-mdx.ts';
import { recoverSections } from '../../scripts/ingest/recover-sections.ts';
import { checkRoundTrip } from '../../scripts/ingest/round-trip.ts';
import { formatProblem } from '../../scripts/ingest/run.ts';
import type { SourceLine } from '../../scripts/ingest/types.ts';
import { fixtures, ingestDir } from '../helpers.ts';
import { join } from 'node:path';

const lines = (texts: string[]): SourceLine[] => texts.map((text, k) => ({ line: k + 1, text, pageStart: false }));

describe('a 附件 without its title above it', () => {
  test('its content right after the 附件 list, its label and title printed below: the heading comes from the list', () => {
    const text = lines([
      '各乡、镇人民政府，县直有关部门：',
      '现将《某某推进方案》印发给你们，请认真抓好落实。',
      // The list wrapped at the column width, as printed.
      '附件：2023 年全县某某发展指',
      '导目标',
      '单位 市场主体 企业',
      '甲镇 135 35',
      '乙乡 120 20',
      '附件：',
      '2023 年某县某某发展指导目标',
    ]);
    const found = recoverSections(text, 0, text.length, '关于印发某某推进方案的通知');
    expect(found.attachments).toEqual(['2023年全县某某发展指导目标']);
    const attachment = found.sections.find((s) => s.kind === 'attachment')!;
    expect(attachment.title).toBeUndefined();
    expect(attachment.listedTitle).toBe('附件：2023年全县某某发展指导目标');
    // Its lines run to the end: the printed 附件：+ title stay inside it, where they were printed.
    expect([attachment.bodyStart, attachment.end]).toEqual([4, 9]);
  });

  test('with several 附件, the label carries its number', () => {
    const text = lines(['正文。', '附件：1.甲表', '2.乙表', '序号 单位', '1 甲', '附件 2：', '乙表', '序号 单位', '1 乙']);
    const found = recoverSections(text, 0, text.length, '关于某某的通知');
    const attachments = found.sections.filter((s) => s.kind === 'attachment');
    expect(attachments.map((s) => [s.title, s.listedTitle])).toEqual([
      [undefined, '附件 1：甲表'],
      ['附件 2： 乙表', undefined],
    ]);
  });

  test('a 附件 printed with its marker and title above it keeps the printed heading only', () => {
    const text = lines(['正文。', '附件：甲表', '附件：', '甲表', '序号 单位', '1 甲']);
    const attachment = recoverSections(text, 0, text.length, '关于某某的通知').sections.find((s) => s.kind === 'attachment')!;
    expect(attachment.title).toBe('附件： 甲表');
    expect(attachment.listedTitle).toBeUndefined();
  });
});

describe('the heading from the list in the MDX', () => {
  const built = ingestDir(join(fixtures, 'seeds/good')).notices[0]!;
  const sections = [...built.sections, { kind: 'attachment' as const, id: 'attachment-9', listedTitle: '附件：某某目标', blocks: [{ kind: 'paragraph' as const, text: '表中文字', lines: [90, 90] as [number, number] }] }];
  const withListed = { ...built, sections };
  const mdx = emitMdx(built.notice, sections);

  test('is a heading in a data-generated block, above the content, and reads back', () => {
    expect(mdx).toContain('<section id="attachment-9" className="notice-section notice-attachment">\n  <div className="notice-listed-title" data-generated="true">\n    ## 附件：某某目标\n  </div>\n\n  表中文字\n</section>');
    expect(checkRoundTrip(mdx, withListed).map(formatProblem)).toEqual([]);
  });

  test('changed, or lost, it fails the round trip', () => {
    expect(checkRoundTrip(mdx.replace('## 附件：某某目标', '## 附件：别的目标'), withListed).map(formatProblem).join('\n')).toMatch(/the 附件 heading from the list reads “附件：别的目标” where “附件：某某目标” was written/);
    expect(checkRoundTrip(mdx.replace(/  <div className="notice-listed-title"[\s\S]*?<\/div>\n\n/, ''), withListed).map(formatProblem).join('\n')).toMatch(/expected a 附件 heading from the list “附件：某某目标”/);
  });
});
