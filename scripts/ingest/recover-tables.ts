// Flattened tables: the PDF printed one cell per line, a cell that wrapped inside its column as
// several lines, and sometimes several cells of a row on one line separated by spaces. Without
// x positions, a line is put in a column when the table's shape says where it goes (a phone
// number, a row of numbers) or when the widths of the lines admit exactly one reading
// (./table-reading.ts). Other tables are kept as a `raw` block, their lines grouped by row: a
// wrong cell would be worse than an unparsed table.
import { normalizeTitle } from './parse-header.ts';
import { personNameOf, startsNotice } from './recover-personnel.ts';
import { splitCells } from './table-cells.ts';
import { readTable } from './table-reading.ts';
import { sourceRows, tableRows } from './table-rows.ts';
import type { Block, SourceLine } from './types.ts';

export { splitCells };

type TableBlock = Extract<Block, { kind: 'table' | 'raw' }>;
type Parsed = { header: string[][]; rows: string[][]; end: number; headerAt?: number[]; rowLines?: [number, number][]; evidence?: string } | { reason: string };

// Header lines a table can start with: `序号 …`, `级别 类别 标 准`, a lone `单位` column head.
const TABLE_START = /^序\s*号(\s|$)|^级\s*别\s+类\s*别(\s|$)|^单\s*位$/;
// What ends a table region: an attachment marker, a numbered heading, or the next notice
// (its issuer line: `威县人民政府办公室`).
const ATTACHMENT = /^附\s*件\s*\d*\s*[:：]/;
const HEADING = /^([一二三四五六七八九十]+、|第[一二三四五六七八九十百]+[章节条])/;
const NUMBER = /^\d+(\.\d+)?$/;
const PHONE = /^\d{3,4}-?\d{7,8}$|^\d{7,11}$/;

function isBoundary(lines: SourceLine[], i: number): boolean {
  return ATTACHMENT.test(lines[i].text) || HEADING.test(lines[i].text) || startsNotice(lines, i);
}

/** Lines of one cell joined: wrapped Chinese joins without a space. */
function cellText(parts: string[]): string {
  return normalizeTitle(parts.join(' '));
}

/**
 * A contact table (`序号 单 位 主管领导 联系电话 联络人 联系电话`): one cell per line, but every
 * row ends its person columns with a phone number, and a person cell starts with a name line,
 * so each line's column is known. Any row that does not fit makes the whole table raw.
 */
function parseContactTable(lines: SourceLine[], start: number, end: number): Parsed {
  const header = splitCells(lines[start].text);
  const kinds = header.map((h) =>
    /序号/.test(h) ? 'seq' : /电话/.test(h) ? 'phone' : /领导|联络人|联系人|负责人|姓名/.test(h) ? 'person' : 'text',
  );
  if (kinds[0] !== 'seq' || !kinds.includes('phone')) return { reason: 'not a contact table' };
  const rows: string[][] = [];
  let i = start + 1;
  while (i < end) {
    const at = `row ${rows.length + 1} (seed line ${lines[i].line})`;
    const first = /^(\d+)(?: (.+))?$/.exec(lines[i].text);
    if (!first || Number(first[1]) !== rows.length + 1) return { reason: `${at}: expected row number ${rows.length + 1}` };
    const row = [first[1]];
    // Text of the current line not yet assigned: `1 县财政局` carries the 单位 cell's start.
    let carried: string | undefined = first[2];
    i++;
    for (let c = 1; c < kinds.length; c++) {
      const parts: string[] = [];
      if (carried !== undefined) parts.push(carried);
      carried = undefined;
      if (kinds[c] === 'phone') {
        if (parts.length === 0 && i < end && PHONE.test(lines[i].text)) parts.push(lines[i++].text);
        if (parts.length !== 1 || !PHONE.test(parts[0])) return { reason: `${at}: no phone number for ${header[c]}` };
        row.push(parts[0]);
        continue;
      }
      // A cell runs until the next column's first line: a phone number, or a name line
      // when the next column is a person column.
      const stops = (text: string) =>
        kinds[c + 1] === 'phone' ? PHONE.test(text) : kinds[c + 1] === 'person' ? personNameOf(text) !== null : false;
      while (i < end && !stops(lines[i].text) && !/^\d+( |$)/.test(lines[i].text)) parts.push(lines[i++].text);
      if (parts.length === 0) return { reason: `${at}: empty ${header[c]} cell` };
      if (kinds[c] === 'person') {
        const name = personNameOf(parts[0]);
        if (!name) return { reason: `${at}: ${header[c]} cell does not start with a name` };
        // Name and post were set on separate lines of the cell: keep them apart with a space.
        const post = cellText(parts.slice(1));
        row.push(post ? `${name} ${post}` : name);
      } else {
        row.push(cellText(parts));
      }
    }
    rows.push(row);
  }
  if (rows.length < 2) return { reason: 'fewer than two rows' };
  return { header: [header], rows, end: i };
}

/** `常屯乡 200 40 160`: a row label followed by numbers only. */
function numericCells(text: string): string[] | null {
  const cells = splitCells(text);
  if (cells.length < 2 || /\d/.test(cells[0]) || !cells.slice(1).every((c) => NUMBER.test(c))) return null;
  return cells;
}

/**
 * A numbers table (`全县 5500 1500 4000`): every data row is a label plus one number per column,
 * so the column count is known; header lines fill columns from the right (the lone `单位` line
 * heads the label column of the next header line that is one cell short).
 */
function parseNumberTable(lines: SourceLine[], start: number, end: number): Parsed {
  let first = start;
  while (first < end && !numericCells(lines[first].text)) first++;
  if (first === end) return { reason: 'no row of numbers' };
  const width = numericCells(lines[first].text)!.length;
  const rows: string[][] = [];
  let i = first;
  for (; i < end; i++) {
    const cells = numericCells(lines[i].text);
    if (!cells) break;
    if (cells.length !== width) {
      return { reason: `seed line ${lines[i].line}: ${cells.length - 1} numbers where other rows have ${width - 1}` };
    }
    rows.push(cells);
  }
  const header: string[][] = [];
  let pending: string[] = [];
  for (let h = start; h < first; h++) {
    const cells = splitCells(lines[h].text);
    if (pending.length + cells.length === width) {
      header.push([...pending, ...cells]);
      pending = [];
    } else if (pending.length === 0 && cells.length === width - 1 && header.length > 0) {
      header.push(['', ...cells]); // label column merged with the header row above
    } else if (pending.length + cells.length < width && header.length === 0) {
      pending.push(...cells);
    } else {
      return { reason: `header line ${lines[h].line} does not fit ${width} columns` };
    }
  }
  if (pending.length > 0 || header.length === 0) return { reason: 'header does not fit the columns' };
  return { header, rows, end: i };
}

/**
 * Any 序号 table whose cells wrap: rows start at their 序号, and the cells are read from the
 * widths of the lines (./table-reading.ts) when exactly one reading fits.
 */
function parseWidthTable(lines: SourceLine[], start: number, end: number): Parsed {
  if (!/^序\s*号/.test(lines[start].text)) return { reason: 'it has no 序号 column, so where each row starts is not printed' };
  const rows = tableRows(lines.slice(start, end));
  if (!rows) return { reason: 'its 序号 do not run 1, 2, 3 … at the starts of lines' };
  return tableFromReading(readTable(rows, cellText), end);
}

/** A reading (./table-reading.ts) as the parsed table: header reprints kept where printed. */
export function tableFromReading(read: ReturnType<typeof readTable>, end: number): Parsed {
  if ('reason' in read) return read;
  const rows: string[][] = [];
  const rowLines: [number, number][] = [];
  const headerAt: number[] = [];
  for (const row of read.rows.slice(1)) {
    if (row.kind === 'header') headerAt.push(rows.length);
    rows.push(row.cells);
    rowLines.push(row.lines);
  }
  return { header: [read.header], rows, end, rowLines, evidence: read.evidence, ...(headerAt.length ? { headerAt } : {}) };
}

/** Why a region that no parser accepted stays raw, in terms a reader of the page can check. */
function rawReason(lines: SourceLine[], start: number, end: number, reasons: string[]): string {
  const region = lines.slice(start, end);
  const counts = new Set(region.map((l) => splitCells(l.text)).filter((c) => c.length > 1 && NUMBER.test(c[c.length - 1])).map((c) => c.filter((x) => NUMBER.test(x)).length));
  if (counts.size > 1) {
    return 'rows print only their non-empty numbers, so which column each number belongs to is lost in the flattened text';
  }
  return `cells wrap over several lines and merged cells span rows; which column each line belongs to cannot be recovered with confidence (${reasons.at(-1)})`;
}

/**
 * The end (index after the last line) of the table region that starts at `start`, or undefined
 * when no table starts there: a table runs from its header to the next attachment marker,
 * numbered heading or notice. Also what bench/synth.ts keeps its inserted lines out of.
 */
export function tableRegionEnd(lines: SourceLine[], start: number): number | undefined {
  if (!TABLE_START.test(lines[start].text)) return undefined;
  // `单位` alone is only a table head when the next line holds several column heads.
  if (/^单\s*位$/.test(lines[start].text) && splitCells(lines[start + 1]?.text ?? '').length < 2) return undefined;
  let end = start + 1;
  while (end < lines.length && !isBoundary(lines, end)) end++;
  return end;
}

export function matchTable(lines: SourceLine[], start: number): { block: TableBlock; end: number } | null {
  const end = tableRegionEnd(lines, start);
  if (end === undefined) return null;
  const lineRange = (to: number): [number, number] => [lines[start].line, lines[to - 1].line];
  const reasons: string[] = [];
  for (const parse of [parseContactTable, parseNumberTable, parseWidthTable]) {
    const parsed = parse(lines, start, end);
    if ('header' in parsed) {
      const { header, rows, headerAt, rowLines, evidence } = parsed;
      return { block: { kind: 'table', header, rows, ...(headerAt ? { headerAt } : {}), ...(rowLines ? { rowLines } : {}), ...(evidence ? { evidence } : {}), lines: lineRange(parsed.end) }, end: parsed.end };
    }
    reasons.push(parsed.reason);
  }
  const source = lines.slice(start, end);
  return {
    block: { kind: 'raw', reason: rawReason(lines, start, end, reasons), source, groups: sourceRows(source), lines: lineRange(end) },
    end,
  };
}
