// Step 3: split one gazette issue into its notices, from the documents' own structure (GB/T
// 9704-2012 as a gazette reprints it): 发文机关 line(s) → 标题 (any number of lines, ending in a
// 文种 or in the kind of document it is) → 发文字号 and/or 成文日期 → body. A notice runs until
// the next one starts.
//
// The anchor is the header line. Every line that opens with a 文号 is either the header of a
// notice — with a title ending in a 文种 right above it and its issuer above that — or a
// problem with its line: a merge of two notices, which no later check could see, is never
// possible silently. A date line is a header when an issuer and a title stand above it; a
// notice printed with neither (a 公告 dated under its signature) starts at an issuer line
// followed by a title ending in a 文种.
import { leadingDocNo } from './docno.ts';
import { dateAtEnd, dateLine, headerDate, type ReadDate } from './dates.ts';
import { titleKind } from './doc-kinds.ts';
import { issuerNames, fullIssuerNames, signatureNames } from './issuers.ts';
import { foldForMatching } from './fold.ts';
import type { Problem, SourceLine } from './types.ts';

export { DOC_TYPES } from './doc-kinds.ts';

/** A title this long is no title: 10 lines of a 21-em column is 210 characters. */
const MAX_TITLE_LINES = 10;
/** A line longer than this is body text, not part of a title or a header. */
const MAX_HEADER_LINE = 44;

export interface NoticeSpan {
  /** Index into the issue's lines of the notice's first line (its first issuer line, or its title). */
  start: number;
  /** Exclusive end index. */
  end: number;
  /** Issuer lines [from, to); empty when the issuer is printed in the title. */
  issuerLines: [number, number];
  /** The bodies issuing it, in printed order (joint issuers: several). */
  issuers: string[];
  /** Title lines [from, to). */
  titleLines: [number, number];
  /** 文号 / 成文日期 lines under the title [from, to); empty when none is printed there. */
  headerLines: [number, number];
  /** The 文号 line's 文号, as printed, when there is one. */
  docNo?: string;
  /** The date printed in the header, when there is one. */
  date?: ReadDate;
  /** What the start was read from: a 文号 line, a date line, a serial number, an issuer and title alone, or a correction. */
  foundBy: 'docNo' | 'date' | 'serial' | 'title' | 'correction';
  /** The serial number of a 公告/通告 (`（第 34 号）`) as printed, when there is one. */
  serial?: string;
  /** A masthead printed as issuer + 文种 (`…指挥部通告`) above the serial and title, as printed. */
  masthead?: string;
  /** Index of the first body line (after the title and every header line). */
  bodyStart: number;
}

/** A 公告/通告 serial number line: `（第 34 号）`, `（县疫情防控指挥部第1号）`, `第 1 号`. */
export function serialLine(text: string): boolean {
  return /^[（(]?[\u3400-\u9fff]{0,20}第\d{1,4}[号號][）)]?$/.test(compact(text));
}

/** A masthead of issuer + 文种 (`颍上县…应急指挥部通告`): the issuer's name, or undefined. */
function mastheadName(text: string): string | undefined {
  const m = /^(.+?)(通告|公告|通报|决定|命令|令)$/.exec(compact(text));
  const names = m ? issuerNames(m[1]) : undefined;
  return names?.length === 1 && fullIssuerNames(names) ? names[0] : undefined;
}

/** A line that opens with a 文号 and says nothing else but a date or a 签发人. */
export interface DocNoLine {
  docNo: string;
  date?: ReadDate;
  /** What follows the 文号 and is neither a date nor a 签发人, when the line does not fit. */
  misfit?: string;
}

/** Whitespace removed: the PDF sprinkles spaces that are not part of the text. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Is this line a header's 文号 line? undefined for a line that does not open with a 文号, or
 * whose 文号 runs on into a sentence (a wrapped body line `冀政办字〔2021〕84 号文件精神，…`).
 */
export function docNoLine(text: string): DocNoLine | undefined {
  const lead = leadingDocNo(text);
  if (!lead) return undefined;
  const rest = lead.rest.trim();
  if (rest === '') return { docNo: lead.printed };
  const date = dateAtEnd(rest);
  const before = date ? rest.slice(0, date.index).trim() : rest;
  // 上行文 print the 签发人 on the 文号 line: `威政字〔2022〕16号 签发人：张三`.
  const signer = /^签\s*发\s*人\s*[：:]\s*[\u3400-\u9fff ]{2,12}$/;
  if (before === '' || signer.test(before)) return { docNo: lead.printed, date };
  // Running text goes on in a sentence; a header that does not fit is short and plain.
  if (/[，。；、“”《》]/.test(rest) || compact(rest).length > 24) return undefined;
  return { docNo: lead.printed, date, misfit: rest };
}

function titleLike(text: string): boolean {
  const c = compact(text);
  return c.length > 0 && c.length <= MAX_HEADER_LINE && !/[。；！？]|[：:，、]$/.test(c) && !docNoLine(text) && !dateLine(text) && !serialLine(text);
}

/** A title's issuer printed in it: `威县人民政府关于…的通知` → 威县人民政府. */
function issuerInTitle(title: string): string | undefined {
  const at = title.indexOf('关于');
  if (at < 2) return undefined;
  const names = issuerNames(title.slice(0, at));
  return names?.length === 1 ? names[0] : undefined;
}

interface Above {
  issuerLines: [number, number];
  issuers: string[];
  titleLines: [number, number];
}

/**
 * The issuer and title printed above line `at` (a header line): title lines ending in a 文种
 * or a document kind, and the issuer line(s) above them, or the issuer named in the title.
 */
function headAbove(lines: SourceLine[], at: number): Above | { problem: string } {
  const titleEnd = at;
  let k = at - 1;
  for (; k >= 0 && titleEnd - k <= MAX_TITLE_LINES + 1; k--) {
    const block = k < titleEnd - 1 && titleKind(join(lines, k + 1, titleEnd)) ? issuerEndingAt(lines, k) : undefined;
    if (block) return { issuerLines: [block.from, k + 1], issuers: block.issuers, titleLines: [k + 1, titleEnd] };
    if (!titleLike(lines[k].text)) break;
  }
  const titleStart = k + 1;
  if (titleStart === titleEnd) {
    const above = lines[titleEnd - 1]?.text;
    if (above === undefined) return { problem: 'it is the first line: no 发文机关 or title stands above it' };
    if (docNoLine(above) || dateLine(above)) return { problem: 'the line above it is a header line too (a 文号 or date printed twice?)' };
  }
  // The title is every title-like line above: find where a title ending in a 文种 begins.
  for (let from = titleStart; from < titleEnd; from++) {
    const title = join(lines, from, titleEnd);
    if (!titleKind(title)) continue;
    const masthead = mastheadName(title);
    if (masthead && from === titleStart) {
      // The title is the issuer and its 文种 (`威县人民政府令`, `…指挥部通告`): the issuer is in it.
      return { issuerLines: [from, from], issuers: [masthead], titleLines: [from, titleEnd] };
    }
    if (issuerInTitle(foldForMatching(title))) {
      // Printed as in the title (the folded text has the same length: OpenCC maps characters here).
      const issuer = title.slice(0, foldForMatching(title).indexOf('关于'));
      return { issuerLines: [from, from], issuers: [issuer], titleLines: [from, titleEnd] };
    }
  }
  return titleStart < titleEnd && titleKind(join(lines, titleStart, titleEnd))
    ? { problem: `no 发文机关 line stands above its title “${join(lines, Math.max(titleStart, titleEnd - 3), titleEnd)}”` }
    : { problem: `the line above it, “${lines[titleEnd - 1].text.trim()}”, does not end a title (a title ends in a 文种 such as 通知, 批复, 公告, or in the kind of document, such as 办法)` };
}

/**
 * The issuer lines that end at line k (which names `names`): a long name wrapped over two lines
 * (`石门县新型冠状病毒感染的` + `肺炎疫情防控指挥部`: together a full name, the second alone is
 * not), and joint issuers printed on several lines (more full names — 中共…, a place's … — above).
 */
function issuerEndingAt(lines: SourceLine[], k: number): { from: number; issuers: string[] } | undefined {
  const names = issuerNames(lines[k].text);
  let from = k;
  let issuers = names ? [...names] : [];
  const above = lines[k - 1]?.text;
  if (above !== undefined && (names?.length ?? 1) === 1 && !issuerNames(above) && titleLike(above) && !(names && fullIssuerNames(names))) {
    const whole = issuerNames(compact(above) + compact(lines[k].text));
    if (whole && fullIssuerNames(whole)) {
      from = k - 1;
      issuers = whole;
    }
  }
  if (issuers.length === 0) return undefined;
  while (from > 0) {
    const more = issuerNames(lines[from - 1].text);
    if (!more || !fullIssuerNames(more) || !fullIssuerNames(issuers)) break;
    issuers.unshift(...more);
    from--;
  }
  return { from, issuers };
}

function join(lines: SourceLine[], from: number, to: number): string {
  return lines.slice(from, to).map((l) => compact(l.text)).join('');
}

const FIX = 'If it is body text, mark it so in the seed\'s corrections file (see README “Correcting an issue”).';

/** Every notice of the issue, and a problem for every header line that begins none. */
export interface SplitOptions {
  /** Seed lines an archivist marked as body text, not a header (the seed's corrections). */
  notHeaders?: Set<number>;
  /** Seed lines an archivist marked as the start of a notice. */
  starts?: Set<number>;
}

export function splitIssue(file: string, lines: SourceLine[], options: SplitOptions = {}): { spans: NoticeSpan[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const heads: Omit<NoticeSpan, 'end'>[] = [];
  const taken = new Set<number>();
  const skip = options.notHeaders ?? new Set<number>();

  // 0. Starts an archivist marked: the issuer line (or a title holding its issuer), the title
  //    below it, and its 文号 / date line when one follows.
  for (let i = 0; i < lines.length; i++) {
    if (!options.starts?.has(lines[i].line)) continue;
    const head = markedStart(lines, i, skip);
    if ('problem' in head) problems.push({ file, line: lines[i].line, message: head.problem });
    else {
      heads.push(head);
      for (let k = head.start; k < Math.max(head.headerLines[1], head.titleLines[1]); k++) taken.add(k);
    }
  }

  // 1. 文号 lines: each is a notice's header, or a problem.
  for (let i = 0; i < lines.length; i++) {
    if (skip.has(lines[i].line) || taken.has(i)) continue;
    const doc = docNoLine(lines[i].text);
    if (!doc) continue;
    const printed = lines[i].text.trim();
    if (doc.misfit) {
      problems.push({ file, line: lines[i].line, message: `expected a header line of a 文号 followed by nothing, a 成文日期 or a 签发人, found “${doc.misfit}” after ${doc.docNo} in “${printed}”. ${FIX}` });
      continue;
    }
    const above = headAbove(lines, i);
    if ('problem' in above) {
      problems.push({ file, line: lines[i].line, message: `expected “${printed}” to head a notice, but ${above.problem}. ${FIX}` });
      continue;
    }
    let headerEnd = i + 1;
    let date = doc.date;
    // The 成文日期 may stand on the line(s) after the 文号.
    const next = lines[i + 1] && !skip.has(lines[i + 1].line) ? headerDateAt(lines, i + 1) : undefined;
    if (!date && next) {
      date = next.date;
      headerEnd = i + 1 + next.lines;
    }
    heads.push({ start: above.issuerLines[0], ...above, headerLines: [i, headerEnd], docNo: doc.docNo, date, foundBy: 'docNo', bodyStart: headerEnd });
    for (let k = above.issuerLines[0]; k < headerEnd; k++) taken.add(k);
  }

  // 1b. Serial numbers of 公告/通告: under an issuer and a title (`通 告` + `（第1号）`), or under a
  //     masthead of issuer + 文种 and over the title (`…指挥部通告` + `（第34号）` + `关于…的通告`).
  for (let i = 0; i < lines.length; i++) {
    if (taken.has(i) || skip.has(lines[i].line) || !serialLine(lines[i].text)) continue;
    const serial = lines[i].text.trim();
    const masthead = i > 0 && !taken.has(i - 1) ? mastheadName(lines[i - 1].text) : undefined;
    if (masthead) {
      let end = i + 1;
      while (end < lines.length && end - i <= MAX_TITLE_LINES && titleLike(lines[end].text) && !titleKind(join(lines, i + 1, end))?.isDocType) end++;
      if (end > i + 1 && titleKind(join(lines, i + 1, end))?.isDocType) {
        heads.push({ start: i - 1, issuerLines: [i - 1, i], issuers: [masthead], titleLines: [i + 1, end], headerLines: [i, i + 1], serial, masthead: lines[i - 1].text.trim(), foundBy: 'serial', bodyStart: end });
        for (let k = i - 1; k < end; k++) taken.add(k);
        continue;
      }
    }
    const above = headAbove(lines, i);
    if ('problem' in above) {
      problems.push({ file, line: lines[i].line, message: `expected the serial number “${serial}” to head a 公告 or 通告, but ${above.problem}. ${FIX}` });
      continue;
    }
    // The 成文日期 may stand under the serial number.
    const under = lines[i + 1] && !skip.has(lines[i + 1].line) ? headerDateAt(lines, i + 1) : undefined;
    const headerEnd = i + 1 + (under?.lines ?? 0);
    heads.push({ start: above.issuerLines[0], ...above, headerLines: [i, headerEnd], serial, date: under?.date, foundBy: 'serial', bodyStart: headerEnd });
    for (let k = above.issuerLines[0]; k < headerEnd; k++) taken.add(k);
  }

  // 2. Date lines (or an adoption note: （2016年10月27日…会议通过）) under an issuer and a title:
  //    the header of a notice without a 文号.
  for (let i = 0; i < lines.length; i++) {
    if (taken.has(i) || skip.has(lines[i].line)) continue;
    const found = headerDateAt(lines, i);
    if (!found) continue;
    const above = headAbove(lines, i);
    if ('problem' in above || above.titleLines.some((k) => taken.has(k)) || taken.has(above.issuerLines[0])) continue;
    const end = i + found.lines;
    heads.push({ start: above.issuerLines[0], ...above, headerLines: [i, end], date: found.date, foundBy: 'date', bodyStart: end });
    for (let k = above.issuerLines[0]; k < end; k++) taken.add(k);
  }

  // 3. An issuer line and a title ending in a 文种, with no header line under it: a title with
  //    关于, or — under an issuer printed in full — a notice that closes with its own 署名 and
  //    成文日期 (`中共鄂城区委员会` / `…活动公告` … `中共鄂城区委员会` / `2018年1月18日`).
  for (let i = 0; i < lines.length; i++) {
    if (taken.has(i)) continue;
    const block = issuerEndingAt(lines, i);
    if (!block) continue;
    for (let end = i + 2; end <= Math.min(lines.length, i + 1 + MAX_TITLE_LINES); end++) {
      if (!titleLike(lines[end - 1].text) || taken.has(end - 1)) break;
      if (!titleKind(join(lines, i + 1, end))?.isDocType) continue;
      if (!foldForMatching(join(lines, i + 1, end)).includes('关于') && !(fullIssuerNames(block.issuers) && end - i <= 4 && signedBelow(lines, end, taken))) continue;
      // …的通知 may go on: `关于转发…的通知` + `的通知` on a short last line.
      const more = lines[end];
      if (more && !taken.has(end) && titleLike(more.text) && compact(more.text).length <= 10 && titleKind(join(lines, i + 1, end + 1))?.isDocType) end++;
      if (taken.has(block.from)) break;
      heads.push({ start: block.from, issuerLines: [block.from, i + 1], issuers: block.issuers, titleLines: [i + 1, end], headerLines: [end, end], foundBy: 'title', bodyStart: end });
      for (let k = block.from; k < end; k++) taken.add(k);
      break;
    }
  }

  heads.sort((a, b) => a.start - b.start);
  if (heads.length === 0) {
    problems.push({
      file,
      line: lines[0]?.line ?? 1,
      message: 'expected at least one notice: a 发文机关 line (e.g. X县人民政府), a title ending in a 文种 (e.g. 关于…的通知) and its 文号 or 成文日期 line',
    });
  } else if (heads[0].start > 0) {
    const first = lines[0];
    problems.push({ file, line: first.line, message: `expected a notice header (发文机关 line) before any text, found “${first.text.trim().slice(0, 20)}”` });
  }
  const spans = heads.map((h, k) => ({ ...h, end: heads[k + 1]?.start ?? lines.length }));
  return { spans, problems };
}

/** A 成文日期 under a title at line i (a date line, or an adoption note over up to three lines). */
function headerDateAt(lines: SourceLine[], i: number): { date: ReadDate; lines: number } | undefined {
  return headerDate(lines.slice(i, i + 3).map((l) => l.text));
}

/**
 * Does the text from line i close with a 署名 and a 成文日期 before any other header starts?
 * (GB/T 9704: the issuer's name, then the date, end a document.)
 */
function signedBelow(lines: SourceLine[], from: number, taken: Set<number>): boolean {
  for (let k = from; k + 1 < lines.length; k++) {
    if (taken.has(k) || docNoLine(lines[k].text)) return false;
    if (signatureNames(lines[k].text) && dateLine(lines[k + 1].text)) return true;
  }
  return false;
}

/** A start an archivist marked at line i: issuer line(s) and title below, or a title holding its issuer. */
function markedStart(lines: SourceLine[], i: number, skip: Set<number>): Omit<NoticeSpan, 'end'> | { problem: string } {
  const issuers = issuerNames(lines[i].text);
  const titleStart = issuers ? i + 1 : i;
  for (let end = titleStart + 1; end <= Math.min(lines.length, titleStart + MAX_TITLE_LINES); end++) {
    const title = join(lines, titleStart, end);
    if (!titleKind(title)) continue;
    const names = issuers ?? (issuerInTitle(foldForMatching(title)) ? [title.slice(0, foldForMatching(title).indexOf('关于'))] : undefined);
    if (!names) break;
    const next = lines[end] && !skip.has(lines[end].line) ? lines[end] : undefined;
    const doc = next ? docNoLine(next.text) : undefined;
    const date = next && !doc ? dateLine(next.text) : doc?.date;
    const headerEnd = doc || date ? end + 1 : end;
    return {
      start: i,
      issuerLines: issuers ? [i, i + 1] : [i, i],
      issuers: names,
      titleLines: [titleStart, end],
      headerLines: [end, headerEnd],
      docNo: doc && !doc.misfit ? doc.docNo : undefined,
      date,
      foundBy: 'correction',
      bodyStart: headerEnd,
    };
  }
  return {
    problem: `the corrections file says a notice starts here, but expected a 发文机关 line followed by a title ending in a 文种 (e.g. …的通知) within ${MAX_TITLE_LINES} lines, found “${lines[i].text.trim()}” — check the line number in the corrections file`,
  };
}
