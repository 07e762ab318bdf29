// Personnel lists (领导小组 / 指挥部 / 委员会 / 联络员名单) in the layouts gazettes print them:
//
//   组 长：高凯英 县委副书记、政府        a role label, a name, its title (wrapped in its column:
//   县长                                  the next line continues the title)
//   组长：张三（县长）  组长：张三(副市长)   the title in brackets
//   成  员:                               a role label on a line of its own, the names below it
//   孙春兰 国务院副总理
//   成员：黄红卫、施财富、毛梅仙、郑小     several names on a line (、 ， or spaces), with or without
//   萍、高土龙                             titles, the line wrapped anywhere, even inside a name
//   樊彦平 县政府副县长                    a line without a label: the role of the label above
//   韩 超 县政府办公室主任                 a two-character name padded to three
//   刘志强 县应急管理局副科级干部          no labels at all (three lines or more): the caption's role
//
// A role label is "a short label followed by ：" whose last word is a person (names.ts,
// isRoleLabel); it opens a list only when names follow it, so 主要职责：, 联系电话：, 地址： and
// 成员单位： never do. Names are read where the layout puts one (names.ts, looksLikeName: any
// surname of the dataset, any last character), matched on the text folded to simplified
// characters and kept as printed. Nothing printed is dropped: each member keeps its label, its
// brackets and its separator (Member.text), so personnelText reproduces every character in order.
import { normalizeTitle } from './parse-header.ts';
import { fold, isCommonName, isRoleLabel, looksLikeName, SURNAMES } from './names.ts';
import { displayWidth } from './text-width.ts';
import type { Block, Member, SourceLine } from './types.ts';

type Personnel = Extract<Block, { kind: 'personnel' }>;

// `组 长：`, `副 指 挥 长：`, `成  员:` — 2 to 8 characters, padded or not, then a colon.
const LABEL = /^([\u3400-\u9fff](?:[ \u3000]*[\u3400-\u9fff]){1,7})[ \u3000]*([：:])[ \u3000]*/;
const SPACE = /[ \u3000]/;
const SEPARATORS = '、，,';
const BRACKETS: Record<string, string> = { '（': '）', '(': ')' };
const CLOSERS = '）)';
const TITLE_START = /^[\u3400-\u9fff（(]/;
// A wrapped title never contains these; a paragraph or a `主要职责：` line does.
const SENTENCE_PUNCTUATION = /[。，,；;：:！？]/;
const HEADING = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十百]+[章节条]|附\s*件)/;
// A new notice opens with its issuer (`威县人民政府办公室`) directly followed by its title
// (`关于…的通知`, `印发关于…`); an issuer-like line inside a list or table is not followed so.
const ISSUER = /^[\u3400-\u9fff]*(人民政府|办公室|委员会)$/;

/** Does line i open the next notice? Lists and tables never run across one. */
export function startsNotice(lines: SourceLine[], i: number): boolean {
  return ISSUER.test(lines[i].text) && /^(印发)?关于/.test(lines[i + 1]?.text ?? '');
}
// How far (in ems) a line may end left of the list's right edge and still count as full:
// the PDF breaks before a character that would not fit, and titles are set in a narrow
// column whose right edge moves by an em or two between lines.
const FULL_SLACK = 2;
// A wrapped title line stays inside the title column; allow one em for a closing bracket.
const COLUMN_SLACK = 1;
// A line this short was never wrapped by a column, however narrow the list is so far.
const MIN_FULL = 8;

/** Is `name` (padding already removed: `韩超`) a person's name rather than a unit or post, with
 *  nothing around it to say so (a table cell, running text)? See names.ts, isCommonName. */
export function isPersonName(name: string): boolean {
  return isCommonName(name);
}

/** A name as printed on its own (a table cell): `罗向军`, or `张 桐` with its padding. */
export function personNameOf(text: string): string | null {
  const name = /^[\u3400-\u9fff] [\u3400-\u9fff]$/.test(text) ? text.replace(' ', '') : text;
  return isPersonName(name) ? name : null;
}

/** One member as a line prints it: a name, maybe a title, maybe a separator after it. */
interface Segment {
  name: string;
  title: string;
  /** Where the title stands: after a space, in brackets, before the name, or there is none. */
  style: 'none' | 'space' | 'bracket' | 'before';
  open: string;
  /** The closing bracket as printed; '' while the bracket is still open at the line's end. */
  close: string;
  sep: string;
  /** The line ended inside this name (`…、郑` + `小萍、…`): only a following line completes it. */
  partial: boolean;
  /** Offsets in the parsed text: the segment, and its title (-1 without). */
  start: number;
  end: number;
  titleAt: number;
}

interface ParsedLine {
  label?: { role: string; printed: string; width: number };
  segments: Segment[];
}

const FIRST_CHARS = new Set([...SURNAMES].map((s) => s[0]));

/** The name that starts at `at`, if one does and ends at a boundary (space, bracket, separator,
 *  end of line). `partial`: the line may end inside it. */
function readName(text: string, at: number, allowPartial = false): { name: string; end: number; partial: boolean } | null {
  const rest = text.slice(at);
  // `韩 超`: two single characters are one padded two-character name.
  const padded = /^([\u3400-\u9fff])[ \u3000]+([\u3400-\u9fff])(?=[ \u3000（(、，,]|$)/.exec(rest);
  if (padded && looksLikeName(padded[1] + padded[2])) return { name: padded[1] + padded[2], end: at + padded[0].length, partial: false };
  const run = /^[\u3400-\u9fff]+/.exec(rest)?.[0];
  if (!run) return null;
  const after = text[at + run.length];
  if (after !== undefined && !SPACE.test(after) && !(after in BRACKETS) && !SEPARATORS.includes(after)) return null;
  if (looksLikeName(run)) return { name: run, end: at + run.length, partial: false };
  if (after === undefined && allowPartial && run.length <= 3 && FIRST_CHARS.has(fold(run[0]))) return { name: run, end: at + run.length, partial: true };
  return null;
}

const skipSpaces = (text: string, at: number): number => {
  while (at < text.length && SPACE.test(text[at])) at++;
  return at;
};

/** Does another member's name start at `at` (a title never goes on into one)? Without a layout
 *  to say so, only a common name counts (市长, 顾问 or 国务委员 are the title's words). */
function nameAt(text: string, at: number): boolean {
  const name = readName(text, at);
  return !!name && isCommonName(name.name);
}

/** `县委副书记、县长 张三`: the title first, then the name, the line's only member. */
function titleFirst(text: string, from: number): Segment | null {
  for (let at = text.length - 1; at > from; at--) {
    if (!SPACE.test(text[at - 1]) || SPACE.test(text[at])) continue;
    const name = readName(text, at);
    if (!name || name.end !== text.length) continue;
    const title = text.slice(from, at).trim();
    if (!TITLE_START.test(title) || SENTENCE_PUNCTUATION.test(title) || title.length < 2) return null;
    return { name: name.name, title: normalizeTitle(title), style: 'before', open: '', close: '', sep: '', partial: false, start: from, end: text.length, titleAt: from };
  }
  return null;
}

/** The members a line (or a joined run of lines) prints from `from` on; null if it is not made
 *  of members only. */
function readSegments(text: string, from: number, allowTitleFirst: boolean): Segment[] | null {
  const segments: Segment[] = [];
  let at = skipSpaces(text, from);
  while (at < text.length) {
    // Only a name after a separator may be cut by the line's end (`…、郑` + `小萍`).
    const name = readName(text, at, segments.length > 0 && !!segments[segments.length - 1].sep);
    if (!name) {
      const before = segments.length === 0 && allowTitleFirst ? titleFirst(text, at) : null;
      if (!before) return null;
      segments.push(before);
      break;
    }
    const segment: Segment = { name: name.name, title: '', style: 'none', open: '', close: '', sep: '', partial: name.partial, start: at, end: name.end, titleAt: -1 };
    segments.push(segment);
    if (name.partial) break;
    let p = name.end;
    const q = skipSpaces(text, p);
    if (text[q] in BRACKETS) {
      // `张三（县长）`, `刘 军 (贵阳交通发展投资〈集团〉有限公司董事长)`: to the bracket that closes it.
      let depth = 0;
      let close = -1;
      for (let k = q; k < text.length; k++) {
        if (text[k] in BRACKETS) depth++;
        else if (CLOSERS.includes(text[k]) && --depth === 0) {
          close = k;
          break;
        }
      }
      Object.assign(segment, { style: 'bracket', open: text[q], titleAt: q + 1 });
      segment.title = normalizeTitle(text.slice(q + 1, close < 0 ? text.length : close));
      segment.close = close < 0 ? '' : text[close];
      p = close < 0 ? text.length : close + 1;
    } else if (q > p && q < text.length && !SEPARATORS.includes(text[q]) && !nameAt(text, q)) {
      // `高凯英 县委副书记、政府县长`: the title runs to the end, or to a separator or space that
      // another member's name follows (`张三 县长、李四 副县长`).
      let end = text.length;
      for (let k = q; k < text.length; k++) {
        if (!SEPARATORS.includes(text[k]) && !SPACE.test(text[k])) continue;
        if (nameAt(text, skipSpaces(text, k + 1))) {
          end = k;
          break;
        }
      }
      const title = text.slice(q, end).trimEnd();
      // `联系人：张三 电话：…`, `张三 13912345678`: a post starts with a word and has no colon
      // or sentence end.
      if (!TITLE_START.test(title) || /[：:；;。！？]/.test(title)) return null;
      Object.assign(segment, { style: 'space', title: normalizeTitle(title), titleAt: q });
      p = q + title.length;
    }
    const s = skipSpaces(text, p);
    if (s < text.length && SEPARATORS.includes(text[s])) {
      segment.sep = text[s];
      p = s + 1;
    }
    segment.end = p;
    at = skipSpaces(text, p);
    // After a member comes another member or nothing.
    if (at < text.length && at === p && segment.style !== 'bracket' && !segment.sep) return null;
  }
  return segments;
}

/** A line of a list: an optional role label and the members after it; null if it is neither. */
function parseLine(text: string, inList: boolean): ParsedLine | null {
  const match = LABEL.exec(text);
  let label: ParsedLine['label'];
  let from = 0;
  if (match) {
    const printed = match[1].replace(/[ \u3000]/g, '');
    // `主要职责：`, `联系电话：`: a label, but not a role; such a line ends a list.
    if (!isRoleLabel(printed)) return null;
    label = { role: fold(printed), printed: printed + match[2], width: displayWidth(text) - displayWidth(text.slice(match[0].length)) };
    from = match[0].length;
  }
  const segments = readSegments(text, from, inList || !!label);
  if (!segments || (!label && segments.length === 0)) return null;
  return { label, segments };
}

const titled = (s: Segment) => s.style !== 'none' && s.title !== '';
const bareName = (p: ParsedLine) => !p.label && p.segments.length === 1 && p.segments[0].style === 'none' && !p.segments[0].sep;

/** Join a wrapped line: no space, except between two Latin/digit words. */
function joinText(text: string, more: string): { text: string; offset: number } {
  const next = more.trim();
  const joined = /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(next) ? `${text} ` : text;
  return { text: joined + next, offset: joined.length };
}

/** Consecutive source lines read as one line of the list (a title or a run of names wrapped). */
interface Entry {
  text: string;
  parsed: ParsedLine;
  source: SourceLine[];
  /** Offset in `text` where each source line begins. */
  offsets: number[];
  /** Where the entry's lines start on the page (ems): under the label they belong to. */
  indent: number;
  /** The right edge (ems) of its last source line. */
  edge: number;
  /** The title column of its last member, on the line that title begins on. */
  column?: { start: number; width: number };
  /** Index of the line after it. */
  next: number;
}

function columnOf(parsed: ParsedLine, line: string, offset: number, indent: number): Entry['column'] {
  const last = parsed.segments[parsed.segments.length - 1];
  if (!last || last.style !== 'space' || last.titleAt < offset) return undefined;
  const at = last.titleAt - offset;
  return { start: indent + displayWidth(line.slice(0, at)), width: displayWidth(line.slice(at)) };
}

/** Try to read `line` as the continuation of `entry`; true (and `entry` extended) if it is one. */
function extend(entry: Entry, line: SourceLine, parsed: ParsedLine | null, rightEdge: number, inList: boolean, lines: SourceLine[], i: number): boolean {
  const last = entry.parsed.segments[entry.parsed.segments.length - 1];
  // A label opens its own line; a label alone leaves its names to the next line.
  if (parsed?.label || !last || startsNotice(lines, i)) return false;
  const full = entry.edge >= Math.max(rightEdge || entry.edge, MIN_FULL) - FULL_SLACK;
  let kind: 'title' | 'flow';
  // An open bracket goes on to its closing one, over a line or two of title, never a sentence.
  if (last.style === 'bracket' && !last.close) {
    if (/[。；;]/.test(line.text) || entry.source.length > 3) return false;
    kind = 'flow';
  } else if (last.partial) kind = 'flow';
  else if (!full) return false;
  else if (last.style === 'space' && !last.sep) {
    // A line that is not a member line continues the previous member's title only if
    // (1) the previous line ran to the list's right edge — the PDF wrapped it, it did not end;
    // (2) the line fits in that member's title column — wrapped text stays in its column,
    //     while a following paragraph (`县行政执法协调监督工作体系建设`) is as wide as the page;
    // (3) it reads like a title fragment: no sentence punctuation, no heading marker.
    // A line that reads as a member with a title, or as several members, is one.
    if (parsed && !bareName(parsed)) return false;
    const text = line.text;
    if (!entry.column || displayWidth(text) > entry.column.width + COLUMN_SLACK) return false;
    if (SENTENCE_PUNCTUATION.test(text) || HEADING.test(text)) return false;
    kind = 'title';
  } else if (!last.sep && !parsed) kind = 'flow'; // `…郑小萍` + `、高土龙…`, `…（县长）` + `、李四…`
  else return false;
  const joined = joinText(entry.text, line.text);
  const reparsed = parseLine(joined.text, inList);
  if (!reparsed || reparsed.label?.printed !== entry.parsed.label?.printed) return false;
  const before = entry.parsed.segments;
  if (reparsed.segments.length < before.length || before.slice(0, -1).some((s, k) => s.name !== reparsed.segments[k].name)) return false;
  if (kind === 'title' && reparsed.segments.length !== before.length) return false;
  const lastAfter = reparsed.segments[reparsed.segments.length - 1];
  // Wrapped lines of a title stay in its column; other wrapped lines hang under the label.
  const indent = kind === 'title' ? entry.column!.start : (entry.parsed.label && before.length ? entry.parsed.label.width : entry.indent);
  entry.text = joined.text;
  entry.parsed = reparsed;
  entry.source.push(line);
  entry.offsets.push(joined.offset);
  entry.edge = indent + displayWidth(line.text);
  entry.column = lastAfter.titleAt >= joined.offset ? columnOf(reparsed, line.text, joined.offset, indent) : kind === 'title' ? entry.column : undefined;
  entry.next = i + 1;
  return true;
}

/** A list without role labels takes its role from its caption (`…联络员名单`). */
function captionRole(lines: SourceLine[], start: number): string {
  const caption = lines.slice(Math.max(0, start - 2), start).map((l) => l.text).join('');
  return /联络员/.test(caption) ? '联络员' : '成员';
}

export function matchPersonnel(lines: SourceLine[], start: number): { block: Personnel; end: number } | null {
  const first = parseLine(lines[start].text, false);
  if (!first) return null;
  // Without a role label, a line of names is too weak a signal: every line needs a title.
  if (!first.label && !first.segments.every(titled)) return null;
  let inList = !!first.label;
  // Lines after a role label are set right of it, so they start `indent` ems in.
  let indent = 0;
  // The list's right edge, in ems: where its first line of names ends (a label alone on its line
  // does not count). Lines are compared by right edge, never by raw width, because member lines
  // are indented by the label's width.
  let rightEdge = 0;
  const entries: Entry[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    const parsed = parseLine(line.text, inList);
    const last = entries[entries.length - 1];
    if (last && extend(last, line, parsed, rightEdge, inList, lines, i)) continue;
    if (!parsed || (i > start && startsNotice(lines, i))) break;
    // A name wrapped at a line's end that the next line did not complete: the list ends before.
    if (last?.parsed.segments.some((s) => s.partial)) break;
    if (!inList && !parsed.label && !parsed.segments.every(titled)) break;
    // A label with nothing under it, followed by another label: not a list line.
    if (parsed.label && last && last.parsed.segments.length === 0) {
      entries.pop();
      break;
    }
    const lineIndent = parsed.label ? 0 : indent;
    if (parsed.label) {
      inList = true;
      // Names under a label that stands alone start at the margin, not right of it.
      indent = parsed.segments.length ? parsed.label.width : 0;
    }
    const edge = lineIndent + displayWidth(line.text);
    entries.push({ text: line.text, parsed, source: [line], offsets: [0], indent: lineIndent, edge, column: columnOf(parsed, line.text, 0, lineIndent), next: i + 1 });
    if (rightEdge === 0 && parsed.segments.length) rightEdge = edge;
  }
  // A label with no names after it, or a name the page cut and never finished, ends no list.
  while (entries.length && (entries[entries.length - 1].parsed.segments.length === 0 || entries[entries.length - 1].parsed.segments.some((s) => s.partial))) entries.pop();
  if (entries.length === 0) return null;

  const members: Member[] = [];
  let role = first.label?.role ?? captionRole(lines, start);
  let label: string | undefined;
  for (const entry of entries) {
    if (entry.parsed.label) {
      role = entry.parsed.label.role;
      label = entry.parsed.label.printed;
    }
    const lineAt = (offset: number) => {
      let k = 0;
      while (k + 1 < entry.offsets.length && entry.offsets[k + 1] <= offset) k++;
      return entry.source[k].line;
    };
    for (const s of entry.parsed.segments) {
      const text = segmentText(s);
      const plain = s.title ? `${s.name} ${s.title}` : s.name;
      const printedEnd = s.start + entry.text.slice(s.start, s.end).trimEnd().length - 1;
      members.push({
        role,
        ...(label ? { label } : {}),
        name: s.name,
        title: s.title,
        lines: [lineAt(s.start), lineAt(Math.max(s.start, printedEnd))],
        ...(text !== plain ? { text } : {}),
      });
      label = undefined;
    }
  }
  // Without a role label, a single name line is too weak a signal: require a real list.
  if (!first.label && members.length < 3) return null;
  const end = entries[entries.length - 1].next;
  return {
    block: { kind: 'personnel', members, lines: [lines[start].line, lines[end - 1].line] },
    end,
  };
}

/** The member as printed, whitespace normalized: `张三（县长）、`, `县委副书记、县长 张三`. */
function segmentText(s: Segment): string {
  switch (s.style) {
    case 'none':
      return `${s.name}${s.sep}`;
    case 'space':
      return `${s.name} ${s.title}${s.sep}`;
    case 'bracket':
      return `${s.name}${s.open}${s.title}${s.close}${s.sep}`;
    case 'before':
      return `${s.title} ${s.name}${s.sep}`;
  }
}

/** A member's printed text after its label: `高凯英 县委副书记、政府县长`, `张三（县长）、`. */
export function memberText(m: Member): string {
  return m.text ?? (m.title ? `${m.name} ${m.title}` : m.name);
}

/** The list as the page shows it, one row per printed line of members: `成员：黄红卫、施财富、…`
 *  stays one row, each `name title` line is its own (a label alone on its line joins the names
 *  under it). The emitter writes one list item per row (emit-mdx.ts). */
export function personnelRows(members: Member[]): { label?: string; text: string }[] {
  const rows: { label?: string; members: Member[] }[] = [];
  members.forEach((m, k) => {
    const previous = members[k - 1];
    if (previous && !m.label && m.lines[0] <= previous.lines[1]) rows[rows.length - 1].members.push(m);
    else rows.push({ label: m.label, members: [m] });
  });
  // Members on one line keep the printed separator, or a space where the print had one.
  const join = (line: string, t: string) => (line === '' || /[、，,]$/.test(line) ? line + t : `${line} ${t}`);
  return rows.map((r) => ({ ...(r.label ? { label: r.label } : {}), text: r.members.map(memberText).reduce(join, '') }));
}

/** Each list item's text, label included, as the MDX reads back: for the round-trip check. */
export function personnelItems(members: Member[]): string[] {
  return personnelRows(members).map((r) => `${r.label ?? ''}${r.text}`);
}

/** Per member, the text to print: `组长：高凯英 县委副书记、政府县长` or `樊彦平 县政府副县长、公安局局长`. */
export function personnelText(block: Personnel): string[] {
  return block.members.map((m) => `${m.label ?? ''}${memberText(m)}`);
}
