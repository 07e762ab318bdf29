// Cells sharing a printed line of a flattened table: the PDF separates them with spaces, and
// pads a 2-character head (`单 位`) with a space inside it.
const CJK_CHAR = /^[\u3400-\u9fff]$/;

/** Cells sharing a line are space-separated; `单 位`, `企 业` are one padded 2-character cell. */
export function splitCells(text: string): string[] {
  const cells: string[] = [];
  const tokens = text.trim().split(/ +/);
  for (let k = 0; k < tokens.length; k++) {
    if (CJK_CHAR.test(tokens[k]) && CJK_CHAR.test(tokens[k + 1] ?? '')) {
      cells.push(tokens[k] + tokens[k + 1]);
      k++;
    } else {
      cells.push(tokens[k]);
    }
  }
  return cells;
}
