// The search excerpts: each notice's text, as printed, in slices of SLICE units that a result's
// excerpt is cut from (dist/search/exact/text/<i>/<k>.json.gz), and the lead a result without a
// match shows (the last field of meta/<i>.json). Cut by the index (./build.ts) from the pages' own
// text when it is built from the built pages, and from the text each page will show when it is
// built from the ingest's beside Astro (./from-ingest.ts `pageText`); a page that then shows other
// text has them cut again from its own (writePageExcerpts, in the checks on a worker thread,
// ./excerpts-worker.ts). Its own module: the worker loads only this.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import pLimit from 'p-limit';
import { noticeUrl } from '../../lib/urls.ts';
import { decodeInts, fold, sliceFile, unitBounds, unitText, units } from './search-api.js';

/**
 * Units per excerpt slice file. 1024: an excerpt (60 units around the match) nearly always needs
 * one slice, and at 100 issues the slices are 7,800 files instead of 15,200 with 512 (29,500 with
 * 256) — each file is a creation in every build and one more for a host to hold (the whole site:
 * 14,900 files instead of 22,100) — for about 1 KB more per excerpt fetched: a cold search on a
 * slow phone transfers 18 KB more for its 20 excerpts, and its first result comes as soon
 * (bench/slow-phone.ts: 1.75 / 2.22 / 2.02 s against 1.72 / 2.13 / 2.08 s, within a run's spread).
 */
export const SLICE = 1024;
/**
 * The bytes of an excerpt slice file: its JSON, gzip-compressed. The slices are the notices' whole
 * text once more (21.6 MiB as JSON at 100 issues); stored compressed, as Pagefind stores its own
 * fragments, they take about 60 % of that, and a query downloads the same bytes as before (a
 * host compresses JSON in transit anyway). search-api.js decompresses them (`getJSON`).
 * Deterministic: Node's gzip header carries no time or name.
 */
export function sliceBytes(slice: string): Promise<Buffer> {
  return gzipAsync(JSON.stringify(slice), SLICE_GZIP);
}

/**
 * Writes excerpt slice files (text/<k>/<j>.json.gz) under a bundle folder on libuv's threads —
 * compressed and written there, at most EXCERPT_WRITES at a time — while this thread goes on:
 * writing them one by one on it was two thirds of cutting the excerpts.
 */
export class SliceWriter {
  readonly #limit = pLimit(EXCERPT_WRITES);
  #writes: Promise<void>[] = [];
  readonly #dir: string;

  constructor(bundleDir: string) {
    this.#dir = bundleDir;
  }

  /** Queues notice k's slices (its folder is made now). */
  add(k: number, slices: readonly string[]): void {
    mkdirSync(path.join(this.#dir, 'text', String(k)), { recursive: true });
    for (const [j, slice] of slices.entries()) this.#writes.push(this.#limit(async () => writeFile(path.join(this.#dir, sliceFile(k, j)), await sliceBytes(slice))));
  }

  /** Slice files queued and not yet known to be written. */
  get pending(): number {
    return this.#writes.length;
  }

  /** Resolves once every slice queued so far is written; rejects if one could not be. */
  async done(): Promise<void> {
    const writes = this.#writes;
    this.#writes = [];
    await Promise.all(writes);
  }
}

/**
 * Level 4: on slices of this size as small as level 9 makes them (0.644 of the JSON on a sample of
 * 8,287 slices of 512 units at 100 issues) in a quarter of the time (37 against 138 µs a slice).
 */
const SLICE_GZIP = { level: 4 };
const gzipAsync = promisify(gzip);

/**
 * Runs of spaces as one (a full-width space as printed), line breaks kept without the spaces
 * around them: search folds whitespace away, so this changes nothing it matches.
 */
export const tidyText = (text: string): string => text.replace(/[^\S\n\u3000]+/g, ' ').replace(/ ?\n\s*/g, '\n').trim();

/**
 * The excerpt slices of a notice (text/<i>/<k>.json): SLICE units each, as printed — its
 * punctuation, spaces and line breaks — when the printed text folds, character by character, to
 * exactly the indexed text, and no slice boundary falls inside one printed character (㈠ folds to
 * three units): then each slice reads back as its own units (tests/search/fold.test.ts).
 * Otherwise the folded text (never wrong, only plainer). Also the lead shown for a result without
 * a match: the first 60 units.
 */
export function excerptSlices(printed: string | undefined, folded: string, unitsOf: () => readonly string[]): { slices: string[]; lead: string; printed: boolean } {
  if (printed !== undefined) {
    const text = tidyText(printed);
    const { folded: f, starts, ends } = unitBounds(text);
    const count = starts.length;
    const whole = (j: number) => j === 0 || ends[j - 1]! <= starts[j]!;
    // Folded alike, the two have the same units (the units of `folded`, asked for only when the
    // printed text cannot be used: a quarter of this step's time at 100 issues).
    if (f === folded) {
      const slices: string[] = [];
      for (let j = 0; j * SLICE < count && whole(j * SLICE); j++) slices.push(text.slice(starts[j * SLICE]!, (j + 1) * SLICE < count ? starts[(j + 1) * SLICE]! : text.length));
      if (slices.length === Math.ceil(count / SLICE)) {
        const lead = count > 0 ? text.slice(starts[0]!, ends[Math.min(60, count) - 1]!) : '';
        return { slices, lead, printed: true };
      }
    }
  }
  const unitList = unitsOf();
  const slices: string[] = [];
  for (let j = 0; j * SLICE < unitList.length; j++) slices.push(unitList.slice(j * SLICE, (j + 1) * SLICE).map(unitText).join(''));
  return { slices, lead: folded.slice(0, 60), printed: false };
}

/** What writePageExcerpts is told besides the pages' texts. */
export interface ExcerptOptions {
  /**
   * The pages' texts already folded, by URL (postbuild has checked the index's texts equal them),
   * so they are not folded again.
   */
  folded?: ReadonlyMap<string, string>;
  /** Cut only the notices whose page text is given (those whose excerpts the index cut from other text); others are left as they are. */
  partial?: boolean;
}

/**
 * A page text's digest: of the text as the excerpts are cut from it (tidyText), so two texts with
 * one digest give the same excerpts, byte for byte.
 */
export const pageDigest = (text: string): string => createHash('sha256').update(tidyText(text)).digest('base64');

/**
 * Were the excerpts of the page at `url` cut from `page`, this very text? `done`: the digest
 * (pageDigest) of the text each notice's excerpts were cut from, by URL.
 */
export function cutFrom(done: ReadonlyMap<string, string> | undefined, url: string, page: string): boolean {
  const digest = done?.get(url);
  return digest !== undefined && digest === pageDigest(page);
}

/**
 * Excerpt slices and leads (text/<k>/<j>.json.gz, the last field of meta/<k>.json) from the built
 * pages' own text, by URL, over those the index wrote: for the pages that show other text than
 * the index cut them from (scripts/postbuild.ts), so both ways of building write the same bytes.
 * Returns the URLs of the notices cut now.
 */
export async function writePageExcerpts(bundleDir: string, pageTexts: ReadonlyMap<string, string>, basePath: string, { folded: foldedTexts, partial }: ExcerptOptions = {}): Promise<string[]> {
  const core = JSON.parse(readFileSync(path.join(bundleDir, 'core.json'), 'utf8')) as { stems: string[]; ids: string };
  const pairs = decodeInts(core.ids);
  const cut: string[] = [];
  // The slices are compressed and written by libuv's threads while this one cuts the next notice's.
  const writer = new SliceWriter(bundleDir);
  for (let k = 0; 2 * k < pairs.length; k++) {
    const id = `${core.stems[pairs[2 * k]!]}${pairs[2 * k + 1] || ''}`;
    const url = noticeUrl(id, basePath);
    const page = pageTexts.get(url);
    if (page === undefined) {
      if (partial) continue;
      throw new Error(`exact index: no page text for ${id}`);
    }
    const folded = foldedTexts?.get(url) ?? fold(page);
    const { slices, lead } = excerptSlices(page, folded, () => units(folded));
    const metaFile = path.join(bundleDir, 'meta', `${k}.json`);
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as unknown[];
    // [title, docNo, issuer, date, type, issue, issuers, serial, slice count, lead]
    if (meta[8] !== slices.length) throw new Error(`exact index: ${id}: ${slices.length} excerpt slice(s) from its page, ${String(meta[8])} indexed`);
    meta[9] = lead;
    writeFileSync(metaFile, JSON.stringify(meta));
    writer.add(k, slices);
    if (writer.pending >= WAITING) await writer.done();
    cut.push(url);
  }
  await writer.done();
  return cut;
}

/**
 * Excerpt slices compressed and written at once by a SliceWriter: enough to keep libuv's four
 * threads busy; writePageExcerpts queues at most WAITING more.
 */
const EXCERPT_WRITES = 64;
const WAITING = 1024;
