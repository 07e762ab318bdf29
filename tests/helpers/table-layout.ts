// Lays a table out as the PDF's text extraction gives it (seeds/weixian-gazette-2022-02.txt,
// 16号 附件2): the header's heads on one line, then row by row and, within a row, column by
// column, each cell wrapped at its column's width (in ems: CJK 1, ASCII 0.5) with no line
// starting with closing punctuation (the typesetter keeps it on the line before); the 序号
// alone on its line; a merged cell ('' in the rows it spans) printed only in its first row;
// a `\n` in a cell a line break set by hand; a blank line after every line. Deterministic.
import { displayWidth } from '../../scripts/ingest/text-width.ts';
import type { SourceLine } from '../../scripts/ingest/types.ts';

export interface TableSpec {
  /** The heads, as printed on the header line. */
  heads: string[];
  /** Each column's width in ems. */
  widths: number[];
  /** Rows of cells; '' for a cell merged with the one above it. */
  rows: string[][];
}

const NO_START = /^[，。、；：！？）”’》]/;

/** A cell's text wrapped at `width` ems. */
export function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const c of text) {
    if (line && displayWidth(line + c) > width && !NO_START.test(c)) {
      lines.push(line);
      line = '';
    }
    line += c;
  }
  if (line) lines.push(line);
  return lines;
}

/** The table's lines as the extraction prints them, numbered from `firstLine` (a blank after each). */
export function flattenTable(spec: TableSpec, firstLine = 1): SourceLine[] {
  const texts: string[] = [spec.heads.join(' ')];
  // A `\n` in a cell is a break set by hand (a new numbered item, a centred title's line):
  // each part wraps on its own; the first column is printed as given.
  for (const row of spec.rows) row.forEach((cell, c) => cell && texts.push(...cell.split('\n').flatMap((part) => (c === 0 ? [part] : wrapCell(part, spec.widths[c])))));
  return texts.map((text, k) => ({ line: firstLine + 2 * k, text, pageStart: false }));
}

/**
 * A 分级标准 table in the shape of 25号 附件1: no 序号 column, so where a row starts is not
 * printed; 级别 and 响应 merged over the 类别 rows of one level; 级别 broken by hand (centred,
 * letter-spaced `一 般`); 标准 holding numbered items, each on a new line.
 */
export const GRADES_TABLE: TableSpec = {
  heads: ['级别', '类别', '标准', '响应'],
  widths: [4, 2, 12, 4],
  rows: [
    ['重大\n事件\n（Ⅱ级）', '药品', '1.批号相对集中的同一药品引起不良事件的人数超过30人。\n2.其他危害严重的重大药品质量安全事件。', '省政府启动Ⅱ级响应'],
    ['', '医疗器械', '1.同一批号产品短期内引起患者死亡，且在同一区域内出现类似事件。\n2.其他危害严重的医疗器械安全突发事件。', ''],
    ['一 般\n事 件\n（Ⅳ级）', '药品', '1.同一批号药品引起不良事件的人数超过10人。\n2.其他一般药品质量安全事件。', '县政府启动Ⅳ级响应'],
    // The PDF broke `不良/事件` early: the line ends a character short of the column.
    ['', '疫苗', '1.同一批号疫苗引起不良\n事件的人数超过3人，疑似与质量相关的事件。', ''],
  ],
};
