// 文号 (document numbers): one normalizer for the ingest headers, the citations and search.
// A 文号 is 机关代字 + 〔year〕 + serial + 号: `威政办字〔2022〕25号`. The PDF text and the
// documents themselves print it in many ways — brackets 〔〕 [] ［］ （） () 【】, full-width
// digits, spaces anywhere (`威政办字 〔 2022 〕 25 号`) — all of which normalize to the form above.
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

export interface DocNoParts {
  /** 机关代字: the CJK characters before the bracket, e.g. 威政办字, 国办发明电. */
  prefix: string;
  year: number;
  serial: number;
}

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const OPEN = '〔\\[［（(【〖';
const CLOSE = '〕\\]］）)】〗';
const DIGIT = '[0-9０-９]';
/** The part after the 机关代字, spaces allowed anywhere: `〔 2022 〕 第 25 号`. */
const TAIL = `[${OPEN}]\\s*(${DIGIT}(?:\\s*${DIGIT}){3})\\s*[${CLOSE}]\\s*(?:第\\s*)?(${DIGIT}(?:\\s*${DIGIT}){0,5})\\s*[号號]`;
const WHOLE = new RegExp(`^\\s*((?:[${CJK}]\\s*){1,12})${TAIL}\\s*$`);
const TAIL_G = new RegExp(TAIL, 'g');
const CJK_CHAR = new RegExp(`[${CJK}]`);

/** Longest 机关代字 read back from the bracket in running text (国办发明电, 冀自然资字 are 5). */
const MAX_PREFIX = 8;
/**
 * Words that end the running text before a 文号: `根据冀政办字〔2021〕84号`, `和邢政字〔2022〕5号`.
 * The 机关代字 starts after the last of them.
 */
const BEFORE_PREFIX = ['根据', '按照', '依据', '依照', '参照', '参考', '对照', '执行', '落实', '贯彻', '印发', '转发', '下发', '详见', '文件', '通知', '精神', '要求', '规定', '以及', '和', '及', '与', '或', '见', '的', '即', '是', '由',
  // an issuer printed before its 文号: 邢台市人民政府 邢政字〔2022〕5号
  '政府', '办公室', '办公厅', '委员会'];

function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function parts(prefix: string, year: string, serial: string): DocNoParts | undefined {
  const y = Number(toAsciiDigits(year).replace(/\s+/g, ''));
  const s = Number(toAsciiDigits(serial).replace(/\s+/g, ''));
  if (y < 1949 || y > 2200 || !Number.isInteger(s) || s < 1) return undefined;
  return { prefix: prefix.replace(/\s+/g, ''), year: y, serial: s };
}

const LEADING = new RegExp(`^\\s*((?:[${CJK}]\\s*){1,12})${TAIL}`);

/**
 * A 文号 that opens a text (`威政字〔2022〕16 号 2022 年 4 月 8 日`): its parts, and the text after
 * it; undefined when the text does not start with one.
 */
export function leadingDocNo(text: string): { parts: DocNoParts; printed: string; rest: string } | undefined {
  const m = LEADING.exec(text);
  const p = m && parts(m[1], m[2], m[3]);
  return p ? { parts: p, printed: m[0].trim(), rest: text.slice(m[0].length) } : undefined;
}

/** A text that is exactly one 文号 (surrounding spaces allowed) → its parts; otherwise undefined. */
export function parseDocNo(text: string): DocNoParts | undefined {
  const m = WHOLE.exec(text);
  return m ? parts(m[1], m[2], m[3]) : undefined;
}

export function formatDocNo(p: DocNoParts): string {
  return `${p.prefix}〔${p.year}〕${p.serial}号`;
}

/** Any printed variant of one 文号 → `威政办字〔2022〕25号`; undefined when the text is not a 文号. */
export function normalizeDocNo(text: string): string | undefined {
  const p = parseDocNo(text);
  return p ? formatDocNo(p) : undefined;
}

export interface FoundDocNo {
  /** Normalized 文号. */
  docNo: string;
  /** Where the printed 文号 starts in the text (its 机关代字), and how long it is as printed. */
  index: number;
  length: number;
}

/**
 * Every 文号 in a running text, in order, with the span it is printed in. The 机关代字 is read
 * back from the bracket over CJK characters (spaces between them allowed), at most 8, and starts
 * after a joining word such as 根据 / 按照 / 和 / 及 when one precedes it in the same run.
 */
export function findDocNos(text: string): FoundDocNo[] {
  const found: FoundDocNo[] = [];
  let floor = 0;
  for (const m of text.matchAll(TAIL_G)) {
    const tailAt = m.index;
    // Walk back over CJK characters and the spaces between them, not into the previous 文号.
    const chars: number[] = [];
    let k = tailAt - 1;
    while (k >= floor) {
      const c = text[k];
      if (/\s/.test(c)) {
        k--;
        continue;
      }
      if (!CJK_CHAR.test(c)) break;
      chars.unshift(k);
      k--;
    }
    let run = chars.map((i) => text[i]).join('');
    let cut = 0;
    for (const w of BEFORE_PREFIX) {
      const at = run.lastIndexOf(w);
      // A joining word at the very end would leave no prefix; 号 ends an earlier 文号-like text.
      if (at >= 0 && at + w.length < run.length) cut = Math.max(cut, at + w.length);
    }
    const at = run.lastIndexOf('号');
    if (at >= 0 && at + 1 < run.length) cut = Math.max(cut, at + 1);
    cut = Math.max(cut, run.length - MAX_PREFIX);
    run = run.slice(cut);
    if (run.length < 2) continue;
    const p = parts(run, m[1], m[2]);
    if (!p) continue;
    const index = chars[cut];
    found.push({ docNo: formatDocNo(p), index, length: tailAt + m[0].length - index });
    floor = tailAt + m[0].length;
  }
  return found;
}

/** Pinyin of a 机关代字, lowercase, no separators: 威政办字 → weizhengbanzi. */
export function prefixPinyin(prefix: string): string {
  let slug = pinyinOfPrefix.get(prefix);
  if (slug === undefined) {
    slug = pinyin(prefix, { toneType: 'none', type: 'array', v: true })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    pinyinOfPrefix.set(prefix, slug);
  }
  return slug;
}
const pinyinOfPrefix = new Map<string, string>();

/** A 6-digit number from the 机关代字's characters: digits never occur in pinyin, so a
 *  disambiguated slug can never equal a plain one. */
export function prefixTag(prefix: string): string {
  const h = createHash('sha1').update(prefix).digest();
  return String(h.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/**
 * URL-safe id of a 文号: `pinyin(机关代字)-year-serial`, 威政办字〔2022〕25号 → `weizhengbanzi-2022-25`.
 *
 * Two different 机关代字 can share a pinyin (冀政办字 and 济政办字 are both jizhengbanzi). Pass the
 * other 文号 (or 机关代字) known to the corpus as `known`: when one of them has a different prefix
 * with the same pinyin, every prefix of that group gets a 6-digit tag derived from its own
 * characters (`jizhengbanzi123456-2021-84`), so the result does not depend on which came first.
 * Without `known` the plain pinyin is returned. Throws on a text that is not a 文号.
 */
export function docNoSlug(docNo: string, known: Iterable<string> = []): string {
  const p = parseDocNo(docNo);
  if (!p) throw new Error(`expected a 文号 like X政办字〔2022〕25号, found “${docNo}”`);
  const base = prefixPinyin(p.prefix);
  const clash = [...(prefixesByPinyin(known).get(base) ?? [])].some((prefix) => prefix !== p.prefix);
  return `${clash ? base + prefixTag(p.prefix) : base}-${p.year}-${p.serial}`;
}

/**
 * The known 机关代字 grouped by pinyin, computed once per `known` collection: a corpus calls
 * docNoSlug for every citation with the same list, and walking it each time was quadratic.
 */
const groupsOf = new WeakMap<object, Map<string, Set<string>>>();
function prefixesByPinyin(known: Iterable<string>): Map<string, Set<string>> {
  const cached = groupsOf.get(known);
  if (cached) return cached;
  const groups = new Map<string, Set<string>>();
  for (const other of known) {
    const prefix = parseDocNo(other)?.prefix ?? other.replace(/\s+/g, '');
    const key = prefixPinyin(prefix);
    if (!groups.has(key)) groups.set(key, new Set());
    groups.get(key)!.add(prefix);
  }
  groupsOf.set(known, groups);
  return groups;
}
