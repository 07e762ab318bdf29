// The exact search's normalization and tokenization (scripts/search/search-api.js), which the
// index build and the browser share.
import { expect, test } from 'vitest';
import { bigrams, fold, parseQuery, unitText, units } from '../../scripts/search/search-api.js';

test('fold removes whitespace and folds full/half width and case', () => {
  expect(fold('威政办字〔2022〕25 号')).toBe('威政办字〔2022〕25号');
  // Brackets of every shape read as one pair, 〔〕 (tests/search/fold.test.ts).
  expect(fold('ＰＭ２．５　（试行）')).toBe('pm2.5〔试行〕');
  expect(fold('韩 超')).toBe('韩超');
});

test('units: one Han character, one punctuation mark, or a Latin/digit run', () => {
  const us = units(fold('威政字〔2022〕16号 PM2.5'));
  expect(us.map(unitText)).toEqual(['威', '政', '字', '〔', '2022', '〕', '16', '号', 'pm2', '.', '5']);
  // Punctuation is spelled with alphanumeric runes, so Pagefind keeps it as a word character.
  expect(us[3]).toMatch(/^[\p{L}\p{N}]+$/u);
  expect(new Set(us.filter((u) => u !== us[3]).map(unitText))).not.toContain('〔');
});

test('bigrams: one word per unit, consecutive, the last unit alone', () => {
  expect(bigrams(['高', '凯', '英'])).toEqual(['高凯', '凯英', '英']);
  expect(bigrams(['县'])).toEqual(['县']);
});

test('queries: an exact phrase of bigrams, a whole unit for a single unit, words AND-ed', () => {
  expect(parseQuery('高凯英').map((w) => w.pagefind)).toEqual(['"高凯 凯英"']);
  expect(parseQuery(' 县 ').map((w) => [w.unit, w.pagefind])).toEqual([['县', undefined]]);
  expect(parseQuery('高凯英　韩超').map((w) => w.text)).toEqual(['高凯英', '韩超']);
  expect(parseQuery('').length).toBe(0);
  // The PDF's space inside a 文号 splits it into two words that must both occur.
  expect(parseQuery('威政办字〔2022〕25 号').map((w) => w.text)).toEqual(['威政办字〔2022〕25', '号']);
});

test('a phrase of consecutive bigrams is a substring of the text, and only then', () => {
  const text = bigrams(units(fold('组长：高凯英县委副书记'))).join(' ');
  const phrase = (q: string) => parseQuery(q)[0]!.pagefind!.slice(1, -1);
  expect(text.includes(phrase('高凯英'))).toBe(true);
  expect(text.includes(phrase('长：高'))).toBe(true);
  expect(text.includes(phrase('高英'))).toBe(false);
});
