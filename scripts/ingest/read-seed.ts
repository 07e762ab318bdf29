// Step 1: bytes → lines. UTF-8 with or without BOM, LF or CRLF must give identical lines;
// anything that is not valid UTF-8, or has no text at all, is a problem, not a guess.
import type { Problem } from './types.ts';

export interface SeedText {
  /** Path as shown to users and stored in frontmatter, e.g. `seeds/x.txt`. */
  file: string;
  /** Lines without their terminators; index i is line i + 1. */
  lines: string[];
}

export function readSeed(file: string, bytes: Uint8Array): { seed?: SeedText; problems: Problem[] } {
  let text: string;
  try {
    // fatal: a single invalid byte sequence rejects the file instead of becoming U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    return { problems: [{ file, line, message: 'expected UTF-8 text, found bytes that are not valid UTF-8' }] };
  }
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (!lines.some((l) => l.trim() !== '')) {
    return { problems: [{ file, line: 1, message: 'expected a gazette issue, found an empty file' }] };
  }
  return { seed: { file, lines }, problems: [] };
}

/** 1-based line of the first byte sequence that fails to decode, for the error message. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}
