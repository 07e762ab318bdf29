// The printed page of each seed line. The PDF text keeps only a few of the gazette's page numbers
// (`- 9 -`, four in the 2022 年第 2 号 seed) but marks every page start: a running header, a page
// number, or a line that opens with the page-start space. So pages are counted from those starts
// and anchored to the printed numbers; a line is given the number of the nearest anchor (by
// page starts between them), so a miscounted start (an indented table cell) only shifts the pages
// between two anchors, not the rest of the issue.

const RUNNING_HEADER = /^《[^》]+公报》\s*\d{4}\s*年\s*第\s*\d+\s*号$/;
const PAGE_NUMBER = /^[-－—]\s*(\d+)\s*[-－—]$/;

/**
 * Printed page number of every seed line (index = line − 1), or undefined when the seed prints no
 * page number to anchor the count on. A running header or page number and the text line after it
 * start one page, not two.
 */
export function printedPages(rawLines: readonly string[]): (number | undefined)[] {
  const pageOf: number[] = []; // 0-based count of page starts seen, per line
  const anchors: { page: number; printed: number }[] = [];
  let page = -1;
  let furnitureOpen = false; // a header or number just started this page
  rawLines.forEach((raw, i) => {
    const text = raw.trim();
    if (text !== '') {
      const number = PAGE_NUMBER.exec(text);
      if (RUNNING_HEADER.test(text) || number) {
        if (!furnitureOpen) page++;
        furnitureOpen = true;
        if (number) anchors.push({ page, printed: Number(number[1]) });
      } else {
        if (/^[ \u3000]/.test(raw.trimEnd()) && !furnitureOpen) page++;
        furnitureOpen = false;
      }
    }
    pageOf[i] = Math.max(page, 0);
  });
  if (anchors.length === 0) return rawLines.map(() => undefined);
  return pageOf.map((p) => {
    let best = anchors[0]!;
    for (const a of anchors) if (Math.abs(a.page - p) < Math.abs(best.page - p)) best = a;
    const printed = best.printed + (p - best.page);
    return printed >= 1 ? printed : undefined;
  });
}
