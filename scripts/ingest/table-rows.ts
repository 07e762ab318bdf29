// Where the rows of a flattened 序号 table start. The PDF prints a table row by row, and
// within a row column by column, so a row begins at the line that opens with its 序号 (the
// next integer). A merged 序号 cell spans several printed rows; they are told apart by a
// numbering that runs through the whole table in a later column (`1.编制…` … `20.制定…`):
// such a number continuing the sequence at the start of a line starts a row of its own. A
// table broken over pages reprints its header (all its lines, as printed first) at the top
// of the next page, and may reprint the merged cells of the row it was in (the same 序号 again).
import type { SourceLine } from './types.ts';

/** One printed row of a table: its source lines, and how it was recognised. */
export interface RowLines {
  /** `seq` opens with the 序号; `item` with the table-wide item number (its 序号 is merged
   *  above); `header` is the column header (first, or reprinted at a page start). */
  kind: 'header' | 'seq' | 'item' | 'given';
  /** The 序号 or item number as printed; absent for a header. */
  key?: string;
  /** A `given` row (placed by an archivist): the columns whose cell is merged with the one above. */
  merged?: number[];
  lines: SourceLine[];
}

const SEQ = /^(\d{1,3})(?:\s|$)/;
/** How far a 序号 may jump past lost ones and still open a group of source lines. */
const MAX_SKIP = 3;
const ITEM = /^(\d{1,3})[.．、](?!\d)/;

/**
 * The rows of a table region whose first line opens with `序号`, or undefined when its rows
 * do not follow one another in order (a 序号 skipped or out of place: the text cannot tell
 * which lines belong together).
 */
export function tableRows(region: SourceLine[]): RowLines[] | undefined {
  const first = region.findIndex((l) => SEQ.exec(l.text)?.[1] === '1');
  if (first <= 0) return undefined;
  const header = region.slice(0, first);
  const headerText = header.map((l) => l.text);
  // Item numbers count only when row 1 itself holds item 1 after its 序号 line.
  const rowOne = region.slice(first, region.findIndex((l, k) => k > first && SEQ.exec(l.text)?.[1] === '2'));
  const itemsRun = rowOne.slice(1).some((l) => ITEM.exec(l.text)?.[1] === '1');
  const rows: RowLines[] = [{ kind: 'header', lines: header }];
  let seq = 0;
  let item = 0;
  for (let i = first; i < region.length; ) {
    const l = region[i];
    if (i > first && headerText.every((t, k) => region[i + k]?.text.trim() === t.trim())) {
      rows.push({ kind: 'header', lines: region.slice(i, i + header.length) });
      i += header.length;
      continue;
    }
    const s = SEQ.exec(l.text)?.[1];
    const m = ITEM.exec(l.text)?.[1];
    const afterHeader = rows.at(-1)!.kind === 'header' && rows.length > 1;
    if (s !== undefined && (Number(s) === seq + 1 || (afterHeader && Number(s) === seq))) {
      seq = Number(s);
      rows.push({ kind: 'seq', key: s, lines: [l] });
    } else if (itemsRun && m !== undefined && Number(m) === item + 1 && rows.at(-1)!.kind !== 'header') {
      item = Number(m);
      // An item that opens its 序号's row belongs to that row (the `seq` row above it is the
      // 序号 and its merged cells); only a later item starts a row.
      const last = rows.at(-1)!;
      if (last.kind === 'seq' && !last.lines.some((x) => ITEM.test(x.text))) last.lines.push(l);
      else rows.push({ kind: 'item', key: m, lines: [l] });
    } else if (rows.length === 1 || rows.at(-1)!.kind === 'header') {
      return undefined; // text after a header that opens no row
    } else {
      if (s !== undefined && SEQ.test(l.text) && l.text.trim() === s && Number(s) !== seq) return undefined;
      rows.at(-1)!.lines.push(l);
    }
    i++;
  }
  return rows;
}

/**
 * The source lines of a table that could not be read, grouped for the page by printed row:
 * the lines before the first 序号, then a group at each line opening with the next 序号 (or
 * one a little further: a 序号 lost runs two rows into one group, never splits one).
 */
export function sourceRows(region: SourceLine[]): SourceLine[][] {
  const groups: SourceLine[][] = [[]];
  let seq = 0;
  for (const l of region) {
    const s = Number(SEQ.exec(l.text)?.[1] ?? NaN);
    // The next 序号, or one a few further on (the rows between lost their own): a larger
    // number is a quantity that wrapped to the start of a line (`362 万 m³`).
    if (s > seq && s <= seq + MAX_SKIP && (seq > 0 || s === 1)) {
      seq = s;
      groups.push([]);
    }
    groups.at(-1)!.push(l);
  }
  return groups.filter((g) => g.length > 0);
}

/** Where a row starts, as an archivist saw it in the printed table (a `table` correction's `rows`). */
export interface RowStart {
  line: number;
  /** The row starts inside the line, at this text (two cells printed on one line without a space). */
  at?: string;
  /** Columns whose cell is merged with the one above (empty in this row). */
  merged: number[];
}

/**
 * The rows of a table region whose rows start where an archivist said (a table without a 序号
 * column, where the start of a row is not printed): the lines before the first start are the
 * header, a header printed again at a page start is a header row where it stands. Returns the
 * rows, or what does not fit the region.
 */
export function givenRows(region: SourceLine[], starts: RowStart[]): RowLines[] | string {
  const lines = [...region];
  const at: number[] = [];
  for (const s of starts) {
    const k = lines.findIndex((l) => l.line === s.line);
    if (k < 0) return `line ${s.line} is not a line of the table`;
    if (at.length > 0 && k <= at.at(-1)!) return `the rows must start in order: line ${s.line} comes after line ${lines[at.at(-1)!].line}`;
    if (s.at !== undefined) {
      // The line is shared: the text before `at` ends the row above, the rest opens this row.
      const text = lines[k].text;
      const i = text.indexOf(s.at);
      if (i < 0) return `line ${s.line} does not print “${s.at}”: “${text.trim()}”`;
      if (text.slice(0, i).trim() === '') return `line ${s.line} opens with “${s.at}”: leave out at`;
      lines.splice(k, 1, { ...lines[k], text: text.slice(0, i).trimEnd() }, { ...lines[k], text: text.slice(i), pageStart: false });
      at.push(k + 1);
    } else at.push(k);
  }
  if (at[0] === 0) return 'the first row starts on the table\'s first line: the header is the lines before it';
  const header = lines.slice(0, at[0]);
  const headerText = header.map((l) => l.text.trim());
  const rows: RowLines[] = [{ kind: 'header', lines: header }];
  for (const [r, s] of starts.entries()) {
    const own = lines.slice(at[r], at[r + 1] ?? lines.length);
    // A header printed again (at a page start) after the row's lines: a header row after it.
    const h = own.findIndex((_, k) => k > 0 && headerText.every((t, j) => own[k + j]?.text.trim() === t));
    if (h >= 0 && h + header.length < own.length) return `the header is printed again inside the row starting at line ${s.line} (line ${own[h].line}): give the row after it a start`;
    rows.push({ kind: 'given', merged: s.merged, lines: h < 0 ? own : own.slice(0, h) });
    if (h >= 0) rows.push({ kind: 'header', lines: own.slice(h) });
  }
  return rows;
}
