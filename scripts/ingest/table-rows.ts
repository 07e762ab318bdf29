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
  kind: 'header' | 'seq' | 'item';
  /** The 序号 or item number as printed; absent for a header. */
  key?: string;
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
