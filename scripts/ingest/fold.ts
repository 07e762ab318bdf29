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

/** Traditional → simplified, character by character: the result is as long as the text. */
export function toSimplified(text: string): string {
  let out = '';
  for (const c of text) out += foldChar(c);
  return out;
}

/** `關於 印發…的通知` → `关于印发…的通知`: simplified, half-width, without spaces. */
export function foldForMatching(text: string): string {
  return toSimplified(toHalfWidth(text.replace(/\s+/g, '')));
}

/** Full-width ASCII (Ａ-Ｚ, ０-９, ．) → ASCII; CJK punctuation stays. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
