// Folding for matching, never for printing: the page always shows the text as printed.
// Traditional characters become simplified (OpenCC's Taiwan and Hong Kong tables, one
// character at a time, so 關於…通知 reads as 关于…通知 and every position stays that of the
// print), full-width letters and digits become ASCII, and the PDF's spaces go.
import * as OpenCC from 'opencc-js';

const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
const folded = new Map<string, string>();

/** One character, traditional → simplified (麗 → 丽); anything else unchanged. */
function foldChar(c: string): string {
  let f = folded.get(c);
  if (f === undefined) {
    const tw = fromTaiwan(c);
    f = [...tw].length === 1 && tw !== c ? tw : fromHongKong(c);
    if ([...f].length !== 1) f = c;
    folded.set(c, f);
  }
  return f;
}

/**
 * What each BMP character folds to, as far as asked: 0 not yet, 1 itself, 2 another (in
 * `folded`). Nearly every character of a gazette folds to itself: such a run is copied whole,
 * with no look-up by string (the ingest asks of millions of characters, line by line).
 */
const bmpFolds = new Uint8Array(0x10000);

/** Traditional → simplified, character by character: the result is as long as the text. */
export function toSimplified(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (!pair) {
      let fold = bmpFolds[code]!;
      if (fold === 0) bmpFolds[code] = fold = foldChar(text[i]!) === text[i] ? 1 : 2;
      if (fold === 1) {
        i++;
        continue;
      }
    }
    const c = text.slice(i, pair ? i + 2 : i + 1);
    const f = foldChar(c);
    if (f !== c) {
      out += text.slice(copied, i) + f;
      copied = i + c.length;
    }
    i += c.length;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** `關於 印發…的通知` → `关于印发…的通知`: simplified, half-width, without spaces. */
export function foldForMatching(text: string): string {
  return toSimplified(toHalfWidth(text.replace(/\s+/g, '')));
}

/** Full-width ASCII (Ａ-Ｚ, ０-９, ．) → ASCII; CJK punctuation stays. */
export function toHalfWidth(text: string): string {
  return FULL_WIDTH_ONE.test(text) ? text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : text;
}

const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e]/g;
/** The same characters, for a test without a replacement (most texts have none). */
const FULL_WIDTH_ONE = new RegExp(FULL_WIDTH.source);
