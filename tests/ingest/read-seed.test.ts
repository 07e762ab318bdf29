// A seed that is not UTF-8 is not guessed at and not converted: the message names the encoding
// it is in (GB18030/GBK, Big5, UTF-16, UTF-32 …) or the damaged bytes and the line they are on,
// and says what to do. Never an absolute path, never line 0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSeed } from '../../lib/read-seed.ts';
import { formatProblem } from '../../scripts/ingest/run.ts';
import { fixtures, root } from '../helpers.ts';

const bad = (name: string) => readFileSync(join(fixtures, 'seeds/bad', name));
const good = readFileSync(join(fixtures, 'seeds/good/weixian-gazette-2023-01.txt'), 'utf8');
const realSeed = readFileSync(join(root, 'seeds/weixian-gazette-2022-02.txt'), 'utf8');

const problemsOf = (bytes: Uint8Array, file = 'seeds/x.txt') => readSeed(file, bytes).problems.map(formatProblem);

const SAVE = 'open the file in a text editor and save it as UTF-8 (without changing its text), then build again';

/** UTF-16 code units, little- or big-endian. */
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(2 * i, text.charCodeAt(i), endian === 'le');
  return bytes;
}

function utf32(text: string, endian: 'le' | 'be'): Uint8Array {
  const points = [...text].map((c) => c.codePointAt(0)!);
  const bytes = new Uint8Array(points.length * 4);
  const view = new DataView(bytes.buffer);
  points.forEach((p, i) => view.setUint32(4 * i, p, endian === 'le'));
  return bytes;
}

/** A GBK encoder made from the platform's GBK decoder (no iconv needed): unknown characters → `?`. */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const c = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(c)) table.set(c, [lead, trail]);
      } catch {
        // not a GBK code
      }
    }
  }
  const out: number[] = [];
  for (const c of text) out.push(...(c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (table.get(c) ?? [0x3f])));
  return new Uint8Array(out);
}

describe('another encoding is named, with what to do', () => {
  test('the fixtures are what they claim to be', () => {
    expect(new TextDecoder('gbk').decode(bad('weixian-gazette-2023-06.txt'))).toContain('关于丁事项的通知');
    expect(new TextDecoder('big5').decode(bad('weixian-gazette-2023-07.txt'))).toContain('關於戊事項的通知');
    expect(new TextDecoder('utf-16le').decode(bad('weixian-gazette-2023-08.txt'))).toContain('关于己事项的通知');
  });

  test.each([
    ['GBK', 'weixian-gazette-2023-06.txt', 'GB18030 (GBK)'],
    ['Big5', 'weixian-gazette-2023-07.txt', 'Big5'],
    ['UTF-16LE with BOM (Notepad’s “Unicode”)', 'weixian-gazette-2023-08.txt', 'UTF-16LE'],
  ])('%s', (_, name, found) => {
    expect(problemsOf(bad(name), `seeds/${name}`)).toEqual([`seeds/${name}:1: expected UTF-8 text, found ${found} — ${SAVE}`]);
  });

  test.each([
    ['UTF-16LE without BOM', utf16(good, 'le'), 'UTF-16LE'],
    ['UTF-16BE with BOM', utf16(`\uFEFF${good}`, 'be'), 'UTF-16BE'],
    ['UTF-16BE without BOM', utf16(good, 'be'), 'UTF-16BE'],
    ['UTF-16LE with BOM and CRLF', utf16(`\uFEFF${good.replace(/\n/g, '\r\n')}`, 'le'), 'UTF-16LE'],
    ['UTF-32LE with BOM', utf32(`\uFEFF${good}`, 'le'), 'UTF-32LE'],
    ['UTF-32BE without BOM', utf32(good, 'be'), 'UTF-32BE'],
    ['the real seed in GBK', gbk(realSeed), 'GB18030 (GBK)'],
    ['the real seed in UTF-16LE', utf16(`\uFEFF${realSeed}`, 'le'), 'UTF-16LE'],
  ])('%s', (_, bytes, found) => {
    expect(problemsOf(bytes)).toEqual([`seeds/x.txt:1: expected UTF-8 text, found ${found} — ${SAVE}`]);
  });

  test('GBK: the line is where the Chinese text begins', () => {
    expect(problemsOf(gbk('- 1 -\n\n 威县人民政府\n\n关于开展春季植树活动的通知\n'))).toEqual([`seeds/x.txt:3: expected UTF-8 text, found GB18030 (GBK) — ${SAVE}`]);
    expect(problemsOf(gbk('- 1 -\r\n\r\n 威县人民政府\r\n\r\n关于开展春季植树活动的通知\r\n'))).toEqual([`seeds/x.txt:3: expected UTF-8 text, found GB18030 (GBK) — ${SAVE}`]);
  });
});

describe('damaged UTF-8 points to the line to correct', () => {
  test('bytes that are not UTF-8 in a UTF-8 file: the bytes, where, and what to do', () => {
    expect(problemsOf(bad('weixian-gazette-2023-04.txt'), 'seeds/weixian-gazette-2023-04.txt')).toEqual([
      'seeds/weixian-gazette-2023-04.txt:5: expected UTF-8 text, found bytes that are not valid UTF-8 (FF FE before “坏字节”) — correct this line in a text editor (compare it with the PDF), then build again',
    ]);
  });

  test('a paragraph pasted in GBK into a UTF-8 seed is damage on its line, not a GBK file', () => {
    const utf8 = new TextEncoder().encode(realSeed.split('\n').slice(0, 40).join('\n'));
    const bytes = new Uint8Array([...utf8, 0x0a, ...gbk('另存为GBK的一段。'), 0x0a]);
    expect(problemsOf(bytes)).toEqual([
      'seeds/x.txt:41: expected UTF-8 text, found bytes that are not valid UTF-8 (C1 ED B4 E6) — correct this line in a text editor (compare it with the PDF), then build again',
    ]);
  });

  test('a character cut off at the end of the file', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('威县\r\n人民'), 0xe6, 0x94]);
    expect(problemsOf(bytes)).toEqual([
      'seeds/x.txt:2: expected UTF-8 text, found bytes that are not valid UTF-8 (E6 94 after “人民”) — correct this line in a text editor (compare it with the PDF), then build again',
    ]);
  });

  test('a stray byte in ASCII text', () => {
    expect(problemsOf(new Uint8Array([0x61, 0x0a, 0x62, 0xff, 0x63, 0x0a]))).toEqual([
      'seeds/x.txt:2: expected UTF-8 text, found bytes that are not valid UTF-8 (FF before “c”) — correct this line in a text editor (compare it with the PDF), then build again',
    ]);
  });
});

describe('not text at all', () => {
  test('a PDF saved under a .txt name', () => {
    expect(problemsOf(new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n'))).toEqual([
      'seeds/x.txt:1: expected UTF-8 text, found a PDF file — put the text extracted from the PDF in this file instead, then build again',
    ]);
  });

  test('NUL bytes', () => {
    expect(problemsOf(new TextEncoder().encode('威县\n\0\0\n'))).toEqual([
      "seeds/x.txt:2: expected UTF-8 text, found NUL bytes (a binary file, not text) — put the issue's text in this file instead, then build again",
    ]);
  });

  test('bytes in no encoding that can be told', () => {
    const bytes = new Uint8Array(64).map((_, i) => (i % 2 === 0 ? 0xff : 0x80 + (i % 7)));
    expect(problemsOf(bytes)).toEqual([`seeds/x.txt:1: expected UTF-8 text, found bytes that are not valid UTF-8 (FF 81 FF 83 FF 85 FF 80 …) in an encoding that could not be told — ${SAVE}`]);
  });

  test('empty, or only a BOM and blank lines', () => {
    expect(problemsOf(new Uint8Array())).toEqual(['seeds/x.txt:1: expected a gazette issue, found an empty file']);
    expect(problemsOf(new TextEncoder().encode('\uFEFF\r\n \r\n'))).toEqual(['seeds/x.txt:1: expected a gazette issue, found an empty file']);
  });
});

test('UTF-8 with or without BOM, LF, CRLF or CR, reads as the same lines', () => {
  const lines = readSeed('seeds/x.txt', new TextEncoder().encode(good)).seed!.lines;
  for (const variant of [`\uFEFF${good}`, good.replace(/\n/g, '\r\n'), good.replace(/\n/g, '\r')]) {
    expect(readSeed('seeds/x.txt', new TextEncoder().encode(variant))).toEqual({ seed: { file: 'seeds/x.txt', lines }, problems: [] });
  }
});
