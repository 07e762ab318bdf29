// Folding for matching, never for printing: the page always shows the text as printed.
// Traditional characters become simplified (OpenCC's Hong Kong/Taiwan → mainland tables, so
// 關於…通知 reads as 关于…通知), full-width letters and digits become ASCII, and the PDF's spaces
// go. A folded text keeps one character per printed character only up to OpenCC's phrase
// conversions, so it is used to recognize a line, not to cut it.
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const cache = new Map<string, string>();

/** `關於 印發…的通知` → `关于印发…的通知`. */
export function foldForMatching(text: string): string {
  let folded = cache.get(text);
  if (folded === undefined) {
    folded = toSimplified(toHalfWidth(text.replace(/\s+/g, '')));
    if (cache.size > 50_000) cache.clear();
    cache.set(text, folded);
  }
  return folded;
}

/** Full-width ASCII (Ａ-Ｚ, ０-９, ．) → ASCII; CJK punctuation stays. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
