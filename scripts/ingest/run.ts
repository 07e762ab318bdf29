// The whole ingest: every seeds/*.txt → validated notices → content/notices/<year>/<slug>.mdx.
// All problems in all seeds are collected before anything is written; with any problem,
// content/ is left exactly as it was. Writing goes to a temporary folder that is swapped in.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { spareThreads, startTaskWorkers } from '../worker.ts';
import type { Gazette } from '../../schemas/notice.ts';
import { loadGazetteConfig, type GazetteConfig } from '../../schemas/gazette-config.ts';
import { assignNoticeIds } from './notice-id.ts';
import type { BuiltNotice, Matcher } from './built-notice.ts';
import { emitMdx } from './emit-mdx.ts';
import { checkRoundTrip } from './round-trip.ts';
import { listSeeds, type SkippedFile } from './list-seeds.ts';
import type { Linker } from './link-mentions.ts';
import { codeVersion, hash, IngestCache } from './cache.ts';
import { buildKnowledge } from './knowledge.ts';
import type { Knowledge, LinkerData } from './knowledge.ts';
import { parseDocNo } from './docno.ts';
import { correctionsFileOf, type Correction } from '../../schemas/corrections.ts';
import { readIssue } from './reader/index.ts';
import { workerCanRead } from './matchers.ts';
import { readAliasTable } from './entities/organizations.ts';
import { reviewReport, type IssueReview } from './review.ts';
import { CATALOGUE_FILE, CatalogueRecordSchema } from '../../schemas/catalogue.ts';
import { openingText } from '../../lib/opening.ts';
import type { Problem } from './types.ts';
import type { IngestWork } from './ingest-worker.ts';

export interface IngestResult {
  problems: Problem[];
  notices: BuiltNotice[];
  /** Relative path under content/ → text: notices/<year>/<slug>.mdx and data/<kind>.json. */
  files: Map<string, string>;
  /** Absent when there were problems: nothing is written then anyway. */
  knowledge?: Knowledge;
  /** The gazette's validated config (seeds/gazette.yaml); absent when it has problems. */
  config?: GazetteConfig;
  /** Files in seeds/ that are not read, and why (printed as notes). */
  skipped?: SkippedFile[];
}

/**
 * With a `cache` (the CLI's, see ./cache.ts), unchanged seeds are not parsed again and
 * unchanged notices not written to MDX again; the result is the same either way.
 */
export function ingest(seedsDir: string, matchers: Matcher[], cache?: IngestCache): IngestResult {
  const input = inputs(seedsDir, matchers, cache);
  if (!input.config) return input.result;
  const run = prepare(input, input.missing.map(({ task }) => ingestSeed(task, matchers, input.config!)));
  const knowledge = run.result.knowledge;
  if (!knowledge) return run.result;
  return finish(run, run.pending.map((n) => emitStored(n, knowledge.linker, storeOf(run, n))));
}

/** How ingestParallel shares its work: worker threads, and whether this thread takes tasks too. */
export interface Threads {
  workers: number;
  here: boolean;
}

/**
 * The same as `ingest`, on every core: the seeds are read, and the MDX written, by this thread and
 * worker threads (./ingest-worker.ts, the same threads for both) alike, each taking the next seed
 * or notice when it is done with one; results are put back in order, so the output, problems
 * included, is the same as `ingest`'s. The CLI's way. The knowledge base is built on this thread,
 * between the two, while the workers take in the notices they will write.
 */
export async function ingestParallel(seedsDir: string, matchers: Matcher[], cache?: IngestCache, threads: Threads = { workers: spareThreads(), here: true }): Promise<IngestResult> {
  if (threads.workers < 1 && !threads.here) throw new Error('ingestParallel: no thread to run the tasks on (no workers, and not this thread)');
  const input = inputs(seedsDir, matchers, cache);
  if (!input.config) return input.result;
  const config = input.config;
  const workers = startTaskWorkers(new URL('./ingest-worker.ts', import.meta.url), threads.workers);
  try {
    // A worker knows the ingest's own matchers by name (./matchers.ts); with any other, the seeds are read here.
    const read = workerCanRead(matchers)
      ? await workers.run(input.missing.length, { kind: 'read', seeds: input.missing.map(({ task }) => task), matchers: matchers.map((m) => m.name), config } satisfies IngestWork, threads.here ? (k) => ingestSeed(input.missing[k]!.task, matchers, config) : undefined)
      : input.missing.map(({ task }) => ingestSeed(task, matchers, config));
    // The notices read now are the ones whose MDX is (most likely) to be written: sent to the
    // workers before the knowledge base is built, so they take them in meanwhile. (With a
    // knowledge base, they were sent: the emit work below carries only the others.)
    const readNow = new Set(read.flatMap((seed) => seed.notices));
    const run = prepare(input, read, (notices) => {
      const items = notices.flatMap((n, at): [number, EmitItem][] => (readNow.has(n) ? [[at, emitItem(n)]] : []));
      if (items.length > 0) workers.send({ kind: 'notices', items } satisfies IngestWork);
    });
    const knowledge = run.result.knowledge;
    if (!knowledge) return run.result;
    const place = new Map(run.result.notices.map((n, at) => [n, at]));
    const work: IngestWork = {
      kind: 'emit',
      linker: knowledge.linkerData,
      order: run.pending.map((n) => place.get(n)!),
      items: run.pending.flatMap((n): [number, EmitItem][] => (readNow.has(n) ? [] : [[place.get(n)!, emitItem(n)]])),
      ...(run.cache ? { store: { dir: run.cache.dir, keys: run.pending.map((n) => run.keys.get(n)!) } } : {}),
    };
    const written = await workers.run(run.pending.length, work, threads.here ? (k) => emitStored(run.pending[k]!, knowledge.linker, storeOf(run, run.pending[k]!)) : undefined);
    return finish(run, written);
  } finally {
    await workers.close();
  }
}

/** A seed to read: its name in seeds/, its bytes and its corrections file's text. */
export interface SeedTask {
  file: string;
  bytes: Uint8Array;
  correctionsText?: string;
  /**
   * Where its reading is cached (./cache.ts): the thread that reads the seed stores it, so the
   * serializing is shared by the threads rather than done on the main one after all are read.
   */
  store?: { dir: string; key: string };
}

/** The ingest's input, before any seed is read: each seed with its cached reading, if any. */
interface Inputs {
  /** With the config's and the seed list's problems; returned as it is when there is no config. */
  result: IngestResult;
  config?: GazetteConfig;
  seeds: { task: SeedTask; key: string; cached?: SeedResult }[];
  /** The seeds to read (not in the cache), in order. */
  missing: { task: SeedTask; key: string }[];
  version: string;
  cache?: IngestCache;
}

function inputs(seedsDir: string, matchers: Matcher[], cache?: IngestCache): Inputs {
  const problems: Problem[] = [];
  const skipped: SkippedFile[] = [];
  const result: IngestResult = { problems, notices: [], files: new Map(), skipped };
  const { config, problems: configProblems } = loadGazetteConfig(seedsDir);
  if (!config) {
    problems.push(...configProblems);
    return { result, seeds: [], missing: [], version: '' };
  }
  // The reviewed alias table must fit this gazette (its categories are the config's): listed
  // with the other problems before anything is written, not thrown from the knowledge base.
  problems.push(...readAliasTable(config).problems);
  const listed = listSeeds(seedsDir);
  problems.push(...listed.problems);
  skipped.push(...listed.skipped);
  const version = cache ? codeVersion() + matchers.map((m) => m.name).join() + JSON.stringify(config) : '';
  const seeds = listed.seeds.map((name) => {
    const file = `seeds/${name}`;
    const bytes = readFileSync(join(seedsDir, name));
    const correctionsFile = correctionsFileOf(file);
    const correctionsPath = join(seedsDir, correctionsFile.slice('seeds/'.length));
    const correctionsText = existsSync(correctionsPath) ? readFileSync(correctionsPath, 'utf8') : undefined;
    const key = cache ? hash(version, file, bytes, correctionsText ?? '') : '';
    return { task: { file, bytes, correctionsText, ...(cache ? { store: { dir: cache.dir, key } } : {}) }, key, cached: cache?.lookup<SeedResult>('seeds', key) };
  });
  return { result, config, seeds, missing: seeds.filter((s) => !s.cached), version, cache };
}

interface Prepared {
  /** Without files yet; its knowledge is absent when there were problems. */
  result: IngestResult;
  /** Notices whose MDX is to be written, in order; the rest came from the cache. */
  pending: BuiltNotice[];
  keys: Map<BuiltNotice, string>;
  cached: Map<BuiltNotice, string>;
  cache?: IngestCache;
}

/**
 * Everything but the MDX, from the inputs and the readings of the seeds missing from the cache (in
 * order). `beforeKnowledge` is told the corpus's notices, with their final ids, before the
 * knowledge base is built — when there is no problem.
 */
function prepare(input: Inputs, read: SeedResult[], beforeKnowledge?: (notices: BuiltNotice[]) => void): Prepared {
  const { result, config, cache, version } = input;
  const { problems, notices } = result;
  const reviews: (IssueReview & { written?: SeedResult['review'] })[] = [];
  const empty = { pending: [], keys: new Map(), cached: new Map() };
  let next = 0;
  for (const { task, cached } of input.seeds) {
    // A seed read now was stored by the thread that read it (ingestSeed).
    const seed = cached ?? read[next++]!;
    problems.push(...seed.problems);
    notices.push(...seed.notices);
    reviews.push({ file: task.file, gazette: seed.gazette, notices: seed.notices, corrections: seed.corrections, correctionsFile: correctionsFileOf(task.file), written: seed.review });
  }
  problems.push(...duplicateDocNos(notices));
  problems.push(...finalIds(notices, config!));
  if (problems.length > 0) return { result, ...empty };
  beforeKnowledge?.(notices);
  const knowledge = buildKnowledge(notices, config!);
  const keys = new Map<BuiltNotice, string>();
  const cached = new Map<BuiltNotice, string>();
  const pending: BuiltNotice[] = [];
  for (const n of notices) {
    const key = cache ? hash(version, knowledge.linkerKey, JSON.stringify([n.notice, n.sections])) : '';
    const found = cache?.lookup<string>('mdx', key);
    keys.set(n, key);
    if (found !== undefined) cached.set(n, found);
    else pending.push(n);
  }
  // Each report was written as its seed was read, with the ids the seed alone gives; written again
  // when the corpus renamed one of its notices (a sound-alike 机关代字, ./notice-id.ts).
  for (const { written, ...r } of reviews) {
    const current = written && written.ids.length === r.notices.length && written.ids.every((id, k) => id === r.notices[k]!.notice.id);
    result.files.set(`review/${basename(r.file, '.txt')}.md`, current ? written.text : reviewReport(r, config!));
  }
  Object.assign(result, { knowledge, config });
  return { result, pending, keys, cached, cache };
}

/** content/ files from the MDX written (in `pending` order) and cached, plus the knowledge base. */
function finish({ result, pending, cached, cache }: Prepared, written: Emitted[]): IngestResult {
  pending.forEach((n, k) => {
    const { mdx, problems } = written[k]!;
    result.problems.push(...problems);
    cached.set(n, mdx);
  });
  if (result.problems.length > 0) {
    result.files.clear();
    return result;
  }
  for (const n of result.notices) result.files.set(`notices/${n.notice.id.slice(0, 4)}/${n.notice.id.slice(5)}.mdx`, cached.get(n)!);
  for (const [name, text] of result.knowledge!.files) result.files.set(`data/${name}`, text);
  result.files.set(`data/${CATALOGUE_FILE}`, catalogue(result.notices, cached));
  result.files.set('data/gazette.json', `${JSON.stringify(result.config, null, 2)}\n`);
  cache?.prune();
  return result;
}

/**
 * content/data/notices.json: every notice's frontmatter and opening text, one record a line, in
 * reading order (see schemas/catalogue.ts).
 */
function catalogue(notices: readonly BuiltNotice[], mdx: ReadonlyMap<BuiltNotice, string>): string {
  const records = notices.map((n) => {
    const text = mdx.get(n)!;
    // The body follows the frontmatter's closing `---` line (emit-mdx.ts).
    const body = text.slice(text.indexOf('\n---\n', 3) + 5);
    return JSON.stringify(CatalogueRecordSchema.parse({ ...n.notice, opening: openingText(body) }));
  });
  return `[\n${records.join(',\n')}\n]\n`;
}

/** MDX of a notice, and the problems of reading it back (./round-trip.ts): same text, same structure. */
export interface Emitted {
  mdx: string;
  problems: Problem[];
}

/** What a notice's MDX is written from. */
export type EmitItem = Pick<BuiltNotice, 'notice' | 'sections'>;

const emitItem = ({ notice, sections }: BuiltNotice): EmitItem => ({ notice, sections });

/** Where the MDX of notice `n` is stored in the ingest cache, if there is one. */
const storeOf = ({ cache, keys }: Prepared, n: BuiltNotice) => cache && { dir: cache.dir, key: keys.get(n)! };

/** A notice's MDX, read back and checked (./round-trip.ts): on this thread or a worker's. */
export function emitChecked(n: EmitItem, linker: Linker): Emitted {
  const mdx = emitMdx(n.notice, n.sections, linker);
  return { mdx, problems: checkRoundTrip(mdx, n) };
}

/**
 * emitChecked, and the MDX stored in the ingest cache (`store`) by the thread that wrote it, as a
 * seed's reading is: only MDX that read back as written — a later run takes it unchecked.
 */
export function emitStored(n: EmitItem, linker: Linker, store: { dir: string; key: string } | undefined): Emitted {
  const emitted = emitChecked(n, linker);
  if (store && emitted.problems.length === 0) new IngestCache(store.dir).store('mdx', store.key, emitted.mdx);
  return emitted;
}

/** One seed file: its notices, each checked to lose nothing, and every problem found. */
export interface SeedResult {
  problems: Problem[];
  notices: BuiltNotice[];
  gazette?: Gazette;
  corrections: Correction[];
  /**
   * Its review report (./review.ts), written by the thread that read it — when it has no problem
   * — with the ids of its notices then: the corpus may still rename one (see `prepare`).
   */
  review?: { text: string; ids: string[] };
}

/** One seed file through the reader (./reader/): its notices, and every problem found. */
export function ingestSeed({ file, bytes, correctionsText, store }: SeedTask, matchers: Matcher[], config: GazetteConfig): SeedResult {
  const { problems, notices, gazette, corrections } = readIssue(file, bytes, { config, matchers, correctionsText });
  const review = problems.length === 0 ? { text: reviewReport({ file, gazette, notices, corrections, correctionsFile: correctionsFileOf(file) }, config), ids: notices.map((n) => n.notice.id) } : undefined;
  const result: SeedResult = { problems, notices, gazette, corrections, ...(review ? { review } : {}) };
  if (store) new IngestCache(store.dir).store('seeds', store.key, result);
  return result;
}

/** Ids unique across the corpus (./notice-id.ts): set on each notice, or a problem per clash. */
function finalIds(notices: BuiltNotice[], config: GazetteConfig): Problem[] {
  const { ids, problems } = assignNoticeIds(
    notices.map(({ notice }) => {
      const parts = notice.docNo ? parseDocNo(notice.docNo) : undefined;
      return { id: notice.id, prefix: parts?.prefix, year: parts?.year, serial: parts?.serial, file: notice.source.file, line: notice.source.lines[0] };
    }),
    config,
  );
  notices.forEach((n, k) => (n.notice.id = ids[k]));
  // A 文号 printed twice is reported as such (duplicateDocNos); its id clash says nothing more.
  const twice = new Set(duplicateDocNos(notices).map((p) => `${p.file}:${p.line}`));
  return problems.filter((p) => !twice.has(`${p.file}:${p.line}`));
}

function duplicateDocNos(notices: BuiltNotice[]): Problem[] {
  const seen = new Map<string, BuiltNotice>();
  const problems: Problem[] = [];
  for (const n of notices) {
    if (!n.notice.docNo) continue;
    const first = seen.get(n.notice.docNo);
    if (!first) {
      seen.set(n.notice.docNo, n);
      continue;
    }
    const where = `${first.notice.source.file}:${first.notice.source.lines[0]}`;
    problems.push({ file: n.notice.source.file, line: n.notice.source.lines[0], message: `expected each 文号 once, but ${n.notice.docNo} was already used by the notice at ${where}` });
  }
  return problems;
}

/** Replace outDir with exactly these files, or leave it untouched if anything fails. */
export function writeContent(outDir: string, files: Map<string, string>): void {
  const staging = `${outDir}.staging`;
  const old = `${outDir}.old`;
  rmSync(staging, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  try {
    for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), text);
    }
  } catch (error) {
    // A failed write (a full disk) leaves content/ as it was and no staging folder behind.
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}
