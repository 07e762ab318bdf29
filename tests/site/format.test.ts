// The one helper that keeps 文号, dates, counts and phone numbers whole and makes phone numbers
// tel: links (src/lib/format.ts), on text from the seed's notices. Its use on a notice's MDX:
// body-typography.test.ts.
import { describe, expect, test } from 'vitest';
import { isNumericCell, telHref, unbreakableRuns } from '../../src/lib/format.ts';

describe('unbreakableRuns', () => {
  test('marks each 文号, date, count and phone number, and joins back to the text', () => {
    // 44号 and the 联络表 of 27号 print these.
    const text = '根据威政字〔2022〕16号，于2022年6月21日前完成，共14件，联系电话13930918781、0319-6128888。';
    const runs = unbreakableRuns(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.kind).map((r) => [r.kind, r.text])).toEqual([
      // The 机关代字 is not known (any body's may be cited): the run takes up to four characters
      // before the bracket, so a line may break a character early, never inside the 文号.
      ['docno', '据威政字〔2022〕16号'],
      ['date', '2022年6月21日'],
      ['count', '14件'],
      ['phone', '13930918781'],
      ['phone', '0319-6128888'],
    ]);
  });

  test('reads 文号 in any bracket and dates with the PDF’s spaces', () => {
    expect(unbreakableRuns('冀政办字[2022]9 号').map((r) => r.kind)).toEqual(['docno']);
    expect(unbreakableRuns('2022 年 4 月 8 日').map((r) => r.kind)).toEqual(['date']);
  });

  test('text without an ASCII digit is one plain run (full-width and Chinese numerals mark nothing)', () => {
    expect(unbreakableRuns('二〇二二年四月八日，共十四件')).toEqual([{ text: '二〇二二年四月八日，共十四件' }]);
    expect(unbreakableRuns('２０２２年４月８日')).toEqual([{ text: '２０２２年４月８日' }]);
    expect(unbreakableRuns('')).toEqual([]);
  });

  test('a bare 7-digit number or a long amount is not a phone number', () => {
    expect(unbreakableRuns('6066199').some((r) => r.kind === 'phone')).toBe(false);
    expect(unbreakableRuns('123456789012').some((r) => r.kind === 'phone')).toBe(false);
  });
});

test('telHref dials the digits only', () => {
  expect(telHref('0319-6128888')).toBe('tel:03196128888');
});

test('isNumericCell: a 序号, a phone number, an amount; not text', () => {
  expect(['12', '13930918781', ' 3.5\n', '20%', '1\u00a0000'].map(isNumericCell)).toEqual([true, true, true, true, true]);
  expect(['县财政局', '', '第1号', '—'].map(isNumericCell)).toEqual([false, false, false, false]);
});
