// Step 2: remove page furniture — the running header 《威县人民政府公报》2022 年第 2 号, page
// numbers `- 9 -`, the blank line the PDF put after every line, and the page-start space —
// while keeping each remaining line's seed line number. The running header also tells which
// gazette issue this is.
import type { SourceLine } from './types.ts';

const RUNNING_HEADER = /^《([^》]+公报)》\s*(\d{4})\s*年\s*第\s*(\d+)\s*号$/;
const PAGE_NUMBER = /^[-－—]\s*\d+\s*[-－—]$/;

export interface Furniture {
  lines: SourceLine[];
  /** Gazette issues named by running headers, with the first line each was seen on. */
  headers: { name: string; year: number; number: number; line: number }[];
  /** Seed lines removed as furniture (headers and page numbers; blank lines are not listed). */
  removed: number[];
}

export function stripFurniture(rawLines: string[]): Furniture {
  const lines: SourceLine[] = [];
  const headers: Furniture['headers'] = [];
  const removed: number[] = [];
  rawLines.forEach((raw, i) => {
    const text = raw.trimEnd();
    const trimmed = text.trim();
    if (trimmed === '') return;
    const header = RUNNING_HEADER.exec(trimmed);
    if (header) {
      headers.push({ name: header[1], year: Number(header[2]), number: Number(header[3]), line: i + 1 });
      removed.push(i + 1);
      return;
    }
    if (PAGE_NUMBER.test(trimmed)) {
      removed.push(i + 1);
      return;
    }
    // The PDF marks a page start with one leading space (sometimes a full-width one).
    const pageStart = /^[ \u3000]/.test(text);
    lines.push({ line: i + 1, text: text.replace(/^[ \u3000]+/, ''), pageStart });
  });
  return { lines, headers, removed };
}
