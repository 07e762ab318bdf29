// Reading a flattened table back into cells from the widths of its lines. Each column of a
// printed table wraps its text at its own width, so every line of a cell but the last fills
// the column (within a character: a line may not start with punctuation, and the thin spaces
// around numbers vary), and no line of the column is wider. A row's lines come column by
// column; a reading splits them into the table's cells, a merged cell (spanning rows) being
// empty in the rows below its first. The reader tries every split of every row and every
// column count, and keeps the table only when exactly one reading fits all rows at once —
// otherwise the caller keeps the source lines.
import { personNameOf } from './recover-personnel.ts';
import { splitCells } from './table-cells.ts';
import { displayWidth } from './text-width.ts';
import type { RowLines } from './table-rows.ts';
import type { SourceLine } from './types.ts';

/** Slack for a line that fills its column but measures narrower: the thin spaces the PDF
 *  put around numbers and the width of digits are known only to about half an em. */
const FILL_SLACK = 0.5;
/** Punctuation that may not open a line, and that may not close one: a typesetter moves the
 *  character before it (or the mark itself) down, so the line above is one character short. */
const NO_LINE_START = /^.[，。、；：！？）”’》,.;:!?)]|^[“‘（《(]/;
/** More readings than this for one row: the row is too loose to read with confidence. */
const MAX_ROW_READINGS = 20000;
/** Steps of the search for one row's splits (see rowReadings). */
const MAX_WALK_STEPS = 250_000;
/**
 * …and of all the rows of one table, at every column count. The first seed's largest tables take
 * about 80,000 steps a row and 550,000 a table; a table past either budget is shown as its source lines
 * (with the reason), and an archivist can give its heads and widths in a `table` correction.
 */
const MAX_TABLE_STEPS = 1_500_000;

/** Work budgets of the reader: steps for one row's splits, and for the whole table. */
export interface StepLimits {
  row: number;
  table: number;
}
const STEP_LIMITS: StepLimits = { row: MAX_WALK_STEPS, table: MAX_TABLE_STEPS };
/** More search steps than this over the rows' readings: give up rather than guess. */
const MAX_STEPS = 200000;
/** A space inside a cell's line is the thin space the PDF set beside a number or a Latin
 *  word; a space between two Chinese characters is the gap between two cells. */
const ASCII_EDGE = /[\x21-\x7e]/;
/** Heads of columns that hold people: each of their cells is a name (or names). */
const PERSON_HEAD = /领导|负责人|责任人|联系人|联络人|姓名/;
/** Full-width punctuation a typesetter may set half-width to fit a line. */
const COMPRESSIBLE = /[，。、；：！？（）“”‘’《》]/g;

/** A piece of a printed line: the line itself or a part of it between spaces. */
interface Token {
  text: string;
  line: number;
  /** First / last token of its printed line. */
  opens: boolean;
  closes: boolean;
}

/** A cell as read: its printed lines (each the text of the tokens on one line). */
type Cell = string[];
type RowReading = Cell[];

/** What one row's reading asks of each column: the widths of its filled and last lines. */
interface Widths {
  least: number[];
  most: number[];
  /** Some cell of the column wraps in this reading: the column's width is measured. */
  wraps: boolean[];
}

/** The table as read: header cells, rows of cells, the column widths that decided it. */
export interface TableReading {
  header: string[];
  rows: { kind: RowLines['kind']; cells: string[]; lines: [number, number] }[];
  /** Each column's wrap width in ems (undefined when no cell of it wraps). */
  widths: (number | undefined)[];
  /** How many readings were tried and how many fit: the evidence for the review. */
  evidence: string;
}

function tokens(lines: SourceLine[], split: (text: string) => string[] = (text) => text.trim().split(/ +/)): Token[] {
  return lines.flatMap((l) => {
    const parts = split(l.text);
    return parts.map((text, k) => ({ text, line: l.line, opens: k === 0, closes: k === parts.length - 1 }));
  });
}

/** Widths of the lines seen (a cell line is measured many times while splits are tried). */
const measured = new Map<string, [narrowest: number, widest: number]>();

function measure(text: string): [number, number] {
  let m = measured.get(text);
  if (!m) {
    const full = displayWidth(text);
    m = [full - (text.match(COMPRESSIBLE)?.length ?? 0) / 2, full];
    if (measured.size > 100_000) measured.clear();
    measured.set(text, m);
  }
  return m;
}

/** The narrowest a printed line can have been: its punctuation set half-width. */
function narrowest(text: string): number {
  return measure(text)[0];
}

/** The widest a printed line can have been: every character at its full width. */
function widest(text: string): number {
  return measure(text)[1];
}

/**
 * Every split of a row's tokens into `columns` cells, in order; the cells after the 序号 may
 * be empty (merged above) up to the first filled one, except where `filled` says they must not. Tokens of one printed line stay on one
 * cell line; a cell goes on to the next printed line only from a line's last token. `leave`
 * says which lines need not fill their column and which columns were broken by hand (in this
 * reading's columns): a cell of such a column holds whole printed lines, letter-spacing and all.
 *
 * The splits are a search over the tokens: at each token the current cell goes on (on its line,
 * or wrapped to the next), or a new cell starts. What can follow depends only on the token, where
 * the current cell started and how many cells there are — the cell's text follows from its first
 * and current token, as at most one way goes on from each token — so the search is counted once
 * per such state (memoized), and the readings are then collected along the states that lead to
 * one. The work budgets count the steps the plain search would take (the states of its tree, with
 * repeats), so a row is too loose to read exactly when it was before; only checking is faster.
 */
function rowReadings(toks: Token[], columns: number, filled: (c: number) => boolean, header = false, leave: Leave = NONE, table: { steps: number; limits: StepLimits } = { steps: 0, limits: STEP_LIMITS }, checked: Map<number, boolean> = new Map()): RowReading[] | undefined {
  const T = toks.length;
  /**
   * Whether a cell ends (closes) or wraps (fills), by its first and last token and whether its
   * column was broken by hand: that is its text, so the answer holds for every state, column
   * count and pass over the row (`checked` is kept per row by readTable).
   */
  const check = (s: number, t: number, hand: boolean, wraps: boolean, test: () => boolean): boolean => {
    const k = ((s * (T + 1) + t) * 2 + (hand ? 1 : 0)) * 2 + (wraps ? 1 : 0);
    let found = checked.get(k);
    if (found === undefined) checked.set(k, (found = test()));
    return found;
  };
  // A state: token t, the current cell's first token s (−1 before the first cell), n cells.
  const key = (t: number, s: number, n: number) => (t * (T + 1) + s + 1) * (columns + 1) + n;
  /** Steps of the plain search under each state reached, and its readings (capped: only their
   *  comparison with the budgets counts). Only the states reached are kept: a long row has few. */
  const stepsUnder = new Map<number, number>();
  const readingsUnder = new Map<number, number>();
  const CAP = 1e15;
  const cells: RowReading = [];
  let start = -1;
  const out: RowReading[] = [];
  /**
   * The branches of the search at token t with `cells` as they are: each is entered through
   * `visit`, with the cells changed for it and restored after. Mirrors the plain search step by
   * step (see the comments): continue the current cell, or start a new one after empty cells.
   */
  const branches = (t: number, visit: (t: number) => void): void => {
    const n = cells.length;
    // Empty cells come only before the first filled one (after the 序号): the current cell is
    // never empty, so only the first cell, when it is the 序号, leaves the row leading.
    const leading = n === 0 || (n === 1 && filled(0));
    if (!leading && T - t < columns - n) return;
    const tok = toks[t];
    const current = cells.at(-1);
    const hand = current !== undefined && leave.hand(n - 1);
    // Continue the current cell: on the same printed line, or wrapped to the next one.
    if (current && current.length > 0) {
      const lastTok = toks[t - 1];
      /** The token as the cell's next line. */
      const wrap = (when: () => boolean = () => true) => {
        current.push(tok.text);
        if (when()) visit(t + 1);
        current.pop();
      };
      /** The token on the cell's last line, after a space. */
      const join = () => {
        const line = current[current.length - 1];
        current[current.length - 1] = `${line} ${tok.text}`;
        visit(t + 1);
        current[current.length - 1] = line;
      };
      // Heads sharing a line are separate heads; a head set over several lines stands alone
      // on each of them (heads are short and broken by hand, so they need not fill a line).
      if (header) {
        if (lastTok.opens && lastTok.closes && tok.opens && tok.closes && lastTok.line !== tok.line) wrap();
      } else if (hand) {
        // A line broken by hand is one cell line however it is spaced (`较 大 药`).
        if (lastTok.line === tok.line) join();
        else if (lastTok.closes && tok.opens) wrap();
      } else if (lastTok.line === tok.line && (ASCII_EDGE.test(lastTok.text.at(-1)!) || ASCII_EDGE.test(tok.text[0]))) join();
      // The line just ended was not the cell's last: it fills the column like the others.
      else if (lastTok.closes && tok.opens) wrap(() => check(start, t + 1, false, true, () => fills(current, leave)));
    }
    if (current && !header && !check(start, t, hand, false, () => closes(current, leave, hand))) return;
    // A cell broken by hand ends with its printed line; one starts with a line.
    if (hand && !toks[t - 1].closes) return;
    // Start a new cell here, after any number of empty cells — only at the row's start: a
    // merged cell spans rows in the columns that group them (序号, 工作任务), left of the
    // columns each row fills.
    const before = n;
    const startBefore = start;
    for (let c = before; c < columns; c++) {
      if (c > before && (filled(c - 1) || !leading)) break;
      if (!header && leave.hand(c) && !tok.opens) continue;
      for (let k = before; k < c; k++) cells.push([]);
      cells.push([tok.text]);
      start = t;
      visit(t + 1);
      start = startBefore;
      cells.length = before;
    }
  };
  /** A complete reading: all the columns, its last cell finished. */
  const complete = () => cells.length === columns && (header || closes(cells.at(-1)!, leave, leave.hand(cells.length - 1)));
  /** Counts the steps and readings under the state reached (memoized). */
  const count = (t: number): void => {
    const k = key(t, start, cells.length);
    if (stepsUnder.has(k)) return;
    let steps = 1;
    let readings = 0;
    if (t === T) readings = complete() ? 1 : 0;
    else {
      branches(t, (next) => {
        count(next);
        const child = key(next, start, cells.length);
        steps = Math.min(CAP, steps + stepsUnder.get(child)!);
        readings = Math.min(CAP, readings + readingsUnder.get(child)!);
      });
    }
    stepsUnder.set(k, steps);
    readingsUnder.set(k, readings);
  };
  count(0);
  const root = key(0, -1, 0);
  // The plain search stopped past a budget (a step over either, or a reading too many): the
  // same outcome, decided from the counts.
  const steps = stepsUnder.get(root)!;
  if (steps > table.limits.row || table.steps + steps > table.limits.table || readingsUnder.get(root)! > MAX_ROW_READINGS) return undefined;
  table.steps += steps;
  /** Collects the readings, in the plain search's order, entering only states that lead to one. */
  const collect = (t: number): void => {
    if (readingsUnder.get(key(t, start, cells.length)) === 0) return;
    if (t === T) {
      out.push(cells.map((cell) => cell.slice()));
      return;
    }
    branches(t, collect);
  };
  collect(0);
  return out;
}

/**
 * What a column's lines need not do, beyond the rules every table keeps: lines an archivist
 * saw end short of their column (`short`, by text within one row), and columns whose lines were
 * broken by hand (`hand`: short centred or letter-spaced lines, a whole printed line each).
 */
export interface Leave {
  short: Set<string>;
  hand: (c: number) => boolean;
}
const NONE: Leave = { short: new Set(), hand: () => false };

const ITEM_NO = /^(\d{1,2})[.．](?!\d)/;

/** Line `k` of a cell ends a paragraph of it: the next line opens the next item of a numbering
 *  the cell started (`1.…` … `2.…`), so it need not fill the column. */
function endsItem(cell: Cell, k: number): boolean {
  const n = Number(ITEM_NO.exec(cell[k + 1] ?? '')?.[1] ?? NaN);
  return n > 1 && cell.slice(0, k + 1).some((line) => ITEM_NO.exec(line)?.[1] === String(n - 1));
}

/** The widest column line `k` of a cell (not its last) can have filled: unbounded when it need not fill. */
function fillsUpTo(cell: Cell, k: number, leave: Leave): number {
  if (endsItem(cell, k) || leave.short.has(cell[k])) return Infinity;
  return widest(cell[k]) + FILL_SLACK + (NO_LINE_START.test(cell[k + 1]) ? 1 : 0);
}

/** A cell's filled lines (all but its last) can all fill one column width. */
function fills(cell: Cell, leave: Leave): boolean {
  const full = cell.slice(0, -1);
  const most = Math.min(...full.map((_, k) => fillsUpTo(cell, k, leave)));
  return Math.max(...full.map(narrowest)) <= most;
}

/** Brackets opened in a cell close in it: a bracket never spans two cells. */
function balanced(cell: Cell): boolean {
  let depth = 0;
  for (const line of cell) {
    const [net, low] = bracketsOf(line);
    if (depth + low < 0) return false;
    depth += net;
  }
  return depth === 0;
}

const OPENING = new Set('（(【[');
const CLOSING = new Set('）)】]');
/** Per line (cached: a line is tested in many splits): its bracket depth at the end, and the lowest on the way. */
const bracketDepths = new Map<string, [net: number, low: number]>();
function bracketsOf(line: string): [number, number] {
  let found = bracketDepths.get(line);
  if (!found) {
    let depth = 0;
    let low = 0;
    for (const ch of line) {
      if (OPENING.has(ch)) depth++;
      else if (CLOSING.has(ch)) low = Math.min(low, --depth);
    }
    found = [depth, low];
    if (bracketDepths.size > 100_000) bracketDepths.clear();
    bracketDepths.set(line, found);
  }
  return found;
}

/**
 * A finished cell: its text does not stop at a mark that joins it to more (，、: parts of one
 * sentence or list), its brackets close, and its last line is no wider than its filled lines can be.
 */
function closes(cell: Cell, leave: Leave = NONE, hand = false): boolean {
  if (/[，、,]$/.test(cell.at(-1) ?? '')) return false;
  if (!balanced(cell)) return false;
  if (cell.length < 2 || hand) return true;
  // No wider than the widest line that wrapped: had it been wider, that line would have held more.
  const full = cell.slice(0, -1);
  const last = narrowest(cell.at(-1)!);
  return last <= Math.max(...full.map(widest)) && last <= Math.min(...full.map((_, k) => fillsUpTo(cell, k, leave)));
}

/**
 * What a row's reading asks of each column's width W: at least every line's narrowest
 * width (`least`); at most every filled line's widest width plus the slack (`most`).
 */
function widthsOf(reading: RowReading, leave: Leave = NONE): Widths {
  const w: Widths = { least: [], most: [], wraps: [] };
  reading.forEach((cell, c) => {
    if (leave.hand(c)) {
      // Broken by hand: no line is wider than the column, but none need fill it.
      [w.least[c], w.most[c], w.wraps[c]] = [cell.length ? Math.max(...cell.map(narrowest)) : 0, Infinity, false];
      return;
    }
    const full = cell.slice(0, -1);
    w.least[c] = cell.length ? Math.max(...cell.map(narrowest)) : 0;
    w.most[c] = full.length ? Math.min(...full.map((_, k) => fillsUpTo(cell, k, leave))) : Infinity;
    w.wraps[c] = full.length > 0;
  });
  return w;
}

/** Do these rows' readings fit one set of column widths? Returns the widths, or undefined. */
function fit(all: Widths[], columns: number): (number | undefined)[] | undefined {
  const widths: (number | undefined)[] = [];
  for (let c = 0; c < columns; c++) {
    const least = Math.max(...all.map((w) => w.least[c]));
    if (all.some((w) => w.most[c] < least)) return undefined;
    widths.push(all.some((w) => w.wraps[c]) ? least : undefined);
  }
  return widths;
}

/** A row reading with what it asks of the column widths. */
interface Option {
  reading: RowReading;
  w: Widths;
}

/**
 * Drops readings that cannot fit with the other rows. Each column's width W must be at least
 * every filled and last line of it and at most every filled line plus the slack; a row
 * narrows W to what its remaining readings allow, and readings that allow no W in the narrowed
 * range are dropped. Repeats until nothing changes. Sound: it removes only readings that no
 * fitting whole-table reading can contain.
 */
function narrow(candidates: Option[][], columns: number, given?: number[]): Option[][] {
  const lo = Array.from({ length: columns }, (_, c) => given?.[c] || 0);
  const hi = Array.from({ length: columns }, (_, c) => given?.[c] || Infinity);
  const least = (w: Widths, c: number) => w.least[c];
  const most = (w: Widths, c: number) => w.most[c];
  let changed = true;
  while (changed) {
    changed = false;
    candidates = candidates.map((options) => {
      const kept = options.filter(({ w }) => lo.every((_, c) => Math.max(lo[c], least(w, c)) <= Math.min(hi[c], most(w, c))));
      if (kept.length !== options.length) changed = true;
      return kept;
    });
    for (let c = 0; c < columns; c++) {
      for (const options of candidates) {
        if (options.length === 0) return candidates;
        const l = Math.min(...options.map(({ w }) => least(w, c)));
        const h = Math.max(...options.map(({ w }) => most(w, c)));
        if (l > lo[c]) [lo[c], changed] = [l, true];
        if (h < hi[c]) [hi[c], changed] = [h, true];
      }
    }
  }
  return candidates;
}

/** A cell under a head that names people holds names (`张三`, `张三、李四`, one a line), nothing else. */
function namesOnly(cell: Cell, join: (lines: string[]) => string): boolean {
  const names = (text: string) => text.split(/[、，,]/).every((n) => personNameOf(n.trim()) !== null);
  return cell.length === 0 || names(join(cell)) || cell.every(names);
}

/** How many different readings of the rows (whatever their heads) were found. */
function distinctRows(found: { readings: RowReading[] }[]): number {
  return new Set(found.map((f) => JSON.stringify(f.readings))).size;
}

/** Cells of a reading as text: a cell's lines joined (wrapped Chinese joins without a space). */
function cellTexts(reading: RowReading, join: (lines: string[]) => string): string[] {
  // Names stacked one a line (`张朝华` / `尹俊兵`) are several people: a space keeps them apart.
  const stacked = (cell: Cell) => cell.length > 1 && cell.every((line) => personNameOf(line) !== null);
  return reading.map((cell) => (stacked(cell) ? cell.map((line) => join([line])).join(' ') : cell.length ? join(cell) : ''));
}

/** What an archivist saw in the printed table and the lines do not show (a `table` correction). */
export interface Said {
  /** Columns whose lines were broken by hand: short centred or letter-spaced lines that need not fill it. */
  hand?: number[];
  /** Seed lines that end short of their column's edge (the PDF broke them early). */
  short?: number[];
}

/**
 * Reads a table from its rows (./table-rows.ts): every column count, every split of every
 * row; the table is read only when exactly one reading fits. An
 * archivist may give the heads and the columns' printed widths in ems (0: not measured).
 * Returns the reading, or why there is none (for the review and the page).
 */
export function readTable(rows: RowLines[], join: (lines: string[]) => string, heads?: string[], widths?: number[], said: Said = {}, limits: StepLimits = STEP_LIMITS): TableReading | { reason: string } {
  const header = rows[0];
  const data = rows.filter((r) => r.kind !== 'header');
  const hand = new Set(said.hand ?? []);
  const short = new Set(said.short ?? []);
  // The lines an archivist saw end short, as cell lines of each row (tokens of a line joined by one space).
  const leaves: Leave[] = data.map((row) => ({ short: new Set(row.lines.filter((l) => short.has(l.line)).map((l) => l.text.trim().split(/ +/).join(' '))), hand: (c) => hand.has(c) }));
  const headerTokens = tokens(header.lines, splitCells);
  const found: { columns: number; readings: RowReading[]; header: RowReading; widths: (number | undefined)[] }[] = [];
  // Each row's cells checked once (do they end, do they wrap), for every column count.
  const checked = data.map(() => new Map<number, boolean>());
  let tried = 0;
  const work = { steps: 0, limits };
  // Heads an archivist gave (a `table` correction) fix the column count and the header.
  const first = heads ? heads.length : 2;
  const last = heads ? heads.length : headerTokens.length;
  const given = (h: RowReading) => !heads || h.every((cell, c) => join(cell) === heads[c]);
  // Every column count is tried: a reading in more columns (a head printed over two lines
  // read as two heads, a cell's last line read as a column of its own) may fit as well.
  for (let columns = first; columns <= last && found.length <= 1; columns++) {
    // The header wraps in the same columns but may break early (a short head set on two
    // lines): its lines only must not be wider than their column. The 序号 column is headed
    // 序号 alone. Read first: a column count no header reading fits needs no rows read.
    const candidates = (rowReadings(headerTokens, columns, () => true, true) ?? []).filter((h) => h[0].length === 1 && h[0][0] === headerTokens[0].text && given(h));
    if (candidates.length === 0) continue;
    let overflow = false;
    const perRow: RowReading[][] = [];
    for (const [r, row] of data.entries()) {
      // The 序号 is the first cell of a `seq` row; an `item` row's 序号 is merged above it.
      const filled = (c: number) => c === 0 && row.kind === 'seq';
      let usable: RowReading[] | undefined;
      if (row.kind === 'given') {
        // A row an archivist placed: the cells said to be merged above are empty, every other is filled.
        const merged = new Set(row.merged ?? []);
        const keep = [...Array(columns).keys()].filter((c) => !merged.has(c));
        const readings = rowReadings(tokens(row.lines), keep.length, () => true, false, { short: leaves[r].short, hand: (k) => hand.has(keep[k]) }, work, checked[r]);
        usable = readings?.map((reading) => Array.from({ length: columns }, (_, c) => (merged.has(c) ? [] : reading[keep.indexOf(c)])));
      } else {
        const readings = rowReadings(tokens(row.lines), columns, filled, false, leaves[r], work, checked[r]);
        usable = readings?.filter((r) => (row.kind === 'seq' ? r[0].length === 1 && r[0][0] === row.key : r[0].length === 0));
      }
      if (!usable) {
        overflow = true;
        break;
      }
      perRow.push(usable);
      if (usable.length === 0) break;
    }
    if (overflow) return { reason: `a row's lines can be split into ${columns} cells in too many ways to check (over ${MAX_ROW_READINGS} readings, or ${limits.row} steps for a row, ${limits.table} for the table)` };
    if (perRow.length < data.length || perRow.some((r) => r.length === 0)) continue;
    tried += perRow.reduce((n, options) => n + options.length, 0);
    // Columns of people (by their heads) hold names only: read the rows once per set of them.
    const peopleSets = new Map<string, number[]>();
    for (const h of candidates) {
      const people = h.map((cell, c) => (PERSON_HEAD.test(join(cell)) ? c : -1)).filter((c) => c >= 0);
      peopleSets.set(people.join(','), people);
    }
    const budget = { steps: MAX_STEPS };
    for (const [key, people] of peopleSets) {
      const named = perRow.map((options) => options.filter((r) => people.every((c) => namesOnly(r[c], join))));
      const kept = narrow(named.map((options, r) => options.map((reading) => ({ reading, w: widthsOf(reading, leaves[r]) }))), columns, widths);
      if (kept.some((options) => options.length === 0)) continue;
      const heads = candidates.filter((h) => h.map((cell, c) => (PERSON_HEAD.test(join(cell)) ? c : -1)).filter((c) => c >= 0).join(',') === key);
      for (const choice of solutions(kept, columns, budget, widths)) {
        const w = fit(choice.map((o) => o.w), columns);
        if (!w) continue;
        const fitting = heads.filter((h) => h.every((cell, c) => w[c] === undefined || cell.every((line) => narrowest(line) <= w[c]!)));
        for (const h of fitting) found.push({ columns, readings: choice.map((o) => o.reading), header: h, widths: w });
        if (distinctRows(found) > 1) break;
      }
      if (distinctRows(found) > 1 || budget.steps <= 0) break;
    }
    if (budget.steps <= 0) return { reason: `the rows can be split into ${columns} columns in too many ways to tell which one is right` };
  }
  if (found.length === 0) return { reason: `no split of the rows into columns fits one width per column (${tried} row readings tried)` };
  if (found.length > 1) {
    const [a, b] = found;
    const sameRows = distinctRows(found) === 1 && found.every((f) => f.columns === a.columns);
    if (sameRows) {
      const show = (h: RowReading) => h.map((cell) => cell.join('/')).join(' | ');
      return { reason: `the rows read one way in ${a.columns} columns, but the heads over them can be grouped more than one way (${show(a.header)}; ${show(b.header)}): give the heads in a table correction` };
    }
    if (a.columns !== b.columns) return { reason: `readings in ${a.columns} and in ${b.columns} columns both fit (a head over two lines may be one head or two): give the heads in a table correction` };
    return { reason: `more than one reading fits in ${a.columns} columns: which column a line belongs to is not certain` };
  }
  const [only] = found;
  // A line said to end short must be a wrapped line of the reading that does not fill its
  // column: otherwise the correction says something the reading does not need.
  for (const n of short) {
    const r = data.findIndex((row) => row.lines.some((l) => l.line === n));
    const text = data[r]?.lines.find((l) => l.line === n)!.text.trim().split(/ +/).join(' ');
    const at = r < 0 ? -1 : only.readings[r].findIndex((cell) => cell.slice(0, -1).includes(text));
    if (at < 0) return { reason: `line ${n}, said to end short, is not a wrapped line of a cell in the reading` };
    const w = only.widths[at];
    if (w !== undefined && widest(text) + FILL_SLACK >= w) return { reason: `line ${n}, said to end short, fills its column (${w} 字)` };
  }
  const rowsOut: TableReading['rows'] = [];
  let d = 0;
  for (const row of rows) {
    const range: [number, number] = [row.lines[0].line, row.lines.at(-1)!.line];
    if (row.kind === 'header') rowsOut.push({ kind: 'header', cells: cellTexts(only.header, join), lines: range });
    else rowsOut.push({ kind: row.kind, cells: cellTexts(only.readings[d++], join), lines: range });
  }
  const widthText = only.widths.map((w) => (w === undefined ? '–' : String(w))).join('/');
  return {
    header: cellTexts(only.header, join),
    rows: rowsOut,
    widths: only.widths,
    evidence: `${only.columns} 列、${data.length} 行：各列折行宽度（字）${widthText}；${heads ? '表头按校正，' : ''}${data.some((r) => r.kind === 'given') ? '行的起点与合并格按校正，' : ''}${hand.size ? `${[...hand].map((c) => cellTexts(only.header, join)[c]).join('、')}列手工断行，` : ''}${short.size ? `${short.size} 行提前折行，` : ''}只有一种切分合乎所有行（共试 ${tried} 种行切分）`,
  };
}

/**
 * The combinations of one reading per row that share one width interval per column, found
 * by backtracking: each choice narrows the intervals, and rows left with no reading that fits
 * them cut the branch. Stops when the step budget runs out.
 */
function* solutions(rows: Option[][], columns: number, budget: { steps: number }, given?: number[]): Generator<Option[]> {
  const least = (w: Widths, c: number) => w.least[c];
  const most = (w: Widths, c: number) => w.most[c];
  const order = rows.map((_, r) => r).sort((x, y) => rows[x].length - rows[y].length);
  const chosen: Option[] = new Array(rows.length);
  function* go(k: number, lo: number[], hi: number[]): Generator<Option[]> {
    if (--budget.steps <= 0) return;
    if (k === order.length) {
      yield [...chosen];
      return;
    }
    const r = order[k];
    for (const o of rows[r]) {
      const nlo = lo.map((l, c) => Math.max(l, least(o.w, c)));
      const nhi = hi.map((h, c) => Math.min(h, most(o.w, c)));
      if (nlo.some((l, c) => l > nhi[c])) continue;
      // Forward check: every row still to choose keeps a reading within the new intervals.
      const open = order.slice(k + 1).every((q) => rows[q].some(({ w }) => nlo.every((l, c) => Math.max(l, least(w, c)) <= Math.min(nhi[c], most(w, c)))));
      if (!open) continue;
      chosen[r] = o;
      yield* go(k + 1, nlo, nhi);
      if (budget.steps <= 0) return;
    }
  }
  yield* go(0, Array.from({ length: columns }, (_, c) => given?.[c] || 0), Array.from({ length: columns }, (_, c) => given?.[c] || Infinity));
}

