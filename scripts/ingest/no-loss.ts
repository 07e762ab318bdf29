// The no-loss check: every non-whitespace character of a notice's source span (page furniture
// already removed) must appear in what is published, in the same order, with nothing in
// between. Whitespace is ignored on both sides: reflow legitimately removes the PDF's spaces.
import type { Problem, SourceLine } from './types.ts';

export function compareText(file: string, source: SourceLine[], published: string): Problem[] {
  const chars: { c: string; line: number }[] = [];
  for (const l of source) for (const c of l.text) if (!/\s/.test(c)) chars.push({ c, line: l.line });
  const out = [...published.replace(/\s+/g, '')];
  const n = Math.min(chars.length, out.length);
  let k = 0;
  while (k < n && chars[k].c === out[k]) k++;
  if (k === chars.length && k === out.length) return [];
  const line = chars[Math.min(k, chars.length - 1)]?.line ?? source[0]?.line ?? 1;
  const expected = chars.slice(k, k + 12).map((x) => x.c).join('');
  const found = out.slice(k, k + 12).join('');
  const message =
    k === chars.length
      ? `published text has extra characters after the source ends: “${found}”`
      : k === out.length
        ? `expected the source text “${expected}” on the page, but the page text ends here (text lost)`
        : `expected “${expected}” on the page in source order, found “${found}” (text lost or reordered)`;
  return [{ file, line, message }];
}
