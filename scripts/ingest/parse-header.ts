// Step 4: read a notice's printed header — issuer, title, 文号 + 成文日期, 主送机关 — and say
// exactly what was expected when a part is missing or impossible.
import { pinyin } from 'pinyin-pro';
import { formatDocNo, parseDocNo } from './docno.ts';
import { compact, DOC_TYPES } from './split-issue.ts';
import type { NoticeSpan } from './split-issue.ts';
import type { Problem, SourceLine } from './types.ts';

export interface NoticeHeader {
  issuer: string;
  title: string;
  docNo: string;
  /** 文号 and 成文日期 exactly as printed, whitespace normalized. */
  printed: { docNo: string; date: string };
  /** Slug part from the 文号 prefix: 威政办字 → weizhengban. */
  docPrefixSlug: string;
  docYear: number;
  docSerial: number;
  date: string;
  type: string;
  recipients: string[];
  /** Index just past the 主送机关 lines (= bodyStart when there are none). */
  recipientsEnd: number;
  /** Index (into the lines) of the first body line: the line after the 文号 line (主送机关 is body text). */
  bodyStart: number;
}

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const EXAMPLE = '威政字〔2022〕16 号 2022 年 4 月 8 日';

export function parseHeader(file: string, lines: SourceLine[], span: NoticeSpan): { header?: NoticeHeader; problems: Problem[] } {
  const issuerLine = lines[span.start];
  const issuer = compact(issuerLine.text);
  const titleEnd = span.start + 1 + span.titleLines;
  const title = normalizeTitle(lines.slice(span.start + 1, titleEnd).map((l) => l.text).join(''));
  const docLine = titleEnd < span.end ? lines[titleEnd] : undefined;
  const at = docLine?.line ?? lines[titleEnd - 1].line;
  const text = toHalfWidthDigits(docLine?.text.trim() ?? '');
  const date = DATE.exec(text);
  // The 文号 is what precedes the date on the line, in any of its printed spellings.
  const docNo = parseDocNo(date ? text.slice(0, date.index) : text);
  const problems: Problem[] = [];
  if (!docNo && !date) {
    problems.push({ file, line: at, message: `expected the 文号 and 成文日期 line after the title “${title}” (e.g. ${EXAMPLE}), found “${docLine?.text.trim() ?? 'end of file'}”` });
  } else if (!docNo) {
    problems.push({ file, line: at, message: `expected a 文号 (e.g. 威政字〔2022〕16 号) before the 成文日期, found “${docLine!.text.trim()}”` });
  } else if (!date) {
    problems.push({ file, line: at, message: `expected a 成文日期 (e.g. 2022 年 4 月 8 日) after the 文号, found “${docLine!.text.trim()}”` });
  }
  let iso = '';
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const check = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) {
      problems.push({ file, line: at, message: `expected a real calendar date, found ${y} 年 ${m} 月 ${d} 日` });
    }
  }
  if (problems.length > 0 || !docNo) return { problems };
  const prefix = docNo.prefix;
  const { recipients, next } = readRecipients(lines, titleEnd + 1, span.end);
  return {
    problems,
    header: {
      issuer,
      title,
      docNo: formatDocNo(docNo),
      // Same length as `text` (only digits were narrowed), so the match's index holds there too.
      printed: { docNo: normalizeTitle(docLine!.text.trim().slice(0, date!.index)), date: normalizeTitle(docLine!.text.trim().slice(date!.index)) },
      docPrefixSlug: pinyin(prefix.replace(/字$/, ''), { toneType: 'none', type: 'array' }).join('').toLowerCase(),
      docYear: docNo.year,
      docSerial: docNo.serial,
      date: iso,
      type: DOC_TYPES.find((t) => title.endsWith(t)) ?? '通知',
      recipients,
      bodyStart: titleEnd + 1,
      recipientsEnd: next,
    },
  };
}

/** 主送机关: 1–3 lines right after the 文号 line, ending in a colon, with no sentence in them. */
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

export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
