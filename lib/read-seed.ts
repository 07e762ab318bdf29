// A seed's bytes → its lines: the ingest's first step (scripts/ingest/reader/plugins/parse-seed.ts),
// and how the checks and the site's seed view (src/pages/seeds/) read a seed too, so all three see
// the same lines. UTF-8 with or without BOM, LF or CRLF must give identical lines;
// anything that is not valid UTF-8, or has no text at all, is a problem, not a guess. A file in
// another encoding (GB18030/GBK, Big5, UTF-16 …) is not converted either, but named, so the
// message can say what to do: save it as UTF-8.
import chardet from 'chardet';

/** A problem with the seed's bytes, reported as `file:line: message` (the ingest's Problem). */
export interface SeedProblem {
  file: string;
  line: number;
  message: string;
}

export interface SeedText {
  /** Path as shown to users and stored in frontmatter, e.g. `seeds/x.txt`. */
  file: string;
  /** Lines without their terminators; index i is line i + 1. */
  lines: string[];
}

const SAVE_AS_UTF8 = 'open the file in a text editor and save it as UTF-8 (without changing its text), then build again';

export function readSeed(file: string, bytes: Uint8Array): { seed?: SeedText; problems: SeedProblem[] } {
  const problem = (line: number, message: string) => ({ problems: [{ file, line: Math.max(1, line), message }] });
  if (startsWith(bytes, PDF_MAGIC)) {
    return problem(1, 'expected UTF-8 text, found a PDF file — put the text extracted from the PDF in this file instead, then build again');
  }
  // A byte-order mark names the encoding before any guessing (UTF-8's is tolerated below).
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom) return problem(1, foreign(bom.name));
  let text: string;
  try {
    // fatal: a single invalid byte sequence rejects the file instead of becoming U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const { line, message } = diagnose(bytes);
    return problem(line, message);
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    // Valid UTF-8 never holds NUL in a text file; UTF-16 without BOM does (ASCII's high bytes).
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return problem(1, foreign(utf16));
    return problem(lineAt(bytes, bytes.indexOf(0)), 'expected UTF-8 text, found NUL bytes (a binary file, not text) — put the issue\'s text in this file instead, then build again');
  }
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (!lines.some((l) => l.trim() !== '')) {
    return { problems: [{ file, line: 1, message: 'expected a gazette issue, found an empty file' }] };
  }
  return { seed: { file, lines }, problems: [] };
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Longest first: UTF-32LE's BOM begins with UTF-16LE's. */
const BOMS = [
  { name: 'UTF-32LE', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { name: 'UTF-32BE', bytes: [0x00, 0x00, 0xfe, 0xff] },
  { name: 'UTF-16LE', bytes: [0xff, 0xfe] },
  { name: 'UTF-16BE', bytes: [0xfe, 0xff] },
];

/** chardet's names → how the message names them (an editor's "save as" list uses these). */
const DISPLAY: Record<string, string> = { GB18030: 'GB18030 (GBK)' };

/**
 * The encodings named when chardet guesses them (→ WHATWG TextDecoder labels, to check a guess by
 * decoding the whole file): the multi-byte East Asian ones. A single-byte guess (windows-1252 …)
 * decodes any bytes, so it proves nothing about a Chinese text and is not named.
 */
const DECODER: Record<string, string> = { GB18030: 'gb18030', Big5: 'big5', 'EUC-JP': 'euc-jp', 'EUC-KR': 'euc-kr', Shift_JIS: 'shift_jis' };

function foreign(name: string): string {
  return `expected UTF-8 text, found ${DISPLAY[name] ?? name} — ${SAVE_AS_UTF8}`;
}

/**
 * Why the bytes are not UTF-8, and where: a UTF-8 file with a few damaged bytes (most of its
 * non-ASCII text decodes) is pointed to the line to correct; a file in another encoding is named.
 */
function diagnose(bytes: Uint8Array): { line: number; message: string } {
  const scan = scanUtf8(bytes);
  const first = scan.firstInvalid!;
  const line = lineAt(bytes, first.start);
  const invalid = hex(bytes.subarray(first.start, first.end));
  const damaged = { line, message: `expected UTF-8 text, found bytes that are not valid UTF-8 (${invalid}${context(bytes, first.start, first.end)}) — correct this line in a text editor (compare it with the PDF), then build again` };
  if (scan.valid >= 2 * scan.invalid) return damaged;
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { line: 1, message: foreign(utf16) };
  const guess = chardet.analyse(bytes).find((m) => m.confidence >= 50 && decodes(m.name, bytes));
  // GB18030 and Big5 keep ASCII and line breaks as they are: the first invalid byte's line is
  // where the file's Chinese text begins. UTF-32 has no such line.
  if (guess) return { line: guess.name.startsWith('UTF-') ? 1 : line, message: foreign(guess.name) };
  // A few stray bytes in otherwise ASCII text: damage, not an encoding.
  if (scan.invalid <= 3) return damaged;
  return { line, message: `expected UTF-8 text, found bytes that are not valid UTF-8 (${invalid}) in an encoding that could not be told — ${SAVE_AS_UTF8}` };
}

/** Whether chardet's guess decodes the whole file without an error (UTF-32: chardet checked it). */
function decodes(name: string, bytes: Uint8Array): boolean {
  if (name === 'UTF-32LE' || name === 'UTF-32BE') return true;
  const label = DECODER[name];
  if (!label) return false;
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a BOM: a gazette's digits, spaces and line breaks are ASCII, whose high byte is
 * NUL — nearly all at odd offsets (little-endian) or at even ones (big-endian). Text in any
 * other encoding has no NUL at all.
 */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const name = odd > 4 * even ? 'UTF-16LE' : even > 4 * odd ? 'UTF-16BE' : undefined;
  if (!name) return undefined;
  try {
    new TextDecoder(name.toLowerCase(), { fatal: true }).decode(bytes);
    return name;
  } catch {
    return undefined;
  }
}

interface Utf8Scan {
  /** Non-ASCII characters that decode. */
  valid: number;
  /** Invalid byte sequences (each would become one U+FFFD). */
  invalid: number;
  /** Byte range of the first invalid run. */
  firstInvalid?: { start: number; end: number };
}

/** Counts what decodes and what does not, by the WHATWG UTF-8 decoder's rules. */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { valid: 0, invalid: 0 };
  let run: { start: number; end: number } | undefined;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      scan.valid++;
      i += length;
      continue;
    }
    scan.invalid++;
    // One invalid sequence: the lead byte and the continuation bytes that fit it so far.
    const end = i + Math.max(1, -length);
    if (!scan.firstInvalid) scan.firstInvalid = run = { start: i, end };
    else if (run && run.end === i) run.end = end;
    else run = undefined;
    i = end;
  }
  return scan;
}

/** Length of the valid sequence at i, or minus the number of bytes the invalid one spans. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  let need: number;
  let lower = 0x80;
  let upper = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lower = 0xa0;
    if (b === 0xed) upper = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lower = 0x90;
    if (b === 0xf4) upper = 0x8f;
  } else return -1;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || c < lower || c > upper) return -k;
    lower = 0x80;
    upper = 0xbf;
  }
  return need + 1;
}

/** 1-based line of byte offset `at`, counting line breaks as the split does (CRLF, CR, LF). */
function lineAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

function hex(bytes: Uint8Array): string {
  const shown = [...bytes.subarray(0, 8)].map((b) => b.toString(16).toUpperCase().padStart(2, '0'));
  return shown.join(' ') + (bytes.length > 8 ? ' …' : '');
}

/**
 * ` before “…”` (or ` after “…”`): the readable text beside the invalid bytes on their line —
 * the text after them only when it is all valid (otherwise it may be mis-decoded bytes too).
 */
function context(bytes: Uint8Array, start: number, end: number): string {
  let lineEnd = end;
  while (lineEnd < bytes.length && bytes[lineEnd] !== 0x0a && bytes[lineEnd] !== 0x0d) lineEnd++;
  let lineStart = start;
  while (lineStart > 0 && bytes[lineStart - 1] !== 0x0a && bytes[lineStart - 1] !== 0x0d) lineStart--;
  const rest = bytes.subarray(end, lineEnd);
  const after = scanUtf8(rest).invalid === 0 ? [...readable(rest)] : [];
  if (after.length > 0) return ` before “${after.slice(0, 12).join('')}${after.length > 12 ? '…' : ''}”`;
  const before = [...readable(bytes.subarray(lineStart, start))];
  if (before.length > 0) return ` after “${before.length > 12 ? '…' : ''}${before.slice(-12).join('')}”`;
  return '';
}

function readable(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/[\uFFFD\p{Cc}]/gu, '').trim();
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, k) => bytes[k] === b);
}
