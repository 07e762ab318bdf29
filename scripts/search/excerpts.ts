// The search excerpts: each notice's text, as printed, in slices of SLICE units that a result's
// excerpt is cut from (dist/search/exact/text/<i>/<k>.json.gz), and the lead a result without a
// match shows (the last field of meta/<i>.json). Cut from the ingest's printed text when the index
// is built from the built pages (./build.ts), and from the pages' own text when it is built from
// the ingest's beside Astro (writePageExcerpts: while later shards render, and in the checks on a
// worker thread, ./excerpts-worker.ts). Its own module: the worker loads only this.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
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
export function sliceBytes(slice: string): Buffer {
  return gzipSync(JSON.stringify(slice), SLICE_GZIP);
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
  /** Cut only the notices whose page text is given (a shard's, while later shards render); others are left as they are. */
  partial?: boolean;
  /**
   * Notices whose excerpts were cut earlier, by URL: the digest (pageDigest) of the page text they
   * were cut from. One whose page text has that digest now is not cut again; any other is.
   */
  done?: ReadonlyMap<string, string>;
}

/** A page text's digest, for ExcerptOptions.done. */
export const pageDigest = (text: string): string => createHash('sha256').update(text).digest('base64');

/** Were the excerpts of the page at `url` cut from `page`, this very text (`done`: ExcerptOptions.done)? */
export function cutFrom(done: ReadonlyMap<string, string> | undefined, url: string, page: string): boolean {
  const digest = done?.get(url);
  return digest !== undefined && digest === pageDigest(page);
}

/**
 * Excerpt slices and leads (text/<k>/<j>.json.gz, the last field of meta/<k>.json) from the built
 * pages' own text, by URL. The index built from the ingest's text while Astro renders
 * (scripts/build.ts) has only the folded text to cut them from; they are cut once the pages exist
 * (a shard's once it is built, the rest by postbuild), so both ways of building write the same
 * bytes. Returns the URLs of the notices cut now.
 */
export async function writePageExcerpts(bundleDir: string, pageTexts: ReadonlyMap<string, string>, basePath: string, { folded: foldedTexts, partial, done }: ExcerptOptions = {}): Promise<string[]> {
  const core = JSON.parse(readFileSync(path.join(bundleDir, 'core.json'), 'utf8')) as { stems: string[]; ids: string };
  const pairs = decodeInts(core.ids);
  const cut: string[] = [];
  // The slices (15,000 files at 100 issues) are compressed and written by libuv's threads while
  // this one cuts the next notice's: writing them one by one here was two thirds of this step.
  const limit = pLimit(EXCERPT_WRITES);
  let writes: Promise<void>[] = [];
  for (let k = 0; 2 * k < pairs.length; k++) {
    const id = `${core.stems[pairs[2 * k]!]}${pairs[2 * k + 1] || ''}`;
    const url = noticeUrl(id, basePath);
    const page = pageTexts.get(url);
    if (page === undefined) {
      if (partial) continue;
      throw new Error(`exact index: no page text for ${id}`);
    }
    if (cutFrom(done, url, page)) continue;
    const folded = foldedTexts?.get(url) ?? fold(page);
    const { slices, lead } = excerptSlices(page, folded, () => units(folded));
    const metaFile = path.join(bundleDir, 'meta', `${k}.json`);
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as unknown[];
    // [title, docNo, issuer, date, type, issue, issuers, serial, slice count, lead]
    if (meta[8] !== slices.length) throw new Error(`exact index: ${id}: ${slices.length} excerpt slice(s) from its page, ${String(meta[8])} indexed`);
    meta[9] = lead;
    writeFileSync(metaFile, JSON.stringify(meta));
    mkdirSync(path.join(bundleDir, 'text', String(k)), { recursive: true });
    writes.push(...slices.map((slice, j) => limit(async () => writeFile(path.join(bundleDir, sliceFile(k, j)), await gzipAsync(JSON.stringify(slice), SLICE_GZIP)))));
    if (writes.length >= WAITING) {
      await Promise.all(writes);
      writes = [];
    }
    cut.push(url);
  }
  await Promise.all(writes);
  return cut;
}

/**
 * Excerpt slices compressed and written at once by writePageExcerpts: enough to keep libuv's four
 * threads busy; at most WAITING more are queued (a 1,000-issue gazette has 150,000).
 */
const EXCERPT_WRITES = 64;
const WAITING = 1024;
