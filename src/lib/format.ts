// How metadata is written on the page. Kept apart from the templates so the exact
// strings (which a later check compares with the printed gazette) are unit-testable.
import type { Gazette, Notice } from '../../schemas/notice.ts';

/** `2022-04-08` → `2022年4月8日`, as dates are printed in the gazette (no leading zeros). */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${JSON.stringify(iso)}`);
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/** `{ year: 2022, number: 2 }` → `2022 年第 2 号`. */
export function gazetteLabel(gazette: Gazette): string {
  return `${gazette.year} 年第 ${gazette.number} 号`;
}

/** 主送机关 joined the way they are printed: `各乡、镇人民政府、县政府有关部门`. */
export function recipientsLabel(recipients: readonly string[]): string {
  return recipients.join('、');
}

/** What a notice is named by: its 文号, else its date, 文种 and printed serial (a 公告's `（第1号）`). */
type Named = { docNo?: string | undefined; date: string; type: string; printed?: { serial?: string | undefined } | undefined };

/**
 * How a notice is named in lists and links: its 文号, or for one printed without a 文号 its date
 * and 文种, with its serial when one is printed (`2022年4月8日通告`, `2023年1月16日通告（第1号）`).
 */
export function noticeLabel(n: Named): string {
  return n.docNo ?? `${chineseDate(n.date)}${n.type}${n.printed?.serial ?? ''}`;
}

/**
 * What stands for the 文号 beside a date that is shown anyway (contents rows, search results):
 * the 文号, or a 公告's printed serial (`（第1号）`), or nothing — never the date a second time.
 */
export function noticeNumber(n: Pick<Named, 'docNo' | 'printed'>): string | undefined {
  return n.docNo ?? n.printed?.serial;
}

/** 发文机关 as a joint notice prints them, in order: `中共威县县委办公室、威县人民政府办公室`. */
export function issuersLabel(issuers: readonly string[]): string {
  return issuers.join('、');
}

/** What kind of token must not be broken across lines (see `unbreakableRuns`). */
export type Unbreakable = 'docno' | 'date' | 'count' | 'phone';

// A 文号 (any 机关代字 of up to four characters, any bracket), a date (年月日, 年月, 月日), a phone number (landline with its area
// code, or mobile: a bare 7-digit number may be an amount), a number with its measure word (14 件, 3 人, 20%). The tokens a line must never
// split: `威政字/〔2022〕16号`, `2022年6/月21日`, `14/件` read as two things. Written without any
// county's 机关代字: they come from the text.
const UNBREAKABLE: [Unbreakable, string][] = [
  ['docno', String.raw`[\u3400-\u9fff]{1,4}\s*[〔\[［（(【]\s*\d{4}\s*[〕\]］）)】]\s*\d+\s*号`],
  ['date', String.raw`\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日`],
  ['phone', String.raw`(?<![\d-])(?:0\d{2,3}[-－—]\d{7,8}|1[3-9]\d{9})(?![\d-])`],
  ['count', String.raw`\d+(?:\.\d+)?\s*(?:个|件|人|条|项|名|家|次|所|户|座|处|辆|台|亩|吨|公里|万元|亿元|元|年|天|小时|%|％)`],
];
const ASCII_DIGIT = /[0-9]/;
const UNBREAKABLE_RE = new RegExp(UNBREAKABLE.map(([kind, re]) => `(?<${kind}>${re})`).join('|'), 'gu');

/**
 * Text split into runs, each 文号, date, count and phone number a run of its own marked with its
 * kind, so the page can keep it on one line (and make a phone number a tel: link); the runs join
 * back to exactly the text.
 */
export function unbreakableRuns(text: string): { text: string; kind?: Unbreakable }[] {
  // Every kind holds an ASCII digit: most of a notice's blocks have none, and are not scanned.
  if (!ASCII_DIGIT.test(text)) return text === '' ? [] : [{ text }];
  const runs: { text: string; kind?: Unbreakable }[] = [];
  let at = 0;
  for (const m of text.matchAll(UNBREAKABLE_RE)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index) });
    const kind = (Object.keys(m.groups!) as Unbreakable[]).find((k) => m.groups![k] !== undefined)!;
    runs.push({ text: m[0], kind });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

/** `tel:` address of a printed phone number: its digits only (`0319-6128888` → `tel:03196128888`). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/\D/g, '')}`;
}

/** The class that keeps a run on one line (`white-space: nowrap`, global.css). */
export const NOWRAP_CLASS = 'nw';

/** A table cell whose text (`textContent`) is a number only (序号, a phone number, an amount): aligned right. */
export function isNumericCell(cellText: string): boolean {
  const text = cellText.replace(/\s/g, '');
  return /^[-+]?[\d.,，%％-]+$/.test(text) && /\d/.test(text);
}
