// The gazette layout used to turn real notices into PDF-like seeds: it keeps every character
// in order, wraps at the column, prints the page furniture, pads names and is deterministic.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { displayWidth, layoutIssue, layoutNotice, runningHeader, spaceNumbers, wrap } from './gazette-layout.ts';

const dir = join(import.meta.dirname, '../fixtures/real/notices');
const notices = readdirSync(dir).sort().map((id) => readFileSync(join(dir, id, 'notice.txt'), 'utf8'));
const visible = (s: string) => s.replace(/\s+/g, '');
const HEADER = /^《[^》]+》\d{4} 年第 \d+ ?号$/;
const PAGE = /^- \d+ -$/;

describe('layoutIssue', () => {
  const text = layoutIssue({ gazette: '某县人民政府公报', year: 2022, number: 3, notices, seed: 42 });
  const lines = text.split('\n');

  test('keeps every non-whitespace character of every notice, in order', () => {
    const body = lines.filter((l) => !HEADER.test(l.trim()) && !PAGE.test(l.trim())).join('');
    expect(visible(body)).toBe(visible(notices.join('')));
  });

  test('prints running headers and page numbers, and the next page starts with one space', () => {
    const headers = lines.flatMap((l, k) => (HEADER.test(l) ? [k] : []));
    expect(headers.length).toBeGreaterThan(3);
    for (const k of headers) {
      expect(lines[k]).toMatch(/^《某县人民政府公报》2022 年第 3 ?号$/);
      expect(lines[k + 2]).toMatch(PAGE);
      expect(lines[k + 4]).toMatch(/^ \S/);
    }
    const numbers = lines.filter((l) => PAGE.test(l)).map((l) => Number(/\d+/.exec(l)![0]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  test('puts a blank line after every printed line, except between issuer and title', () => {
    // Only the issuer line(s) at the top of a notice (which starts a page) are glued to the next.
    for (let k = 0; k + 1 < lines.length; k++) {
      if (lines[k] === '' || lines[k + 1] === '') continue;
      let start = k;
      while (start > 0 && lines[start - 1] !== '') start--;
      expect(lines[start], `line ${k + 1}`).toMatch(/^ \S/);
      expect(k - start).toBeLessThan(3);
    }
    expect(lines.filter((l) => l === ' 颍上县新冠肺炎疫情防控应急指挥部通告').length).toBe(2);
  });

  test('wraps body lines at the column (a closing mark may hang over)', () => {
    for (const l of lines) {
      if (l === '' || HEADER.test(l)) continue;
      expect(displayWidth(l.trim())).toBeLessThanOrEqual(22 + 2);
    }
  });

  test('is deterministic, and the seed changes the page breaks', () => {
    expect(layoutIssue({ gazette: '某县人民政府公报', year: 2022, number: 3, notices, seed: 42 })).toBe(text);
    expect(layoutIssue({ gazette: '某县人民政府公报', year: 2022, number: 3, notices, seed: 43 })).not.toBe(text);
  });
});

describe('layoutNotice', () => {
  const notice = '某县人民政府办公室\n关于成立某县某某工作领导小组的通知\n某政办字〔2022〕16号 2022年4月8日\n各乡镇人民政府：\n为加强领导，经研究，决定成立领导小组。组成人员名单如下：\n组 长：张三 县长\n副组长：李四 副县长\n王五 县政府办公室主任\n某县人民政府办公室\n2022年4月8日';
  const lines = layoutNotice(notice, { seed: 1 });

  test('spaces the numbers of the 文号 and date line as the seed prints them', () => {
    expect(lines).toContain('某政办字〔2022〕16 号 2022 年 4 月 8 日');
  });

  test('pads two-character names in personnel lists', () => {
    expect(lines).toContain('组 长：张 三 县长');
    expect(lines).toContain('副组长：李 四 副县长');
    expect(lines).toContain('王 五 县政府办公室主任');
  });

  test('drops the first-line indent: a first line holds 2 em less', () => {
    const k = lines.findIndex((l) => l.startsWith('为加强领导'));
    expect(displayWidth(lines[k])).toBeGreaterThan(17);
    expect(displayWidth(lines[k])).toBeLessThanOrEqual(19);
    expect(lines[k + 1].length).toBeGreaterThan(0);
  });
});

describe('pieces', () => {
  test('wrap never starts a line with a space or a comma', () => {
    const lines = wrap('一二三四五 六七八九十，甲乙丙丁', 5, 5);
    for (const l of lines) expect(l).not.toMatch(/^[ ，]/);
    expect(lines.join('')).toBe('一二三四五 六七八九十，甲乙丙丁');
  });

  test('spaceNumbers spaces digits only next to Chinese characters', () => {
    expect(spaceNumbers('于2022年3月底（2020—2025年）〔2021〕84号', 1, () => 0)).toBe('于 2022 年 3 月底（2020—2025 年）〔2021〕84 号');
  });

  test('runningHeader', () => {
    expect(runningHeader('威县人民政府公报', 2022, 2)).toBe('《威县人民政府公报》2022 年第 2 号');
    expect(runningHeader('威县人民政府公报', 2022, 2, true)).toBe('《威县人民政府公报》2022 年第 2号');
  });
});
