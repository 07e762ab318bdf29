// The whole ingest: every seeds/*.txt → validated notices → content/notices/<year>/<slug>.mdx.
// All problems in all seeds are collected before anything is written; with any problem,
// content/ is left exactly as it was. Writing goes to a temporary folder that is swapped in.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { onWorker } from '../worker.ts';
import type { Gazette } from '../../schemas/notice.ts';
import { loadGazetteConfig, type GazetteConfig } from '../../schemas/gazette-config.ts';
import { checkHeaderLines } from './check-headers.ts';
import { assignNoticeIds } from './notice-id.ts';
import { buildNotice, publishedText } from './build-notice.ts';
import type { BuiltNotice, Matcher } from './build-notice.ts';
import { emitMdx } from './emit-mdx.ts';
import { checkRoundTrip } from './round-trip.ts';
import { listSeeds, type SkippedFile } from './list-seeds.ts';
import type { Linker } from './link-mentions.ts';
import { codeVersion, hash, type IngestCache } from './cache.ts';
import { buildKnowledge } from './knowledge.ts';
import type { Knowledge, LinkerData } from './knowledge.ts';
import { compareText } from './no-loss.ts';
import { parseHeader } from './parse-header.ts';
import { parseDocNo } from './docno.ts';
import { readSeed } from './read-seed.ts';
import { docNoLine, splitIssue } from './split-issue.ts';
import { dateLine } from './dates.ts';
import { correctionsFileOf, parseCorrections, type Correction } from '../../schemas/corrections.ts';
import { reviewReport, type IssueReview } from './review.ts';
import { stripFurniture } from './strip-furniture.ts';
import type { Furniture } from './strip-furniture.ts';
import type { Problem, SourceLine } from './types.ts';

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
  const run = prepare(seedsDir, matchers, cache);
  const knowledge = run.result.knowledge;
  if (!knowledge) return run.result;
  return finish(run, run.pending.map((n) => emitChecked(n, knowledge.linker)));
}

/**
 * The same as `ingest`, with the MDX of half the notices written on a worker thread (writing
 * MDX is the ingest's largest cost, and the machine has a second core): the CLI's way.
 */
export async function ingestParallel(seedsDir: string, matchers: Matcher[], cache?: IngestCache): Promise<IngestResult> {
  const run = prepare(seedsDir, matchers, cache);
  const knowledge = run.result.knowledge;
  if (!knowledge) return run.result;
  const half = Math.ceil(run.pending.length / 2);
  const theirs = run.pending.length > half ? emitOnWorker(knowledge.linkerData, run.pending.slice(half)) : Promise.resolve([]);
  const mine = run.pending.slice(0, half).map((n) => emitChecked(n, knowledge.linker));
  return finish(run, [...mine, ...(await theirs)]);
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

function prepare(seedsDir: string, matchers: Matcher[], cache?: IngestCache): Prepared {
  const problems: Problem[] = [];
  const notices: BuiltNotice[] = [];
  const reviews: IssueReview[] = [];
  const skipped: SkippedFile[] = [];
  const empty = { pending: [], keys: new Map(), cached: new Map() };
  const { config, problems: configProblems } = loadGazetteConfig(seedsDir);
  if (!config) return { result: { problems: configProblems, notices, files: new Map(), skipped }, ...empty };
  const listed = listSeeds(seedsDir);
  problems.push(...listed.problems);
  skipped.push(...listed.skipped);
  const seeds = listed.seeds;
  const version = cache ? codeVersion() + matchers.map((m) => m.name).join() + JSON.stringify(config) : '';
  for (const name of seeds) {
    const file = `seeds/${name}`;
    const bytes = readFileSync(join(seedsDir, name));
    const correctionsFile = correctionsFileOf(file);
    const correctionsPath = join(seedsDir, correctionsFile.slice('seeds/'.length));
    const correctionsText = existsSync(correctionsPath) ? readFileSync(correctionsPath, 'utf8') : undefined;
    const read = () => ingestSeed(file, bytes, matchers, config, correctionsText);
    const seed = cache ? cache.get('seeds', hash(version, file, bytes, correctionsText ?? ''), read) : read();
    problems.push(...seed.problems);
    notices.push(...seed.notices);
    reviews.push({ file, gazette: seed.gazette, notices: seed.notices, corrections: seed.corrections, correctionsFile });
  }
  problems.push(...duplicateDocNos(notices));
  problems.push(...finalIds(notices, config));
  if (problems.length > 0) return { result: { problems, notices, files: new Map(), skipped }, ...empty };
  const knowledge = buildKnowledge(notices, config);
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
  const files = new Map(reviews.map((r) => [`review/${basename(r.file, '.txt')}.md`, reviewReport(r, config)]));
  return { result: { problems, notices, files, knowledge, config, skipped }, pending, keys, cached, cache };
}

/** content/ files from the MDX written (in `pending` order) and cached, plus the knowledge base. */
function finish({ result, pending, keys, cached, cache }: Prepared, written: Emitted[]): IngestResult {
  pending.forEach((n, k) => {
    const { mdx, problems } = written[k]!;
    result.problems.push(...problems);
    cached.set(n, mdx);
    // Only MDX that read back as written is cached: a later run takes it unchecked.
    if (problems.length === 0) cache?.store('mdx', keys.get(n)!, mdx);
  });
  if (result.problems.length > 0) {
    result.files.clear();
    return result;
  }
  for (const n of result.notices) result.files.set(`notices/${n.notice.id.slice(0, 4)}/${n.notice.id.slice(5)}.mdx`, cached.get(n)!);
  for (const [name, text] of result.knowledge!.files) result.files.set(`data/${name}`, text);
  result.files.set('data/gazette.json', `${JSON.stringify(result.config, null, 2)}\n`);
  cache?.prune();
  return result;
}

/** MDX of `notices` written on a worker thread (./emit-worker.ts), in order. */
/** MDX of a notice, and the problems of reading it back (./round-trip.ts): same text, same structure. */
export interface Emitted {
  mdx: string;
  problems: Problem[];
}

export function emitChecked(n: Pick<BuiltNotice, 'notice' | 'sections'>, linker: Linker): Emitted {
  const mdx = emitMdx(n.notice, n.sections, linker);
  return { mdx, problems: checkRoundTrip(mdx, n) };
}

function emitOnWorker(linker: LinkerData, notices: BuiltNotice[]): Promise<Emitted[]> {
  const items = notices.map((n) => ({ notice: n.notice, sections: n.sections }));
  return onWorker<Emitted[]>(new URL('./emit-worker.ts', import.meta.url), { linker, items });
}

/** One seed file: its notices, each checked to lose nothing, and every problem found. */
interface SeedResult {
  problems: Problem[];
  notices: BuiltNotice[];
  gazette?: Gazette;
  corrections: Correction[];
}

function ingestSeed(file: string, bytes: Uint8Array, matchers: Matcher[], config: GazetteConfig, correctionsText?: string): SeedResult {
  const problems: Problem[] = [];
  const notices: BuiltNotice[] = [];
  const { corrections = [], problems: correctionProblems } = correctionsText === undefined ? { corrections: [], problems: [] } : parseCorrections(correctionsText, correctionsFileOf(file));
  problems.push(...correctionProblems);
  const read = readSeed(file, bytes);
  problems.push(...read.problems);
  if (!read.seed) return { problems, notices, corrections };
  const furniture = stripFurniture(read.seed.lines);
  const gazette = gazetteOf(file, furniture, config, problems);
  const notHeaders = new Set(corrections.filter((c) => c.kind === 'not-a-header').map((c) => c.line));
  const starts = new Set(corrections.filter((c) => c.kind === 'notice-starts').map((c) => c.line));
  problems.push(...unusableCorrections(correctionsFileOf(file), corrections, read.seed.lines, furniture.lines));
  const { spans, problems: splitProblems } = splitIssue(file, furniture.lines, { notHeaders, starts });
  problems.push(...splitProblems);
  spans.forEach((span, k) => {
    const { header, problems: headerProblems } = parseHeader(file, furniture.lines, span);
    problems.push(...headerProblems);
    if (!header || !gazette) return;
    const built = buildNotice(file, furniture.lines, span, header, gazette, k + 1, matchers);
    problems.push(...compareText(file, built.source, publishedText(built, built.notice)));
    notices.push(built);
  });
  // The property a merge of two notices breaks, checked on its own: every 文号 line heads a notice.
  problems.push(...checkHeaderLines(file, furniture.lines, spans, problems, notHeaders));
  return { problems, notices, gazette, corrections };
}

/** A correction about a line that is not there, or that has nothing to correct, is a problem. */
function unusableCorrections(file: string, corrections: Correction[], raw: string[], lines: SourceLine[]): Problem[] {
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const problems: Problem[] = [];
  for (const c of corrections) {
    const target = byLine.get(c.line);
    if (!target) {
      const what = c.line > raw.length ? `the seed has ${raw.length} lines` : 'that line is blank or page furniture';
      problems.push({ file, line: 1, message: `expected the ${c.kind} correction to name a line of text, but ${what} (line ${c.line})` });
    } else if (c.kind === 'not-a-header' && !docNoLine(target.text) && !dateLine(target.text)) {
      problems.push({ file, line: 1, message: `expected line ${c.line} of the seed to read like a header (a 文号 or a date) for the not-a-header correction, found “${target.text.trim()}” — remove the correction, or fix its line number` });
    }
  }
  return problems;
}

/** The issue's 公报期号, from its running headers — or, with none printed, from the file name. */
function gazetteOf(file: string, furniture: Furniture, config: GazetteConfig, problems: Problem[]): Gazette | undefined {
  const [first, ...rest] = furniture.headers;
  for (const h of furniture.headers) {
    if (h.name !== config.gazette.name) {
      problems.push({ file, line: h.line, message: `expected the running header to name 《${config.gazette.name}》 (seeds/gazette.yaml), found 《${h.name}》 — is this an issue of another gazette, or is gazette.name in seeds/gazette.yaml wrong?` });
    }
  }
  for (const h of rest) {
    if (h.year !== first.year || h.number !== first.number) {
      problems.push({ file, line: h.line, message: `expected every running header to name ${first.year} 年第 ${first.number} 号 (as on line ${first.line}), found ${h.year} 年第 ${h.number} 号` });
    }
  }
  if (first) return { year: first.year, number: first.number };
  const named = /(\d{4})-(\d{1,3})\.txt$/.exec(file);
  if (named) return { year: Number(named[1]), number: Number(named[2]) };
  problems.push({ file, line: 1, message: `expected a running header like 《${config.gazette.name}》2022 年第 2 号, or a file name ending in -YYYY-NN.txt, to tell the gazette issue` });
  return undefined;
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
