// Step 4: read a notice's printed header — 发文机关, 标题, 文号, 成文日期, 主送机关 — from the span
// the split found, and say exactly what was expected when a part is missing or impossible.
// A notice without a 文号 (公告 and 通告 often have none) is read too; its 成文日期 then comes
// from the header or from the date under its 署名.
import { formatDocNo, parseDocNo, type DocNoParts } from './docno.ts';
import { dateLine, type ReadDate } from './dates.ts';
import { titleKind } from './doc-kinds.ts';
import { signatureNames } from './issuers.ts';
import { compact } from './split-issue.ts';
import type { NoticeSpan } from './split-issue.ts';
import type { Problem, SourceLine } from './types.ts';

export interface NoticeHeader {
  /** 发文机关 in printed order; joint issuers give several. */
  issuers: string[];
  title: string;
  /** Normalized 文号 (威政办字〔2022〕25号), when one is printed. */
  docNo?: string;
  docParts?: DocNoParts;
  /** The header as printed, whitespace normalized: the page shows exactly this. */
  printed: { docNo?: string; date?: string; serial?: string; masthead?: string; issuerInTitle?: true };
  /** 成文日期, ISO. */
  date: string;
  /** Where the 成文日期 was printed: under the title, under the 署名 at the end, or alone after the body. */
  dateFrom: 'header' | 'signature' | 'end';
  type: string;
  recipients: string[];
  /** Index just past the 主送机关 lines (= bodyStart when there are none). */
  recipientsEnd: number;
  /** Index of the first body line (主送机关 is body text). */
  bodyStart: number;
}

export function parseHeader(file: string, lines: SourceLine[], span: NoticeSpan): { header?: NoticeHeader; problems: Problem[] } {
  const problems: Problem[] = [];
  const title = normalizeTitle(lines.slice(span.titleLines[0], span.titleLines[1]).map((l) => l.text).join(''));
  const titleLine = lines[span.titleLines[0]].line;
  const kind = titleKind(title);
  const bodyStart = span.bodyStart;
  let date: ReadDate | undefined = span.date;
  let dateFrom: NoticeHeader['dateFrom'] = 'header';
  let dateAt = lines[span.headerLines[0]]?.line ?? titleLine;
  if (!date) {
    const signed = signatureDate(lines, bodyStart, span.end);
    if (signed) {
      date = signed.date;
      dateAt = lines[signed.index].line;
      dateFrom = signed.signed ? 'signature' : 'end';
    }
  }
  if (!date) {
    problems.push({
      file,
      line: span.headerLines[1] > span.headerLines[0] ? lines[span.headerLines[0]].line : titleLine,
      message: `expected a 成文日期 for “${title}”: after its 文号 (e.g. 2022 年 4 月 8 日), on the line under it, or under the 署名 at its end; found none`,
    });
  } else if (!date.iso) {
    problems.push({ file, line: dateAt, message: `expected a real calendar date, found ${date.printed} (${date.year}-${date.month}-${date.day} does not exist)` });
  }
  const docParts = span.docNo ? parseDocNo(span.docNo) : undefined;
  if (problems.length > 0 || !date?.iso || !kind) return { problems };
  const { recipients, next } = readRecipients(lines, bodyStart, span.end);
  const headerText = lines.slice(span.headerLines[0], span.headerLines[1]).map((l) => l.text.trim()).join(' ');
  const printedDate = dateFrom === 'header' ? date.printed : undefined;
  return {
    problems,
    header: {
      issuers: span.issuers.map(normalizeTitle),
      title,
      docNo: docParts ? formatDocNo(docParts) : undefined,
      docParts,
      printed: {
        docNo: span.docNo ? normalizeTitle(span.docNo) : undefined,
        // What the header line prints after the 文号 (a date, or a 签发人 and a date).
        date: printedDate ? normalizeTitle(span.docNo ? afterDocNo(headerText, span.docNo) : span.serial ? afterDocNo(headerText, span.serial) : headerText) : undefined,
        ...(span.serial ? { serial: normalizeTitle(span.serial) } : {}),
        ...(span.masthead ? { masthead: normalizeTitle(span.masthead) } : {}),
        ...(span.issuerLines[1] === span.issuerLines[0] ? { issuerInTitle: true as const } : {}),
      },
      date: date.iso,
      dateFrom,
      type: kind.type,
      recipients,
      bodyStart,
      recipientsEnd: next,
    },
  };
}

/** The header text after its 文号 as printed. */
function afterDocNo(headerText: string, docNo: string): string {
  return headerText.slice(headerText.indexOf(docNo) + docNo.length).trim();
}

/** A 命令 is signed by the head of the body: `县长 张三`, `市长：李四`. */
const SIGNED_BY = /^[\u3400-\u9fff]{1,8}(?:长|主任|书记)\s*[：:]?\s*[\u3400-\u9fff](?:\s*[\u3400-\u9fff]){1,3}$/;

/**
 * The 成文日期 under the 署名 (GB/T 9704: the issuer's name, then the date): the first date line
 * in the body whose line above names a body.
 */
function signatureDate(lines: SourceLine[], from: number, end: number): { date: ReadDate; index: number; signed: boolean } | undefined {
  // The body before its 附件, where a 成文日期 closes the text.
  let last = end;
  for (let i = from; i < end; i++) if (/^附\s*件\s*\d*\s*[：:]?\s*$/.test(lines[i].text.trim())) { last = i; break; }
  let alone: { date: ReadDate; index: number; signed: boolean } | undefined;
  for (let i = from + 1; i < last; i++) {
    const date = dateLine(lines[i].text);
    if (!date) continue;
    if (signatureNames(lines[i - 1].text) || SIGNED_BY.test(lines[i - 1].text.trim())) return { date, index: i, signed: true };
    // A date standing alone after a finished sentence (an old-format 决定 without a 署名).
    if (/[。！]$/.test(lines[i - 1].text.trim())) alone = { date, index: i, signed: false };
  }
  return alone;
}

/** 主送机关: 1–3 lines right after the header, ending in a colon, with no sentence in them. */
function readRecipients(lines: SourceLine[], from: number, end: number): { recipients: string[]; next: number } {
  let text = '';
  for (let k = 0; k < 3 && from + k < end; k++) {
    text += compact(lines[from + k].text);
    if (/[。《》]/.test(text)) break;
    if (/[：:]$/.test(text)) {
      const names = text.replace(/[：:]$/, '').split(/[，,]/).filter(Boolean);
      return { recipients: names, next: from + k + 1 };
    }
  }
  return { recipients: [], next: from };
}

/**
 * Text as printed, without the PDF's spaces: they are padding (`韩 超`) or set around numbers
 * (`2022 年`). Only a space between two ASCII words (`APP 平台` loses it, `from "y"` keeps it)
 * is part of the text.
 */
export function normalizeTitle(text: string): string {
  return text.trim().replace(/\s+/g, (space, offset: number, whole: string) =>
    /[!-~]/.test(whole[offset - 1] ?? '') && /[!-~]/.test(whole[offset + space.length] ?? '') ? ' ' : '',
  );
}

