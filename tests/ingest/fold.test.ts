// Folding for matching (scripts/ingest/fold.ts): traditional characters to simplified one by one
// (the text keeps its length and every position), full-width letters and digits to ASCII. The
// shortcuts (runs of characters that fold to themselves copied whole, no replacement where there
// is nothing to replace) give what the character-by-character fold gives.
import * as OpenCC from 'opencc-js';
import { expect, test } from 'vitest';
import { foldForMatching, toHalfWidth, toSimplified } from '../../scripts/ingest/fold.ts';

const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** The fold, written plainly: each code point on its own. */
function plainFold(text: string): string {
  let out = '';
  for (const c of text) {
    const tw = fromTaiwan(c);
    let f = [...tw].length === 1 && tw !== c ? tw : fromHongKong(c);
    if ([...f].length !== 1) f = c;
    out += f;
  }
  return out;
}

test('traditional → simplified, character by character, as long as the text', () => {
  expect(toSimplified('關於印發威縣土地整治項目管理辦法的通知')).toBe('关于印发威县土地整治项目管理办法的通知');
  expect(toSimplified('关于印发的通知')).toBe('关于印发的通知');
  expect(toSimplified('')).toBe('');
});

test('the same as folding each code point on its own: mixed, astral and lone surrogates, ASCII', () => {
  const texts = [
    '關於 印發…的通知（第１號）',
    '麗水市人民政府辦公室',
    '𠀋𡈽 與 𪚥 之間',
    '孤\ud800立\udc00的代理',
    'abc 123 ＡＢＣ',
    '县政府办公室關於轉發的通知關於',
    '\ud83d',
  ];
  for (const text of texts) {
    expect(toSimplified(text), text).toBe(plainFold(text));
    expect(toSimplified(text).length, text).toBe(text.length);
    // Twice: the second time from what the first learnt.
    expect(toSimplified(text), text).toBe(plainFold(text));
  }
});

test('full-width letters and digits to ASCII; CJK punctuation stays', () => {
  expect(toHalfWidth('威政字〔２０２２〕１６号，ＡＢｃ．')).toBe('威政字〔2022〕16号，ABc.');
  expect(toHalfWidth('没有全角字母')).toBe('没有全角字母');
  expect(foldForMatching('關於 印發 第１號')).toBe('关于印发第1号');
});
