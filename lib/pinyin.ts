// Pinyin for ordering and A–Z initials. Chinese readers look names up by pinyin, and code-point
// order of hanzi means nothing to them. `surname: 'head'` reads the first character of a person's
// name as a surname (单 → shan, 翟 → zhai), which is also harmless for organization names.
import { pinyin } from 'pinyin-pro';

/** Toneless pinyin syllables joined by spaces: `高凯英` → `gao kai ying`. Non-hanzi pass through. */
export function pinyinKey(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .join(' ')
    .toLowerCase();
}

/** A–Z initial of the first syllable, or `#` when the text starts with no letter. */
export function initialOf(text: string): string {
  const first = pinyinKey(text).charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

/** Digits compared as numbers (〔2022〕5号 before 〔2022〕16号), everything else by code point. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/**
 * Order by pinyin, then by the text itself, so homophones (张辉, 张慧) still have one fixed order.
 * Total and independent of the input order, which keeps builds byte-identical.
 */
export function compareByPinyin(a: string, b: string): number {
  return collator.compare(pinyinKey(a), pinyinKey(b)) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Sort a copy of `items` by the pinyin of `text(item)`. */
export function sortByPinyin<T>(items: readonly T[], text: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, text: text(item) }));
  keyed.sort((a, b) => compareByPinyin(a.text, b.text));
  return keyed.map((k) => k.item);
}

/**
 * A URL slug from pinyin: toneless syllables joined by hyphens, anything else dropped.
 * `威县人民政府办公室` → `wei-xian-ren-min-zheng-fu-ban-gong-shi`, `通知` → `tong-zhi`.
 * One syllable per character never guesses word boundaries, so the slug depends only on the
 * text (and pinyin-pro's readings), never on which other values exist.
 */
export function pinyinSlug(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}
