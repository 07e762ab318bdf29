// Step 3: split one gazette issue into its notices. A notice starts at a line that is only an
// issuer (威县人民政府 / 威县人民政府办公室), followed by a title that ends in a 文种 word and
// then the 文号 + 成文日期 line. The notice runs until the next notice starts.
import type { Problem, SourceLine } from './types.ts';

const ISSUER = /^[\u4e00-\u9fff]{2,16}(?:人民政府|人民政府办公室)$/;
/** The 15 文种 of 《党政机关公文处理工作条例》; a notice's title ends with one of them. */
export const DOC_TYPES = ['决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'];
const TITLE_END = new RegExp(`(?:${DOC_TYPES.join('|')})$`);
const MAX_TITLE_LINES = 4;

export interface NoticeSpan {
  /** Index into the issue's SourceLine[] of the issuer line. */
  start: number;
  /** Exclusive end index. */
  end: number;
  /** Number of title lines after the issuer line. */
  titleLines: number;
}

export function splitIssue(file: string, lines: SourceLine[]): { spans: NoticeSpan[]; problems: Problem[] } {
  const starts: { start: number; titleLines: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!ISSUER.test(compact(lines[i].text))) continue;
    const titleLines = titleLength(lines, i + 1);
    if (titleLines > 0) starts.push({ start: i, titleLines });
  }
  const problems: Problem[] = [];
  if (starts.length === 0) {
    problems.push({
      file,
      line: lines[0]?.line ?? 1,
      message: 'expected at least one notice: an issuer line (e.g. 威县人民政府) followed by a title ending in a 文种 (e.g. …的通知)',
    });
  } else if (starts[0].start > 0) {
    const first = lines[0];
    problems.push({ file, line: first.line, message: `expected a notice header (issuer line) before any text, found “${first.text.slice(0, 20)}”` });
  }
  const spans = starts.map((s, k) => ({ ...s, end: starts[k + 1]?.start ?? lines.length }));
  return { spans, problems };
}

/**
 * How many lines after an issuer line form a title ending in a 文种 word (0 = not a title).
 * A title may end in 通知 on one line and go on (…通知的通知), so prefer the length that the
 * 文号 line follows; without a 文号 line the last candidate wins and the header step complains.
 */
function titleLength(lines: SourceLine[], from: number): number {
  let title = '';
  let candidate = 0;
  for (let k = 0; k < MAX_TITLE_LINES && from + k < lines.length; k++) {
    const text = compact(lines[from + k].text);
    // A title never contains sentence punctuation; body text does.
    if (/[。；：]/.test(text)) break;
    title += text;
    if (!TITLE_END.test(title) || !/^(?:关于|印发|转发|批转)/.test(title)) continue;
    candidate = k + 1;
    if (LOOKS_LIKE_DOC_LINE.test(compact(lines[from + k + 1]?.text ?? ''))) break;
  }
  return candidate;
}

/** Loose: anything with a bracketed year or a date is the header's 文号/日期 line. */
const LOOKS_LIKE_DOC_LINE = /[〔\[［(（【]\d{4}[〕\]］)）】]|\d{4}年\d{1,2}月\d{1,2}日$/;

/** Whitespace removed: the PDF sprinkles spaces that are not part of the text. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
