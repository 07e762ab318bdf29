// 成文日期 as printed: `2022 年 4 月 8 日` (Arabic, with the PDF's spaces), `二〇二二年四月八日`,
// `二○一一年二月二十三日` (Chinese numerals, with 〇, ○ or 零 for zero), optionally in brackets
// `（2022 年 4 月 8 日）`. Read into an ISO date; an impossible date is reported, not corrected.
// (The year is written digit by digit and the month and day as counted numbers, so a general
// Chinese-numeral library would read 二〇二二 as 222: the two small rules are written here.)
import { toHalfWidth } from './fold.ts';

const CN_DIGIT: Record<string, number> = { 〇: 0, '○': 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN = '〇○零Ｏ一二三四五六七八九十';
const NUMBER = `(?:\\d{1,4}|[${CN}]{1,4})`;
/** A date, spaces allowed around every part. Groups: year, month, day. */
const DATE = new RegExp(`(\\d{4}|[${CN}O]{4})\\s*年\\s*(${NUMBER})\\s*月\\s*(${NUMBER})\\s*日`);
const WHOLE = new RegExp(`^[（(]?\\s*${DATE.source}\\s*[）)]?$`);
const AT_END = new RegExp(`${DATE.source}\\s*$`);

export interface ReadDate {
  /** ISO date, or undefined when the printed one does not exist (2023 年 2 月 30 日). */
  iso?: string;
  /** As printed, trimmed. */
  printed: string;
  year: number;
  month: number;
  day: number;
  /** Offset of the date in the text it was found in. */
  index: number;
}

/** 二十三 → 23, 十 → 10, 十一 → 11, 4 → 4. */
function countedNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const ten = text.indexOf('十');
  if (ten < 0) return Number([...text].map((c) => CN_DIGIT[c] ?? NaN).join(''));
  const tens = ten === 0 ? 1 : CN_DIGIT[text[ten - 1]] ?? NaN;
  const ones = ten === text.length - 1 ? 0 : CN_DIGIT[text[ten + 1]] ?? NaN;
  return tens * 10 + ones;
}

function read(match: RegExpExecArray | null): ReadDate | undefined {
  if (!match) return undefined;
  const year = /^\d+$/.test(match[1]) ? Number(match[1]) : Number([...match[1]].map((c) => CN_DIGIT[c]).join(''));
  const month = countedNumber(match[2]);
  const day = countedNumber(match[3]);
  if (![year, month, day].every(Number.isInteger)) return undefined;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  const exists = !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === iso;
  return { iso: exists ? iso : undefined, printed: match[0].trim(), year, month, day, index: match.index };
}

/** A line that is a date and nothing else (brackets allowed). */
export function dateLine(text: string): ReadDate | undefined {
  return read(WHOLE.exec(toHalfWidth(text.trim())));
}

/** A date that ends the text (`威政字〔2022〕16 号 2022 年 4 月 8 日`); `index` says where it starts. */
export function dateAtEnd(text: string): ReadDate | undefined {
  return read(AT_END.exec(toHalfWidth(text)));
}


/**
 * A 成文日期 under a title, on one line or as an adoption note wrapped over up to three lines:
 * `2022 年 4 月 8 日`, `（2016年10月27日广州市南沙区第三届人民代表大会第一次会议通过）`.
 * Returns the date and how many lines it takes.
 */
export function headerDate(texts: string[]): { date: ReadDate; lines: number } | undefined {
  const one = texts[0] === undefined ? undefined : dateLine(texts[0]);
  if (one) return { date: one, lines: 1 };
  let joined = '';
  for (let k = 0; k < Math.min(3, texts.length); k++) {
    joined += texts[k].trim();
    if (k === 0 && !/^[（(]/.test(joined)) return undefined;
    if (/[）)]$/.test(joined)) {
      const m = ADOPTED.exec(toHalfWidth(joined.replace(/\s+/g, '')));
      const date = m ? read(new RegExp(DATE.source).exec(m[1])) : undefined;
      return date ? { date: { ...date, printed: joined }, lines: k + 1 } : undefined;
    }
  }
  return undefined;
}
const ADOPTED = new RegExp(`^[（(](${DATE.source.replace(/\\s\*/g, '')}[^（）()]{0,60}?(?:通过|批准|修订|修正|发布))[）)]$`);
