// A synthetic corpus for the benchmarks: N gazette issues made from one real seed.
//
// Issue k (1..N) is 《威县人民政府公报》 YEAR 年第 NUMBER 号 with
//   YEAR   = seed year + floor((k-1)/6)   (six issues a year, as the county prints them)
//   NUMBER = ((k-1) % 6) + 1
// Every year in the text — 文号, 成文日期, running headers, dates and plans in the body, cited
// documents — moves by the same offset (YEAR − seed year), so each issue reads as the same
// county one or more years on. Within a year the six issues differ by their serials: every
// 威政字 / 威政办字 serial is raised by 50 × (NUMBER − 1), so 威政办字〔2022〕25号 in 第 1 号 is
// 威政办字〔2022〕75号 in 第 2 号, and every 文号 in the corpus is distinct. People's names are
// kept: the same people recur across issues, as they do in life. So that the issues are not the
// same text at the same places (which would make every index and compressed file unrealistically
// small), each issue also gets some extra wrapped lines of plain running text, taken from the
// seed's own paragraphs and put inside paragraphs, before their last line, at places that depend
// on the issue — never inside a table, whose cells are running text too but where a printed
// table never has a foreign line. The output is deterministic and ingests without problems
// (tests/bench/synth.test.ts).
//
// CLI: node bench/synth.ts N OUTDIR [SEED]   → OUTDIR/weixian-gazette-YYYY-NN.txt
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { tableRegionEnd } from '../scripts/ingest/recover-tables.ts';
import { stripFurniture } from '../scripts/ingest/strip-furniture.ts';
import { seededRandom } from './random.ts';

const root = resolve(import.meta.dirname, '..');
export const ISSUES_PER_YEAR = 6;
/** Raise of a 威政(办)字 serial per issue number within a year; above the seed's largest serial. */
export const SERIAL_STEP = 50;

/** The gazette issue k (1-based) of a corpus whose seed is of `seedYear`. */
export function issueOf(k: number, seedYear: number): { year: number; number: number } {
  return { year: seedYear + Math.floor((k - 1) / ISSUES_PER_YEAR), number: ((k - 1) % ISSUES_PER_YEAR) + 1 };
}


/** Share of the places that get an extra line. */
export const INSERT_RATE = 0.5;
// A wrapped line of plain running text: no numbers, 文号, labels, titles or brackets, not a heading.
const PLAIN = /^[\p{Script=Han}，、；。]{14,}$/u;
const HEADING = /^(?:[一二三四五六七八九十]+、|第)/u;
const plain = (t: string | undefined) => t !== undefined && PLAIN.test(t) && !HEADING.test(t);

/**
 * The seed lines (0-based) inside tables, as the ingest finds them (scripts/ingest/recover-tables.ts):
 * from a table's header to the next attachment marker, numbered heading or notice.
 */
export function tableLines(lines: string[]): Set<number> {
  const { lines: read } = stripFurniture(lines);
  const inside = new Set<number>();
  for (let i = 0; i < read.length; i++) {
    const end = tableRegionEnd(read, i);
    if (end === undefined) continue;
    for (let l = read[i]!.line; l <= read[end - 1]!.line; l++) inside.add(l - 1);
    i = end - 1;
  }
  return inside;
}

/**
 * Put extra sentences of the seed's running text between sentences; where depends on `k`. A
 * donor is a run of wrapped lines of running text that is whole sentences (the line before it
 * ends one, and so does its last line); it goes after a line of running text that ends a
 * sentence and before another line of running text, so no name, title or 文号 is cut and no
 * heading or list is entered. Tables are left out both ways: a cell's lines are running text
 * wrapped at the cell's width, but an extra line in a cell is not what a printed table shows
 * (and makes the table reader try many more splits), nor is a cell's narrow line in a paragraph.
 */
function vary(lines: string[], k: number): string[] {
  const inTable = tableLines(lines);
  const text = lines.flatMap((l, i) => (l.trim() && !inTable.has(i) ? [l.trim()] : l.trim() ? [''] : []));
  const donors: string[][] = [];
  for (let i = 1; i < text.length; i++) {
    if (!text[i - 1]!.endsWith('。') || !plain(text[i - 1])) continue;
    for (let j = i; j < i + 4 && j < text.length && plain(text[j]); j++) {
      if (text[j]!.endsWith('。')) {
        donors.push(text.slice(i, j + 1));
        break;
      }
    }
  }
  if (donors.length === 0) return lines;
  const rand = seededRandom(0x5eed + k * 7919);
  const out: string[] = [];
  const next = (i: number) => {
    for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim()) return lines[j]!.trim();
    return undefined;
  };
  lines.forEach((line, i) => {
    out.push(line);
    const t = line.trim();
    if (!inTable.has(i) && t.endsWith('。') && plain(t) && plain(next(i)) && rand() < INSERT_RATE) {
      for (const d of donors[Math.floor(rand() * donors.length)]!) out.push('', d);
    }
  });
  return out;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The seed's text rewritten as issue `number` of `year`. */
export function synthIssue(seedText: string, seedYear: number, year: number, number: number, k = 0): string {
  const shift = year - seedYear;
  const raise = SERIAL_STEP * (number - 1);
  const lines = seedText.split('\n');
  return (k > 1 ? vary(lines, k) : lines)
    .map((line) => {
      // Running header: 《威县人民政府公报》2022 年第 2 号 (the number may touch 号); its year moves below.
      line = line.replace(/(《威县人民政府公报》\s*\d{4}\s*年第\s*)(\d+)/g, (_m, a) => `${a}${number}`);
      // Every year: a 4-digit 19xx/20xx number not glued to other digits or letters (AGI2021-01-3272
      // and phone numbers stay as they are).
      line = line.replace(/(?<![\dA-Za-z])((?:19|20)\d\d)(?![\d])/g, (_m, y: string) => String(Number(y) + shift));
      // 2 月 29 日 does not exist in every year.
      line = line.replace(/((\d{4})\s*年\s*)2(\s*月\s*)29(\s*日)/g, (m, a, y, b, c) => (isLeap(Number(y)) ? m : `${a}2${b}28${c}`));
      // The county's own serials, in headers and in citations printed on one line.
      if (raise > 0) line = line.replace(/(威政(?:办)?字\s*[〔［\[（(]\s*\d{4}\s*[〕］\]）)]\s*)(\d+)/g, (_m, a, s: string) => `${a}${Number(s) + raise}`);
      return line;
    })
    .join('\n');
}

/** Write N issues made from the seed into outDir; returns the files written (absolute paths). */
export function generateCorpus(n: number, outDir: string, seedFile = 'seeds/weixian-gazette-2022-02.txt'): string[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`generateCorpus: expected a whole number of issues ≥ 1, got ${n}`);
  const seedPath = resolve(root, seedFile);
  const text = readFileSync(seedPath, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const named = /(\d{4})-\d{1,3}\.txt$/.exec(basename(seedPath));
  const headed = /《威县人民政府公报》\s*(\d{4})\s*年第/.exec(text);
  const seedYear = Number(headed?.[1] ?? named?.[1]);
  if (!seedYear) throw new Error(`generateCorpus: cannot tell the year of ${seedFile}`);
  mkdirSync(outDir, { recursive: true });
  // The gazette's config travels with its issues.
  copyFileSync(join(dirname(seedPath), 'gazette.yaml'), join(outDir, 'gazette.yaml'));
  const files: string[] = [];
  for (let k = 1; k <= n; k++) {
    const { year, number } = issueOf(k, seedYear);
    const file = join(resolve(outDir), `weixian-gazette-${year}-${String(number).padStart(2, '0')}.txt`);
    writeFileSync(file, synthIssue(text, seedYear, year, number, k));
    files.push(file);
  }
  return files;
}

if (import.meta.main) {
  const [n, outDir, seed] = process.argv.slice(2);
  if (!n || !outDir) {
    console.error('usage: node bench/synth.ts N OUTDIR [SEED]');
    process.exit(2);
  }
  const files = generateCorpus(Number(n), outDir, seed);
  console.log(`synth: ${files.length} issues written to ${resolve(outDir)}`);
}
