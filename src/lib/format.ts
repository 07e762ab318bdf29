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

/** Provenance line: `seeds/weixian-gazette-2022-02.txt，第 1–1155 行`. */
export function sourceLabel(source: Notice['source']): string {
  const [from, to] = source.lines;
  return `${source.file}，第 ${from}–${to} 行`;
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
