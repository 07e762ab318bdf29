// Lays clean notices out as the text a PDF extraction of a printed gazette issue gives — the
// damage seeds/weixian-gazette-2022-02.txt shows — so that real notices from other governments
// can be fed to the ingest as if they came from their own gazette:
//
// - each paragraph wrapped at the column width (display width: CJK and full-width punctuation
//   1 em, ASCII 0.5 em), its first line shorter by the 2-em indent the extraction drops; the
//   title wrapped at the title width; no line starts with closing punctuation (it stays on the
//   line before, as the typesetter kept it);
// - a blank line after every line, except between the issuer line(s) and the title;
// - every notice starting on a new page, every `linesPerPage` lines (± a little) a page break:
//   the running header `《<gazette>》<year> 年第 <number> 号` (now and then `第 <number>号`), the
//   page number `- N -`, and the next page's first line starting with one space;
// - spaces around Arabic numbers next to Chinese characters (`威政字〔2022〕16 号 2022 年 4 月 8 日`),
//   always on the 文号/date line, mostly in the body;
// - two-character names in personnel lists padded to three (`韩 超`).
//
// Deterministic: the same input and seed give the same text.
import { seededRandom } from '../../bench/random.ts';

export interface IssueLayout {
  gazette: string;
  year: number;
  number: number;
  /** Clean notices: one paragraph per line (issuer line(s), title, 文号/date line, body). */
  notices: string[];
  /** Body column width in ems (default 21). */
  columns?: number;
  /** Title width in ems (default 22). */
  titleColumns?: number;
  /** Printed lines per page before a page break (default 38, varied by up to 3). */
  linesPerPage?: number;
  /** Page number of the issue's first page (default 1). */
  firstPage?: number;
  seed?: number;
}

export interface NoticeLayout {
  columns?: number;
  titleColumns?: number;
  seed?: number;
}

/** A printed line: its text and whether it is glued to the next line (no blank line between). */
interface Printed {
  text: string;
  glued?: boolean;
}

const CJK = /[\u3400-\u9fff]/;
const ASCII = /[\x21-\x7e]/;
const CLOSING = /^[，。、；：！？）》”’」』〕】,.;:!?)]/;
const TYPE_END = /(?:通知|通告|公告|批复|决定|意见|函|报告|请示|命令|令|议案|纪要|通报|决议|公报|办法|规定|通 告|公 告)$/;
/** A 文号 and/or 成文日期 line as printed under the title. */
const DOC_LINE = /^(?:[\u3400-\u9fff]+[〔[（(]\d{4}[〕\]）)]\s*\d+\s*号)?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?$/;
const ROLE_LABEL = /^((?:[\u3400-\u9fff] *){1,10}?)[：:]/;
const ROLE_WORD = /(?:组长|组员|成员|指挥长|指挥|主任|委员|召集人|联络人|联络员|秘书长|顾问|书记|政委|主席|团长|队长)$/;

/** Display width in ems, as the page set it (see scripts/ingest/text-width.ts). */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ') width += ASCII.test(text[i - 1] ?? '') || ASCII.test(text[i + 1] ?? '') ? 0.25 : 1;
    else width += ASCII.test(c) ? 0.5 : 1;
  }
  return width;
}

/** Spaces around runs of Arabic digits next to Chinese characters, each side with `p`. */
export function spaceNumbers(text: string, p: number, rng: () => number): string {
  return text.replace(/\d+/g, (digits, at: number, whole: string) => {
    const before = whole[at - 1] ?? '';
    const after = whole[at + digits.length] ?? '';
    const pre = CJK.test(before) && rng() < p ? ' ' : '';
    const post = CJK.test(after) && rng() < p ? ' ' : '';
    return `${pre}${digits}${post}`;
  });
}

/** Wrap one paragraph: the first line `first` ems wide, the others `rest`. */
export function wrap(text: string, first: number, rest: number): string[] {
  const lines: string[] = [];
  let line = '';
  let limit = first;
  for (const c of text) {
    if (line !== '' && displayWidth(line + c) > limit && !(CLOSING.test(c) && displayWidth(line + c) <= limit + 2)) {
      // A space at the break stays at the end of the line: a line never starts with one (that
      // is how the extraction marks a page start).
      if (c === ' ') {
        line += c;
        continue;
      }
      lines.push(line);
      line = '';
      limit = rest;
    }
    line += c;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `韩超 县政府办公室主任` → `韩 超 县政府办公室主任`, in a personnel list line. */
function padName(line: string, labelled: boolean): string {
  const label = labelled ? ROLE_LABEL.exec(line)![0] : '';
  const rest = line.slice(label.length);
  const m = /^( *)([\u3400-\u9fff])([\u3400-\u9fff])(?=[ （(]|$)/.exec(rest);
  if (!m) return line;
  return `${label}${m[1]}${m[2]} ${m[3]}${rest.slice(m[0].length)}`;
}

/** Index of the title line: the first of the first lines that ends in a 文种. */
function titleIndex(paragraphs: string[]): number {
  for (let k = 0; k < Math.min(paragraphs.length, 5); k++) {
    if (TYPE_END.test(paragraphs[k].trim())) return k;
  }
  return Math.min(1, paragraphs.length - 1);
}

/** One notice as printed lines, without page furniture. */
function printNotice(text: string, columns: number, titleColumns: number, rng: () => number): Printed[] {
  const paragraphs = text.split(/\r?\n/).map((p) => p.replace(/\s+$/, '')).filter((p) => p.trim() !== '');
  const title = titleIndex(paragraphs);
  const out: Printed[] = [];
  let inList = false;
  paragraphs.forEach((paragraph, k) => {
    if (k < title) {
      // Issuer line(s): set on their own, glued to what follows.
      for (const line of wrap(paragraph, titleColumns, titleColumns)) out.push({ text: line, glued: true });
      return;
    }
    if (k === title) {
      for (const line of wrap(paragraph, titleColumns, titleColumns)) out.push({ text: line });
      return;
    }
    if (k <= title + 2 && DOC_LINE.test(paragraph.trim()) && /\d/.test(paragraph)) {
      out.push({ text: spaceNumbers(paragraph.trim(), 1, rng) });
      return;
    }
    let text = paragraph.trim();
    const label = ROLE_LABEL.exec(text);
    if (label && ROLE_WORD.test(label[1].replace(/ /g, ''))) {
      inList = true;
      text = padName(text, true);
    } else if (inList && /^[\u3400-\u9fff]{2,4}(?:[ （(]|$)/.test(text) && displayWidth(text) <= columns * 1.5) {
      text = padName(text, false);
    } else {
      inList = false;
    }
    text = spaceNumbers(text, 0.85, rng);
    for (const line of wrap(text, columns - 2, columns)) out.push({ text: line });
  });
  return out;
}

/** One notice laid out on its own (no page furniture), one printed line per array entry. */
export function layoutNotice(text: string, options: NoticeLayout = {}): string[] {
  const rng = seededRandom(options.seed ?? 1);
  return printNotice(text, options.columns ?? 21, options.titleColumns ?? 22, rng).map((p) => p.text);
}

/** The running header as printed, now and then without the space before 号. */
export function runningHeader(gazette: string, year: number, number: number, tight = false): string {
  return `《${gazette}》${year} 年第 ${number}${tight ? '' : ' '}号`;
}

/** A whole gazette issue as PDF-extracted text. */
export function layoutIssue(issue: IssueLayout): string {
  const columns = issue.columns ?? 21;
  const titleColumns = issue.titleColumns ?? 22;
  const perPage = issue.linesPerPage ?? 38;
  const rng = seededRandom(issue.seed ?? 1);
  let page = issue.firstPage ?? 1;
  const out: string[] = [];
  let onPage = 0;
  let pageLimit = perPage;
  let pageStart = true;
  const newPageLimit = () => perPage + Math.floor(rng() * 4) - 1;

  for (const notice of issue.notices) {
    // A notice starts on a new page (the previous page's furniture is not always printed).
    if (out.length > 0) page++;
    pageStart = true;
    onPage = 0;
    pageLimit = newPageLimit();
    for (const line of printNotice(notice, columns, titleColumns, rng)) {
      if (onPage >= pageLimit) {
        out.push('', runningHeader(issue.gazette, issue.year, issue.number, rng() < 0.15), '', `- ${page} -`, '');
        page++;
        onPage = 0;
        pageLimit = newPageLimit();
        pageStart = true;
      }
      out.push(`${pageStart ? ' ' : ''}${line.text}`);
      if (!line.glued) out.push('');
      pageStart = false;
      onPage++;
    }
  }
  return `${out.join('\n')}\n`;
}
