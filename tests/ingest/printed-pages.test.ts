import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { printedPages } from '../../scripts/ingest/printed-pages.ts';

describe('printedPages: the printed page of each seed line', () => {
  test('counts page starts (leading space, header, number) and anchors them on the printed number', () => {
    const raw = [
      ' 威县人民政府', // page start (leading space): two pages before 9 → 7
      '关于某事的通知',
      '',
      ' 正文第二页', // 8
      '正文',
      '《某县人民政府公报》2022 年第 2 号', // header + number open one page: 9
      '',
      '- 9 -',
      '',
      '四、组织保障', // still page 9: the line after furniture is not another start
      ' 第十页', // 10
    ];
    expect(printedPages(raw)).toEqual([7, 7, 7, 8, 8, 9, 9, 9, 9, 9, 10]);
  });

  test('no page number printed: no page is guessed', () => {
    expect(printedPages([' 甲', '乙', ' 丙'])).toEqual([undefined, undefined, undefined]);
  });

  test('a miscounted start shifts pages only up to the nearest anchor', () => {
    // Two anchors, 2 and 4, with two counted starts between them: the lines near each anchor
    // take that anchor's count.
    const raw = ['- 2 -', '甲', ' 乙', ' 丙', ' 丁', '- 4 -', '戊'];
    expect(printedPages(raw)).toEqual([2, 2, 3, 4, 3, 4, 4]);
  });

  test('the seed: the pages printed in it are the pages of their lines', () => {
    const raw = readFileSync('seeds/weixian-gazette-2022-02.txt', 'utf8').split(/\r?\n/);
    const pages = printedPages(raw);
    // `- 9 -`, `- 14 -`, `- 15 -` are printed on lines 748, 1103, 1158; the first notice (line 1)
    // starts six page starts before page 9.
    expect([pages[747], pages[1102], pages[1157], pages[0]]).toEqual([9, 14, 15, 3]);
  });
});
