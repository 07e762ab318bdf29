// How wide a line was on the printed page, in ems. The PDF wraps at the column width, so a
// line's width (not its character count) tells whether it was cut by the column or ended on
// purpose. CJK characters and full-width punctuation are 1 em; ASCII letters and digits about
// half; a space between two CJK characters is padding the PDF set as a 1-em gap (`韩 超`),
// while a space next to ASCII is the thin space it put around numbers.
const ASCII = /[\x21-\x7e]/;

export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ') {
      width += ASCII.test(text[i - 1] ?? '') || ASCII.test(text[i + 1] ?? '') ? 0.25 : 1;
    } else if (ASCII.test(c)) {
      width += 0.5;
    } else {
      width += 1;
    }
  }
  return width;
}
