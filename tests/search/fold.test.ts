// Issue 11: a 文号 in any spelling. The search folds every bracket to 〔〕 (scripts/search/search-api.js
// `fold`, which the index build, the notice page's highlight and the benchmark share), and ranks
// the notice whose 文号 a bracketless query spells first (`docNoKey`). Excerpts come from the
// printed text, cut into slices that read back as exactly the indexed units (`excerptSlices`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { normalizeDocNo } from '../../scripts/ingest/docno.ts';
import { excerptSlices, SLICE } from '../../scripts/search/excerpts.ts';
import { BRACKETS, docNoKey, fold, parseQuery, UNIT, unitBounds, unitSpans, unitText, units } from '../../scripts/search/search-api.js';

const CANONICAL = '威政办字〔2022〕25号';
// The spellings staff type or documents print, each read from the seed's 威政办字〔2022〕25号.
const SPELLINGS = [
  '威政办字[2022]25号',
  '威政办字(2022)25号',
  '威政办字（2022）25号',
  '威政办字（２０２２）２５号',
  '威政办字［2022］25号',
  '威政办字【2022】25号',
  '威政办字〖2022〗25号',
  '威政办字〘2022〙25号',
  '威政办字 〔 2022 〕 25 号',
  '威政办字 [2022] 25号',
  '　威政办字（２０２２）２５　号　',
];

test('every bracket, full or half width, with spaces anywhere, folds to the 文号 as printed', () => {
  for (const q of SPELLINGS) expect(fold(q), q).toBe(CANONICAL);
  // Without the final 号 it is the 文号's own beginning: a substring, found exactly.
  for (const q of ['威政办字(2022)25', '威政办字［２０２２］２５', '威政办字【2022】 25']) expect(fold(q), q).toBe('威政办字〔2022〕25');
  // One bracket pair everywhere, not only around a year: the rule is character by character, so
  // whatever part of a text is typed folds to a part of the folded text.
  expect(fold('（一）')).toBe('〔一〕');
  expect(fold('【试行】')).toBe(fold('(试行)'));
  expect(fold('〔2022')).toBe(fold('[2022'));
  // Other punctuation keeps its own identity.
  expect(fold('《通知》')).toBe('《通知》');
});

test('a bracketed 文号 is one word of the query, whichever bracket was typed', () => {
  for (const q of ['威政办字[2022]25号', '威政办字（２０２２）２５号', '威政办字【2022】25号']) {
    expect(parseQuery(q).map((w) => w.text), q).toEqual([CANONICAL]);
    expect(parseQuery(q)[0]!.pagefind, q).toBe(parseQuery(CANONICAL)[0]!.pagefind);
  }
});

test('the brackets are those the ingest reads in a 文号 (scripts/ingest/docno.ts), and every one of them parses there', () => {
  const source = readFileSync(path.resolve(import.meta.dirname, '../../scripts/ingest/docno.ts'), 'utf8');
  // The ingest's tables, as written there: const OPEN = '〔\\[［（(【〖'; (the backslashes escape for a RegExp).
  const table = (name: string) => [...new RegExp(`const ${name} = '([^']*)'`).exec(source)![1]!.replace(/\\\\/g, '')];
  const ingestOpen = table('OPEN');
  const ingestClose = table('CLOSE');
  for (const c of ingestOpen) expect(BRACKETS.open, c).toContain(c);
  for (const c of ingestClose) expect(BRACKETS.close, c).toContain(c);
  // Pairwise, each bracket the search folds is one the ingest's normalizer accepts in a 文号, and
  // both agree on what it is.
  [...BRACKETS.open].forEach((open, k) => {
    const close = [...BRACKETS.close][k]!;
    const printed = `威政办字${open}2022${close}25号`;
    if (ingestOpen.includes(open) && ingestClose.includes(close)) expect(normalizeDocNo(printed), printed).toBe(CANONICAL);
    expect(fold(printed), printed).toBe(fold(CANONICAL));
  });
});

test('a 文号 typed without brackets, as three words, is recognized for ranking only', () => {
  for (const q of ['威政办字 2022 25', '威政办字 2022 25号', '威政办字　２０２２　２５　号']) expect(docNoKey(q), q).toBe(CANONICAL);
  // Still a query of words, each of which must occur.
  expect(parseQuery('威政办字 2022 25').map((w) => w.text)).toEqual(['威政办字', '2022', '25']);
  // Not a 文号: digits run together (ambiguous), no year, or more words.
  for (const q of ['威政办字202225', '威政办字2022 25', '威政办字 22 25', '高凯英 威政办字 2022 25', '威政办字[2022]25号']) expect(docNoKey(q), q).toBeUndefined();
});

test('unitSpans: the units of a printed text and where each stands in it', () => {
  const text = '组长：高凯英 县政府县长\n威政办字（２０２２）２５ 号　PM 2.5';
  const { folded, spans } = unitSpans(text);
  expect(folded).toBe(fold(text));
  expect(spans.length).toBe(units(fold(text)).length);
  const shown = spans.map(([a, b]) => text.slice(a, b));
  expect(shown.slice(0, 7)).toEqual(['组', '长', '：', '高', '凯', '英', '县']);
  // A full-width year is one unit, its brackets printed as they are.
  expect(shown.slice(15, 20)).toEqual(['（', '２０２２', '）', '２５', '号']);
  // A Latin/digit run spans the space the print has inside it.
  expect(shown.slice(20)).toEqual(['PM 2', '.', '5']);
});

test('units: exactly the matches of UNIT, for every character and runs of them', () => {
  // Every code point of the Basic Multilingual Plane but the surrogates, then astral ones: Han
  // (extension B), a letter, a digit, an emoji, a combining mark after a letter and after a Han
  // character, letters and digits run together and broken by marks, spaces and Han characters.
  const bmp = Array.from({ length: 0x10000 }, (_, code) => (code >= 0xd800 && code <= 0xdfff ? '' : String.fromCodePoint(code))).join('');
  const samples = [bmp, '𠀀𠀁a𝐀𝟘😀é字\u0301ab12 cd3\u20dd4字ΩЖ٣ 　x\u200by', '㈠〔２０２２〕PM2.5'];
  for (const text of samples) {
    const expected = [...text.matchAll(UNIT)].map((m) => m[0]);
    expect(units(text).map(unitText)).toEqual(expected);
    // unitBounds finds the same units in the text it folds itself, each printed where it says.
    const { folded, starts, ends } = unitBounds(text);
    const found = [...folded.matchAll(UNIT)].map((m) => m[0]);
    expect(starts.length).toBe(found.length);
    // (Each unit's place only in text that folds alike character by character and whole: NFKC
    // composes the BMP's combining marks with what precedes them.)
    if (text !== bmp) expect(found.filter((unit, k) => !fold(text.slice(starts[k], ends[k])).includes(unit))).toEqual([]);
  }
});

test('excerpt slices: the printed text in slices that read back as the indexed units', () => {
  const line = (k: number) => `${k}、组长：高凯英　县政府县长；副组长：潘国军（县政府副县长）`;
  const printed = Array.from({ length: 150 }, (_, k) => line(k)).join('\n');
  const folded = fold(printed);
  const us = units(folded);
  expect(us.length).toBeGreaterThan(2 * SLICE);
  const { slices, lead, printed: kept } = excerptSlices(printed, folded, () => us);
  expect(kept).toBe(true);
  expect(slices.length).toBe(Math.ceil(us.length / SLICE));
  expect(slices.join('')).toBe(printed);
  expect(slices.flatMap((s) => units(unitSpans(s).folded))).toEqual(us);
  expect(lead.startsWith('0、组长：高凯英　县政府县长；')).toBe(true);
  // A slice boundary inside one printed character (㈠ folds to three units, 〔一〕) would split it:
  // the folded text is used instead.
  const straddling = `${'字'.repeat(SLICE - 1)}㈠${'字'.repeat(10)}`;
  expect(units(fold(straddling)).length).toBe(SLICE + 12);
  expect(excerptSlices(straddling, fold(straddling), () => units(fold(straddling))).printed).toBe(false);
  const before = `${'字'.repeat(SLICE - 3)}㈠${'字'.repeat(10)}`;
  expect(excerptSlices(before, fold(before), () => units(fold(before))).printed).toBe(true);
  // Text that does not fold to the indexed text is not used: the folded text is shown instead.
  const other = excerptSlices(`${printed}多`, folded, () => us);
  expect(other.printed).toBe(false);
  expect(other.slices.join('')).toBe(folded);
});
