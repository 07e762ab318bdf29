// Exact full-text index, written by `writeExactIndex` — from the ingest's output while Astro
// renders (scripts/build.ts), or by `buildExactIndex(dist)` from the built pages (postbuild run on
// its own). Postbuild also puts the search module in place (`installSearchApi`):
//   dist/search-api.js                   the search module (a copy of ./search-api.js)
//   dist/search/exact/                   a Pagefind bundle: one custom record per notice whose
//                                        words are the bigrams of the notice's text units
//   dist/search/exact/core.json          the start-up table: Pagefind page hash and id of each notice,
//                                        newest first (a notice's number i is its place here)
//   dist/search/exact/meta/<i>.json      what a result shows: title, 文号, issuer, date, type, issue,
//                                        every issuer, a 公告's serial
//   dist/search/exact/text/<i>/<k>.json.gz  the notice's text in slices of SLICE units, as printed
//                                        (its punctuation, spaces, line breaks), for excerpts;
//                                        gzip-compressed (sliceBytes, ./excerpts.ts)
//   dist/search/exact/facets/<key>.json  a facet's values and which notices have each (a joint
//                                        notice under each of its issuers)
//   dist/search/exact/entities/<c>.json  entity names (an organization's every name), by each character
//                                        they contain; a person's or organization's row holds the number
//                                        of its card
//   dist/search/exact/entities/pinyin/<l>.json  people and organizations with each name's pinyin and
//                                        initials, by the first letter of each syllable
//   dist/search/exact/cards/<n>.json     what the entity shows at the top of its results: a person's
//                                        roles; an organization's names, each with the notices
//                                        printing it (and where first), for "也写作" results
//   dist/search/exact/exact/<h>.json     folded 文号 and title → notices, by hash
//   dist/search/exact/units/<h>.json     unit → the notices holding it and its first place, by hash
// Only core.json is fetched at start-up; the rest per query, and only what the query needs.
// The text of a notice is exactly what the benchmark takes as ground truth: its built page's
// [data-source-text] elements, whitespace removed, full/half-width folded.
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import * as pagefind from 'pagefind';
import { noticeLimit } from '../../lib/notice-limit.ts';
import type { NoticeRecord } from '../../lib/notice-record.ts';
import { entityPath, noticeUrl, withBase } from '../../lib/urls.ts';
import { pinyinKey } from '../../lib/pinyin.ts';
import { pageFile, pageSourceText } from '../check/source-text.ts';
import { BUNDLE_DIR, bigrams, encodeInts, encodeSorted, fold, shardOf, sliceFile, unitText, units } from './search-api.js';
import { excerptSlices, SLICE, SliceWriter } from './excerpts.ts';

/** Shard counts of the entity-name and exact-title files. */
export const SHARDS = { entities: 32, exact: 64 };
/** Target size of a unit-index shard, in characters; the shard count follows from it. */
export const UNIT_SHARD_CHARS = 8192;
/**
 * Word-location budget per Pagefind index chunk (Pagefind's default is 20000), from the size of
 * the corpus. A first visit downloads Pagefind's metadata whole, and it lists every chunk, then
 * the chunks its query needs: with c locations a chunk over N in all, about N/c entries of
 * metadata plus a few chunks of c — least at c ∝ √N. 3·√N, kept within [2000, 20000]: 2000 for one
 * issue (as before, its metadata is 1.5 KB anyway), about 8000 at 100 issues (metadata 30 KB
 * instead of 67 KB with 2000, for a few KB more per query). On a slow phone the first visit is
 * what counts (issue 11).
 */
export function chunkLocations(units: number): number {
  return Math.min(20000, Math.max(2000, Math.round(3 * Math.sqrt(units))));
}

/** A record of dist/api/notices.json, as the site writes it. */
export type NoticeApi = NoticeRecord;

/** Every 发文机关 of a notice (a record without `issuers` has its one `issuer`). */
export const issuersOf = (n: NoticeApi): string[] => (n.issuers?.length ? n.issuers : [n.issuer]);

/**
 * A 公告's printed serial (`（第34号）`): the record's `serial`, or — for the ingest's notices,
 * which are frontmatter (scripts/search/from-ingest.ts) — `printed.serial`.
 */
export const serialOf = (n: NoticeApi): string | undefined => n.serial ?? (n as { printed?: { serial?: string } }).printed?.serial;

export interface Entity {
  name: string;
  url: string;
  kind: string;
}

export function basePathOf(siteBase = process.env.SITE_BASE): string {
  return new URL(siteBase ?? '/', 'http://localhost').pathname.replace(/\/?$/, '/');
}

export async function readNotices(distDir: string): Promise<NoticeApi[]> {
  return JSON.parse(await readFile(path.join(distDir, 'api', 'notices.json'), 'utf8')) as NoticeApi[];
}

/** Text of every notice as its page shows it (line breaks between blocks), by notice id. */
export async function noticePrintedTexts(distDir: string, notices: NoticeApi[], basePath = basePathOf(), pageTexts?: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const n of notices) out.set(n.id, pageTexts?.get(n.url) ?? pageSourceText(await readFile(pageFile(distDir, n.url, basePath), 'utf8')));
  return out;
}

/** Folded text of every notice, by notice id. */
export async function noticeTexts(distDir: string, notices: NoticeApi[], basePath = basePathOf(), pageTexts?: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const printed = await noticePrintedTexts(distDir, notices, basePath, pageTexts);
  return new Map([...printed].map(([id, text]) => [id, fold(text)]));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decodeEntities = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ENTITIES[e]!);

/** The entity collections with pages, by folder (lib/urls.ts), and the kind a search result names. */
export const ENTITY_KINDS = { people: 'person', organizations: 'organization', groups: 'group' } as const;
/** ENTITY_KINDS as [folder, kind] pairs, the folder typed for lib/urls.ts's entityPath. */
export const ENTITY_KIND_ENTRIES = Object.entries(ENTITY_KINDS) as [keyof typeof ENTITY_KINDS, string][];

/** Entity pages of the built site (people/<id>/, organizations/<id>/, groups/<id>/) and their <h1>. */
export async function readEntities(distDir: string, basePath = basePathOf()): Promise<Entity[]> {
  const out: Entity[] = [];
  for (const [dir, kind] of ENTITY_KIND_ENTRIES) {
    const names = await readdir(path.join(distDir, dir)).catch(() => [] as string[]);
    for (const id of names.sort()) {
      const file = path.join(distDir, dir, id, 'index.html');
      if (!(await stat(file).catch(() => undefined))?.isFile()) continue;
      // The page's <h1>, its tags dropped (parsing whole pages cost seconds per thousand).
      const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(await readFile(file, 'utf8'))?.[1] ?? '';
      const name = decodeEntities(h1.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
      if (name) out.push({ name, kind, url: withBase(entityPath(dir, id), basePath) });
    }
  }
  return out;
}

/** The gazette's place (content/data/gazette.json, from seeds/gazette.yaml): its name and the short form its bodies open with. */
export interface PlaceNames {
  name: string;
  short: string;
}

/**
 * Organization names found in a text when the knowledge base has none: bodies opening with the
 * place's name or short form (县…局, 县委…部), and townships (…镇, …乡).
 */
export function regexOrganizations(text: string, place: PlaceNames): string[] {
  const found = new Set<string>();
  const heads = [...new Set([place.name, `${place.short}委`, `${place.short}政府`, place.short])].filter(Boolean).join('|');
  const re = new RegExp(`(?:${heads})[\\p{Script=Han}]{1,12}?(?:局|委员会|办公室|中心|部|院|所|队|站|公司|办)|[\\p{Script=Han}]{1,3}(?:镇|乡)(?=人民政府|政府|党委|、|，|。|：)`, 'gu');
  for (const [m] of text.matchAll(re)) if (m.length >= 3) found.add(m);
  return [...found];
}

interface KbEntry {
  name?: string;
  names?: string[];
  aliases?: string[];
}

/**
 * Entities from the knowledge base when present (dist/api/<file>, else content/data/<file>): each
 * as its name and every name it is printed under, so one organization is one facet value however
 * many aliases it has.
 */
async function kbEntities(root: string, file: string, distDir?: string): Promise<Named[] | undefined> {
  const text =
    (distDir ? await readFile(path.join(distDir, 'api', file), 'utf8').catch(() => undefined) : undefined) ??
    (await readFile(path.join(root, 'content', 'data', file), 'utf8').catch(() => undefined));
  return text === undefined ? undefined : namedOf(text);
}

/** A role statement of a person, as far as search cards read it (its date is its notice's). */
export interface KbRole {
  notice: string;
  date?: string;
  line?: number;
  group?: string;
  role?: string;
  title?: string;
}
/** A person of the knowledge base, as far as search cards read it. */
export interface KbPerson {
  id: string;
  name: string;
  roles?: KbRole[];
}

/**
 * A person's role statements from either form of the records: the ingest's (content/data, one
 * per statement) or /api/people.json's (a role once, with its `statements`: src/lib/entity-api.ts).
 */
function roleStatements(roles: readonly (KbRole | (Omit<KbRole, 'notice' | 'line'> & { statements: { notice: string; line: number }[] }))[] | undefined): KbRole[] {
  return (roles ?? []).flatMap((r) => ('statements' in r ? r.statements.map((s) => ({ group: r.group, role: r.role, title: r.title, notice: s.notice, line: s.line })) : [r]));
}
/** An organization of the knowledge base, as far as search reads it. */
export interface KbOrganization {
  id: string;
  name: string;
  aliases?: string[];
}
/** People and organizations of the knowledge base, for entity cards and every name of an organization. */
export interface KbRecords {
  people: KbPerson[];
  organizations: KbOrganization[];
}

const kbList = <T>(text: string | undefined): T[] => {
  if (text === undefined) return [];
  const data = JSON.parse(text) as unknown;
  return (Array.isArray(data) ? data : (Object.values(data as object).find(Array.isArray) ?? [])) as T[];
};

/** Knowledge-base records (dist/api/<file>, else content/data/<file>). */
export async function readKb(root: string, distDir?: string): Promise<KbRecords> {
  const read = async (file: string) =>
    (distDir ? await readFile(path.join(distDir, 'api', file), 'utf8').catch(() => undefined) : undefined) ??
    (await readFile(path.join(root, 'content', 'data', file), 'utf8').catch(() => undefined));
  return kbFromText(await read('people.json'), await read('organizations.json'));
}

/** KbRecords from the JSON texts of people.json and organizations.json (the ingest's or the open data's). */
export const kbFromText = (people: string | undefined, organizations: string | undefined): KbRecords => ({
  people: kbList<KbPerson>(people).map((p) => ({ ...p, roles: roleStatements(p.roles as Parameters<typeof roleStatements>[0]) })),
  organizations: kbList<KbOrganization>(organizations),
});

/**
 * A name's toneless pinyin, one syllable per character, as typed on a keyboard (ü as v, letters
 * and digits only): 县卫健局 → [xian, wei, jian, ju]. Its initials are the syllables' first letters.
 */
export function pinyinSyllables(name: string): string[] {
  return pinyinKey(name)
    .split(' ')
    .map((s) => s.replace(/ü/g, 'v').replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
}

/** Roles a person's card lists (the latest; the person's page lists them all). */
export const CARD_ROLES = 20;

/** The place of the gazette the ingest wrote (content/data/gazette.json); without one, only bodies opening with 县 are found. */
async function placeNames(root: string): Promise<PlaceNames> {
  const text = await readFile(path.join(root, 'content', 'data', 'gazette.json'), 'utf8').catch(() => undefined);
  const place = text === undefined ? undefined : (JSON.parse(text) as { place?: Partial<PlaceNames> }).place;
  return { name: place?.name ?? '', short: place?.short ?? '县' };
}

/** Knowledge-base records (people.json, organizations.json) as names with all their forms. */
export function namedOf(text: string): Named[] {
  const data = JSON.parse(text) as unknown;
  const list = (Array.isArray(data) ? data : Object.values(data as object).find(Array.isArray) ?? []) as KbEntry[];
  return list.flatMap((e) => {
    const forms = [...new Set([e.name, ...(e.names ?? []), ...(e.aliases ?? [])].filter((n): n is string => typeof n === 'string' && n.length > 1))];
    return forms.length > 0 ? [{ name: forms[0]!, forms }] : [];
  });
}

/** An entity for facets: its display name and all the forms that count as naming it. */
export interface Named {
  name: string;
  forms: string[];
}

/** People and organization names for facets (and the benchmark): the knowledge base when it exists, else frontmatter personnel and a regex. */
export async function entityNames(root: string, notices: NoticeApi[], texts: Map<string, string>, distDir?: string): Promise<{ people: Named[]; organizations: Named[]; source: string }> {
  const kbPeople = await kbEntities(root, 'people.json', distDir);
  const kbOrgs = await kbEntities(root, 'organizations.json', distDir);
  const single = (names: string[]) => names.map((name) => ({ name, forms: [name] }));
  const people = kbPeople ?? single([...new Set(notices.flatMap((n) => (n.personnel ?? []).map((p) => p.name.replace(/\s+/g, ''))))]);
  const place = kbOrgs ? undefined : await placeNames(root);
  const organizations = kbOrgs ?? single([...new Set([...texts.values()].flatMap((text) => regexOrganizations(text, place!)))]);
  const byName = (a: Named, b: Named) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { people: people.sort(byName), organizations: organizations.sort(byName), source: kbPeople && kbOrgs ? 'knowledge base' : 'frontmatter personnel + regex' };
}

const issueLabel = (n: NoticeApi) => `${n.gazette.year} 年第 ${n.gazette.number} 号`;

/** The longest prefix all strings share (Pagefind's page hashes start with the language). */
function commonPrefix(xs: string[]): string {
  if (xs.length === 0) return '';
  let p = xs[0]!;
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Fail with every message Pagefind reported for `step`, not just the first. */
export function pagefindCheck(prefix: string, step: string, errors: string[] | undefined): void {
  if (errors && errors.length > 0) throw new Error(`${prefix}pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

const check = (step: string, errors: string[] | undefined) => pagefindCheck('exact index: ', step, errors);

export interface ExactIndexResult {
  notices: number;
  units: number;
  /** Pagefind indexes the notices were written in (SEARCH_PART_NOTICES): 1, or the first and its part-2/ … */
  parts: number;
  outputPath: string;
  bytes: number;
}

function treeBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += statSync(path.join(e.parentPath, e.name)).size;
  }
  return total;
}

/** Everything the exact index is made of. */
export interface ExactInput {
  /** The notices (only id, url, title, docNo, serial or printed.serial, issuer, issuers, date, type, gazette are read). */
  notices: NoticeApi[];
  /** Folded text of each notice, by id. */
  texts: Map<string, string>;
  /**
   * Text of each notice as its page shows it (line breaks between blocks), by id: excerpts show
   * it. From the ingest, as its page will show it (./from-ingest.ts `pageText`): postbuild checks
   * each page and cuts again the excerpts of a page that shows other text.
   */
  printed?: Map<string, string>;
  names: { people: Named[]; organizations: Named[] };
  entities: Entity[];
  /** Knowledge-base records: people's roles and organizations' names for the entity cards. */
  kb?: KbRecords;
  basePath: string;
}

/** Build the exact index for the site in `distDir`, reading the built pages. */
export async function buildExactIndex(distDir = 'dist', root = process.env.NO_LOSS_ROOT ?? path.resolve(import.meta.dirname, '../..'), pageTexts?: ReadonlyMap<string, string>): Promise<ExactIndexResult> {
  const basePath = basePathOf();
  const notices = await readNotices(distDir);
  const printed = await noticePrintedTexts(distDir, notices, basePath, pageTexts);
  const texts = new Map([...printed].map(([id, text]) => [id, fold(text)]));
  const names = await entityNames(root, notices, texts, distDir);
  const entities = await readEntities(distDir, basePath);
  const kb = await readKb(root, distDir);
  return writeExactIndex({ notices, texts, printed, names, entities, kb, basePath }, path.join(distDir, BUNDLE_DIR));
}

/**
 * /search-api.js, the module the search page and other sites import — minified: half its bytes
 * are the comments that document it here, and on a slow phone every byte and every parsed line
 * of it stands between the reader and the first result. Same code, same exports.
 */
export function installSearchApi(distDir: string): void {
  // Bundled: the module imports the site's URL scheme (lib/urls.ts), which the browser gets inlined.
  const { outputFiles } = buildSync({ entryPoints: [path.join(import.meta.dirname, 'search-api.js')], bundle: true, write: false, minify: true, format: 'esm', target: 'es2022', legalComments: 'none', platform: 'neutral' });
  writeFileSync(path.join(distDir, 'search-api.js'), `// /search-api.js — exact search of this gazette; documented source: scripts/search/search-api.js\n${outputFiles[0]!.text}`);
}

/**
 * Notices one Pagefind index holds at most, unless SEARCH_PART_NOTICES says otherwise: 700, about
 * 50 issues, so that Pagefind's process (1.3 GiB at 700 notices, 2.3 at 1,400) is not the build's
 * largest (an Astro shard of 2,100 notices: 2.3–2.6 GiB at 300 issues). Each part costs a first search an
 * entry and a metadata file more (20–30 KB).
 */
export const DEFAULT_SEARCH_PART_NOTICES = 700;

/**
 * SEARCH_PART_NOTICES → the most notices one part of the exact index (one Pagefind index, one
 * Pagefind process at a time) holds; unset or empty: the default. Pagefind's process grows with
 * the notices it indexes (about 2.5 GiB at 1,400), so a part bounds the build's memory.
 */
export function maxSearchPartNotices(value: string | undefined): number {
  return noticeLimit('SEARCH_PART_NOTICES', value, DEFAULT_SEARCH_PART_NOTICES, 'one part of the search index holds');
}

/** Records sent to Pagefind before waiting for its answers: this process holds only their bigram strings. */
const RECORD_BATCH = 100;

/** The folder, relative to the bundle, of extra part `p` (2, 3, …); the first part is the bundle itself. */
export const partDir = (p: number): string => `part-${p}/`;

/** An extra part as core.json names it: its folder (relative to the bundle) and its entry's tag. */
export interface PartRef {
  path: string;
  tag: string;
}

/** The one language hash of a Pagefind bundle's entry: the tag it is asked for with (`?ts=`). */
function entryTag(dir: string): string {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const tags = Object.values(entry.languages).map((l) => l.hash);
  if (tags.length !== 1) throw new Error(`exact index: expected one Pagefind language in ${dir}, found ${tags.length}`);
  return tags[0]!;
}

/**
 * One part of the Pagefind index: a fresh Pagefind process indexes `part` (notice indexes, sent in
 * batches of RECORD_BATCH) and writes its bundle to `dir`; `whileWriting` runs while it writes.
 * Returns page hash → notice index, read from the fragments, which are then deleted with the files
 * nothing loads. An extra part (`extra`) keeps only what mergeIndex reads: its entry, metadata,
 * index chunks (and filters, if any).
 */
async function writePagefindPart(notices: NoticeApi[], unitLists: string[][], part: number[], dir: string, extra: boolean, salts: ReadonlyMap<number, number>, whileWriting?: () => void): Promise<Map<string, number>> {
  // A salted notice's record has the URL #s<salt>: another fragment, so another page hash.
  const urlOf = (i: number) => (salts.has(i) ? `${notices[i]!.url}#s${salts.get(i)}` : notices[i]!.url);
  const previous = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  const partUnits = part.reduce((a, i) => a + unitLists[i]!.length, 0);
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = process.env.EXACT_CHUNK_LOCATIONS ?? String(chunkLocations(partUnits)); // EXACT_CHUNK_LOCATIONS: for benchmarking other sizes
  try {
    await pagefind.close(); // a running service would keep its old environment (and this part's memory is the last part's)
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
    check('createIndex', errors);
    if (!index) throw new Error('exact index: pagefind createIndex returned no index');
    // A batch is sent without waiting for each answer (Pagefind indexes one record while the next
    // is made), but only a batch: all at once, this process would hold every notice's bigrams.
    for (let b = 0; b < part.length; b += RECORD_BATCH) {
      const batch = part.slice(b, b + RECORD_BATCH);
      const added = await Promise.all(batch.map((i) => index.addCustomRecord({ url: urlOf(i), content: bigrams(unitLists[i]!).join(' '), language: 'und' })));
      added.forEach((a, j) => check(`addCustomRecord ${notices[batch[j]!]!.url}`, a.errors));
    }
    const writing = index.writeFiles({ outputPath: dir });
    whileWriting?.();
    check('writeFiles', (await writing).errors);
  } finally {
    await pagefind.close();
    if (previous === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = previous;
  }
  // Page hash → notice: each fragment names its URL. The fragments themselves are never fetched.
  const byUrl = new Map(part.map((i) => [urlOf(i), i]));
  const hashes = new Map<string, number>();
  const fragmentDir = path.join(dir, 'fragment');
  for (const file of await readdir(fragmentDir)) {
    const json = gunzipSync(await readFile(path.join(fragmentDir, file))).toString('utf8').replace(/^pagefind_dcd/, '');
    const { url } = JSON.parse(json) as { url: string };
    const i = byUrl.get(url);
    if (i === undefined) throw new Error(`exact index: fragment ${file} has unknown url ${url}`);
    hashes.set(file.replace(/\.pf_fragment$/, ''), i);
  }
  if (hashes.size !== part.length) throw new Error(`exact index: ${hashes.size} fragment(s) for ${part.length} notice(s) in ${dir}`);
  // The fragments hold the whole text; nothing reads them, so they do not ship.
  await rm(fragmentDir, { recursive: true, force: true });
  // Only pagefind.js, its WebAssembly, the entry, meta and index chunks are used: not the UI
  // bundles, and not its worker (search-api.js runs Pagefind on the page's thread). An extra part
  // is merged into the first part's engine (mergeIndex), which reads only its entry, metadata,
  // chunks and filters.
  for (const file of await readdir(dir)) {
    const kept = extra ? /^(?:pagefind-entry\.json|pagefind\..*\.pf_meta|index|filter)$/.test(file) : !/^pagefind-(?:component-ui|modular-ui|ui|highlight|worker)\./.test(file);
    if (!kept) await rm(path.join(dir, file), { recursive: true, force: true });
  }
  return hashes;
}

/**
 * Write the exact index of `input` into `outputPath` (replacing what is there). Pagefind's part
 * is written in parts of at most SEARCH_PART_NOTICES notices (newest first), one Pagefind process
 * after another, so the build's peak is one part's: the first into `outputPath` (its pagefind.js
 * and WebAssembly are what the page loads), the others into `part-2/`, `part-3/`, … beside it,
 * named in core.json and merged by search-api.js (Pagefind's mergeIndex).
 */
export async function writeExactIndex({ notices, texts, printed, names, entities, kb, basePath }: ExactInput, outputPath: string): Promise<ExactIndexResult> {
  const maxPart = maxSearchPartNotices(process.env.SEARCH_PART_NOTICES);
  await rm(outputPath, { recursive: true, force: true });
  const unitLists = notices.map((n) => units(texts.get(n.id)!));
  // Our own files do not depend on Pagefind’s output: they are written (to a staging folder)
  // while Pagefind writes its first part in its own process, and moved in when all are done.
  const staging = `${path.resolve(outputPath)}.staging`;
  await rm(staging, { recursive: true, force: true });
  // Notices newest first (ties: printed order); their place in this order is their number.
  const order = notices.map((_, i) => i).sort((a, b) => notices[b]!.date.localeCompare(notices[a]!.date) || a - b);
  // Parts: consecutive runs of that order (the newest in the first part), each sent to Pagefind
  // in the notices' own order — with one part, exactly the records and order of an unparted index.
  const parts: number[][] = [];
  for (let k = 0; k < order.length; k += maxPart) parts.push(order.slice(k, k + maxPart).sort((a, b) => a - b));
  if (parts.length === 0) parts.push([]);
  const hashes = new Map<string, number>();
  const partRefs: PartRef[] = [];
  let unitShards = 0;
  let slicesWritten: Promise<void> = Promise.resolve();
  // A page hash is its fragment's hash cut to 7 hex digits (Pagefind makes it longer only for a
  // collision inside one index). Parts are indexed apart, so two notices in two parts share a
  // hash now and then (about one build in three at 14,000 notices), and a merged search could not
  // tell their results apart; core.json also holds hashes of one length. Such a notice is indexed
  // again under its URL with a salt (#s1, #s2 …: nothing reads a record's URL but this mapping)
  // until its hash is its own and of the usual length. One part of an ordinary corpus never needs it.
  const SALT_TRIES = 8;
  for (const [p, part] of parts.entries()) {
    const dir = p === 0 ? outputPath : path.join(outputPath, partDir(p + 1));
    const salts = new Map<number, number>();
    for (let attempt = 1; ; attempt++) {
      const written = await writePagefindPart(notices, unitLists, part, dir, p > 0, salts, p === 0 && attempt === 1 ? () => {
        // Our files, while Pagefind writes: they need only the notices' order, not Pagefind's hashes.
        ({ unitShards, slicesWritten } = writeOwnFiles(staging, { notices, order, texts, printed, unitLists, names, entities, kb, basePath }));
        // Awaited before the files move in; settled here too, so a failure of Pagefind's before that is not also unhandled.
        slicesWritten.catch(() => {});
      } : undefined);
      const clashing = [...written].filter(([hash]) => hashes.has(hash) || hash.length !== 'und_'.length + 7).map(([, i]) => i);
      if (clashing.length === 0) {
        for (const [hash, i] of written) hashes.set(hash, i);
        break;
      }
      if (attempt === SALT_TRIES) throw new Error(`exact index: Pagefind page hashes of ${clashing.map((i) => notices[i]!.id).join(', ')} still collide after ${attempt} tries`);
      for (const i of clashing) salts.set(i, attempt);
      // Only this part's Pagefind files are there yet (our files are in staging, later parts not written).
      await rm(dir, { recursive: true, force: true });
    }
    if (p > 0) partRefs.push({ path: partDir(p + 1), tag: entryTag(dir) });
  }
  if (hashes.size !== notices.length) throw new Error(`exact index: ${hashes.size} fragment(s) for ${notices.length} notice(s)`);
  const hashOf = new Map([...hashes].map(([h, i]) => [i, h]));

  const stems: string[] = [];
  const stemIdx = new Map<string, number>();
  const hashPrefix = commonPrefix([...hashes.keys()]);
  // Per notice, in that order: its Pagefind page hash (without the prefix all share; all the same
  // length, so simply concatenated), the stem of its id (2022-weizhengban-) and the number ending it.
  const rows = order.map((i) => {
    const n = notices[i]!;
    if (noticeUrl(n.id, basePath) !== n.url) throw new Error(`exact index: ${n.id}: url ${n.url} is not ${noticeUrl(n.id, basePath)}`);
    const [, stem, num] = /^(.*?)([1-9]\d*)?$/.exec(n.id)!;
    if (!stemIdx.has(stem!)) stemIdx.set(stem!, stems.push(stem!) - 1);
    return { hash: hashOf.get(i)!.slice(hashPrefix.length), stem: stemIdx.get(stem!)!, num: num === undefined ? 0 : Number(num) };
  });
  const hashLength = rows[0]?.hash.length ?? 0;
  if (rows.some((r) => r.hash.length !== hashLength)) throw new Error('exact index: Pagefind page hashes of different lengths');
  const core = {
    v: 4,
    base: basePath,
    slice: SLICE,
    shards: { ...SHARDS } as Record<string, number>,
    kinds: Object.values(ENTITY_KINDS),
    hashPrefix,
    hashLength,
    stems,
    hashes: rows.map((r) => r.hash).join(''),
    // Stem index and number (0: none) of each notice.
    ids: encodeInts(rows.flatMap((r) => [r.stem, r.num])),
    // How many text slices each notice has: an excerpt fetches its slices beside the metadata.
    slices: encodeInts(order.map((i) => Math.ceil(unitLists[i]!.length / SLICE))),
  };
  rows.forEach((r, k) => {
    const id = `${stems[r.stem]}${r.num || ''}`;
    if (id !== notices[order[k]!]!.id) throw new Error(`exact index: id ${notices[order[k]!]!.id} does not round-trip (${id})`);
  });
  core.shards.units = unitShards;
  // Pagefind asks for pagefind-entry.json?ts=<tag> (the time, unless a tag is set): the hash of
  // its language index, which changes with the index, lets the search page preload that exact URL
  // (scripts/search/preloads.ts) and a browser cache it until the index changes. Each extra part
  // is named with its own tag, for the same reason; an index of one part has no `parts`, and so
  // the same core.json as before parts existed.
  writeFileSync(path.join(outputPath, 'core.json'), JSON.stringify({ ...core, pagefindTag: entryTag(outputPath), ...(partRefs.length > 0 ? { parts: partRefs } : {}) }));
  await slicesWritten;
  for (const dir of readdirSync(staging)) renameSync(path.join(staging, dir), path.join(outputPath, dir));
  await rm(staging, { recursive: true, force: true });
  return { notices: notices.length, units: unitLists.reduce((a, u) => a + u.length, 0), parts: parts.length, outputPath, bytes: treeBytes(outputPath) };
}

interface OwnInput {
  notices: NoticeApi[];
  /** Notice indexes, newest first: a notice's number k is its place here. */
  order: number[];
  texts: Map<string, string>;
  printed: Map<string, string> | undefined;
  unitLists: string[][];
  names: { people: Named[]; organizations: Named[] };
  entities: Entity[];
  kb: KbRecords | undefined;
  basePath: string;
}

/**
 * Meta, excerpt slices, facets, entity names, exact 文号/titles and units into `dir`; returns the
 * unit shard count, and the slices' writing, which goes on on libuv's threads (Pagefind meanwhile
 * indexes the next part).
 */
function writeOwnFiles(dir: string, { notices, order, texts, printed, unitLists, names, entities, kb, basePath }: OwnInput): { unitShards: number; slicesWritten: Promise<void> } {
  const files = new Map<string, unknown>();
  const slicesOut = new SliceWriter(dir);
  // What a result shows, per notice.
  for (const [k, i] of order.entries()) {
    const n = notices[i]!;
    // In the order of META in search-api.js; null where a notice has no 文号 or serial.
    const head = [n.title, n.docNo ?? null, n.issuer, n.date, n.type, issueLabel(n), issuersOf(n), serialOf(n) ?? null];
    const { slices, lead } = excerptSlices(printed?.get(n.id), texts.get(n.id)!, () => unitLists[i]!);
    files.set(`meta/${k}.json`, [...head, slices.length, lead]);
    slicesOut.add(k, slices);
  }

  // Facets: single-valued ones as one value index per notice; 发文机关 (a joint notice has
  // several), people and organizations (who and what each notice names, by containment — the
  // search's own semantics) as, per value, the increasing list of notices having it.
  const single = (key: string, valueOf: (n: NoticeApi) => string) => {
    const vals = order.map((i) => valueOf(notices[i]!));
    const values = [...new Set(vals)].sort((a, b) => a.localeCompare(b, 'zh'));
    const idx = new Map(values.map((v, k) => [v, k]));
    files.set(`facets/${key}.json`, { multi: false, values, notices: encodeInts(vals.map((v) => idx.get(v)!)) });
  };
  const many = (key: string, valuesOf: (n: NoticeApi) => readonly string[]) => {
    const lists = new Map<string, number[]>();
    for (const [k, i] of order.entries()) {
      for (const v of new Set(valuesOf(notices[i]!))) {
        let list = lists.get(v);
        if (!list) lists.set(v, (list = []));
        list.push(k);
      }
    }
    const values = [...lists.keys()].sort((a, b) => a.localeCompare(b, 'zh'));
    files.set(`facets/${key}.json`, { multi: true, values, notices: values.map((v) => encodeSorted(lists.get(v)!)) });
  };
  many('issuer', issuersOf);
  single('year', (n) => String(n.date).slice(0, 4));
  single('type', (n) => n.type);
  single('issue', issueLabel);
  // Where each name form (folded) first occurs in each notice's text, by the notice's number k:
  // the facets below and the organizations' cards ask it of every notice.
  const cardForms = (kb?.organizations ?? []).flatMap((o) => [o.name, ...(o.aliases ?? [])]);
  const firstAt = firstOccurrences(order.map((i) => texts.get(notices[i]!.id)!), [...names.people, ...names.organizations].flatMap((n) => n.forms).concat(cardForms).map(fold));
  const multi = (key: string, names: Named[]) => {
    const lists = names.map(({ forms }) => {
      const at = forms.map((f) => firstAt.get(fold(f))!);
      return order.flatMap((_, k) => (at.some((a) => a[k]! >= 0) ? [k] : []));
    });
    const kept = names.flatMap(({ name }, k) => (lists[k]!.length > 0 ? [[name, encodeSorted(lists[k]!)] as const] : []));
    files.set(`facets/${key}.json`, { multi: true, values: kept.map(([v]) => v), notices: kept.map(([, l]) => l) });
  };
  multi('person', names.people);
  multi('organization', names.organizations);

  // Entities by each character of each of their folded names: a query looks in its first
  // character's shard (a near-miss also in its second's). A person's or organization's row:
  // [name, kind, url, card, other names]; a group's: [name, kind, url]. Pinyin, in files of their
  // own (a Chinese query never fetches them): by the first letter of each syllable of each name,
  // rows [name, kind, url, card, other names, pinyin of each name (syllables joined by spaces),
  // initials of each name].
  const entityShards = Array.from({ length: SHARDS.entities }, () => [] as unknown[][]);
  const pinyinShards = new Map<string, unknown[][]>();
  const kinds: readonly string[] = Object.values(ENTITY_KINDS);
  const cards = entityCards({ notices, order, firstAt, unitLists, entities, kb, basePath });
  for (const e of entities) {
    if (!e.url.startsWith(basePath)) throw new Error(`exact index: entity url ${e.url} is not under ${basePath}`);
    const row: unknown[] = [e.name, kinds.indexOf(e.kind), e.url.slice(basePath.length)];
    const card = cards.byUrl.get(e.url);
    const forms = card ? card.forms : [e.name];
    if (card) {
      row.push(card.n, forms.slice(1));
      const syllables = forms.map(pinyinSyllables);
      const pinyinRow = [...row, syllables.map((s) => s.join(' ')), syllables.map((s) => s.map((x) => x[0]).join(''))];
      for (const letter of new Set(syllables.flat().map((x) => x[0]!))) {
        if (!/^[a-z]$/.test(letter)) continue;
        if (!pinyinShards.has(letter)) pinyinShards.set(letter, []);
        pinyinShards.get(letter)!.push(pinyinRow);
      }
    }
    for (const k of new Set(forms.flatMap((f) => [...fold(f)]).map((c) => shardOf(c, SHARDS.entities)))) entityShards[k]!.push(row);
  }
  entityShards.forEach((rows, k) => files.set(`entities/${k}.json`, rows));
  for (const letter of [...pinyinShards.keys()].sort()) files.set(`entities/pinyin/${letter}.json`, pinyinShards.get(letter));
  cards.files.forEach((card, n) => files.set(`cards/${n}.json`, card));

  // 文号 (also without its final 号) and titles, folded, for "the notice whose 文号 or title is the query".
  const exactShards = Array.from({ length: SHARDS.exact }, () => ({}) as Record<string, number[]>);
  for (const [k, i] of order.entries()) {
    const { docNo, title } = notices[i]!;
    for (const key of new Set([docNo, docNo?.replace(/\s*号\s*$/, ''), title].filter((t): t is string => !!t).map(fold))) {
      ((exactShards[shardOf(key, SHARDS.exact)]![key] ??= []) as number[]).push(k);
    }
  }
  exactShards.forEach((map, k) => files.set(`exact/${k}.json`, map));

  // Units: for each unit, the notices holding it (as differences, in core order) and its first place.
  const firstPlace = new Map<string, number[]>();
  for (const [k, i] of order.entries()) {
    const seen = new Set<string>();
    unitLists[i]!.forEach((u, p) => {
      if (seen.has(u)) return;
      seen.add(u);
      let list = firstPlace.get(u);
      if (!list) firstPlace.set(u, (list = []));
      list.push(k, p);
    });
  }
  const encoded = new Map<string, string>();
  for (const [u, list] of firstPlace) {
    const flat: number[] = [];
    for (let j = 0, prev = 0; j < list.length; j += 2) {
      flat.push(list[j]! - prev, list[j + 1]!);
      prev = list[j]!;
    }
    encoded.set(u, encodeInts(flat));
  }
  const unitChars = [...encoded].reduce((a, [u, e]) => a + u.length + e.length + 6, 0);
  let unitShards = 1;
  while (unitChars / unitShards > UNIT_SHARD_CHARS) unitShards *= 2;
  const byUnitShard = Array.from({ length: unitShards }, () => ({}) as Record<string, string>);
  for (const [u, e] of encoded) byUnitShard[shardOf(u, unitShards)]![u] = e;
  byUnitShard.forEach((map, k) => files.set(`units/${k}.json`, map));

  // Tens of thousands of small files: written synchronously, each folder made once — awaiting
  // each write on its own left the process idle for most of this step.
  const dirs = new Set<string>();
  for (const [rel, data] of files) {
    const file = path.join(dir, rel);
    const folder = path.dirname(file);
    if (!dirs.has(folder)) {
      mkdirSync(folder, { recursive: true });
      dirs.add(folder);
    }
    writeFileSync(file, Buffer.isBuffer(data) ? data : JSON.stringify(data));
  }
  return { unitShards, slicesWritten: slicesOut.done() };
}

/**
 * Where each form first occurs in each text (-1: nowhere), as String#indexOf says, by form: one
 * pass over each text, looking up the forms that start with each character, instead of a search
 * per form and text (at 300 issues 250 names' forms in 4,200 notices, twice, were 5 s).
 */
export function firstOccurrences(texts: readonly string[], forms: readonly string[]): Map<string, Int32Array> {
  const distinct = [...new Set(forms)];
  const out = new Map(distinct.map((form) => [form, new Int32Array(texts.length).fill(form === '' ? 0 : -1)]));
  const byFirst = Map.groupBy(distinct.filter((form) => form !== ''), (form) => form.charCodeAt(0));
  texts.forEach((text, t) => {
    for (let p = 0; p < text.length; p++) {
      const starting = byFirst.get(text.charCodeAt(p));
      if (!starting) continue;
      for (const form of starting) {
        const first = out.get(form)!;
        if (first[t]! < 0 && text.startsWith(form, p)) first[t] = p;
      }
    }
  });
  return out;
}

interface CardInput {
  notices: NoticeApi[];
  order: number[];
  /** firstOccurrences of each organization's folded names over the notices' texts, in `order`. */
  firstAt: ReadonlyMap<string, Int32Array>;
  unitLists: string[][];
  entities: Entity[];
  kb: KbRecords | undefined;
  basePath: string;
}

/**
 * The card of each person and organization (cards/<n>.json), numbered in the order of `entities`:
 * - a person: { roles: [[date, notice, group, role, title, notice title, 文号], …] (the CARD_ROLES
 *   latest; notice by its number, group by its name, "" where none; the notice's title and 文号
 *   ride along so that a card needs no further request — one round trip less on a slow phone),
 *   total: how many roles }
 * - an organization: { forms: [[name, notices], …] — its name, then each alias, with the notices
 *   whose text contains it and where first (numbers, as differences, and unit places, alternately) }
 */
function entityCards({ notices, order, firstAt, unitLists, entities, kb, basePath }: CardInput): { byUrl: Map<string, { n: number; forms: string[] }>; files: unknown[] } {
  const byUrl = new Map<string, { n: number; forms: string[] }>();
  const files: unknown[] = [];
  if (!kb) return { byUrl, files };
  const kOf = new Map(order.map((i, k) => [notices[i]!.id, k]));
  const noticeOf = new Map(notices.map((n) => [n.id, n]));
  const idOf = (e: Entity, dir: string) => decodeURIComponent(e.url.slice(basePath.length + dir.length + 1).replace(/\/$/, ''));
  const groupNames = new Map(entities.filter((e) => e.kind === 'group').map((e) => [idOf(e, 'groups'), e.name]));
  const people = new Map(kb.people.map((p) => [p.id, p]));
  const orgs = new Map(kb.organizations.map((o) => [o.id, o]));
  // Unit place of a character offset in a notice's folded text (Han names: one unit a character).
  const unitStarts = new Map<number, number[]>();
  const unitAt = (i: number, offset: number) => {
    let starts = unitStarts.get(i);
    if (!starts) {
      starts = [];
      let c = 0;
      for (const u of unitLists[i]!) {
        starts.push(c);
        c += unitText(u).length;
      }
      unitStarts.set(i, starts);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const e of entities) {
    if (e.kind === 'person') {
      const p = people.get(idOf(e, 'people'));
      if (!p) continue;
      // Latest first; then in the order of the notices (newest first) and of their lines, then by
      // role: an order of the statements themselves, so the ingest's records and the open data's
      // (grouped by role) give the same card.
      const cmp = (x = '', y = '') => (x < y ? -1 : x > y ? 1 : 0);
      const roles = (p.roles ?? [])
        .filter((r) => kOf.has(r.notice))
        .map((r) => ({ r, date: r.date ?? noticeOf.get(r.notice)!.date }))
        .sort((a, b) => cmp(b.date, a.date) || kOf.get(a.r.notice)! - kOf.get(b.r.notice)! || (a.r.line ?? 0) - (b.r.line ?? 0) || cmp(a.r.group, b.r.group) || cmp(a.r.role, b.r.role) || cmp(a.r.title, b.r.title))
        .map(({ r, date }) => [date, kOf.get(r.notice)!, (r.group && groupNames.get(r.group)) ?? '', r.role ?? '', r.title ?? '', noticeOf.get(r.notice)!.title, noticeOf.get(r.notice)!.docNo ?? '']);
      byUrl.set(e.url, { n: files.length, forms: [p.name] });
      files.push({ roles: roles.slice(0, CARD_ROLES), total: roles.length });
    } else if (e.kind === 'organization') {
      const o = orgs.get(idOf(e, 'organizations'));
      if (!o) continue;
      const forms = [...new Set([o.name, ...(o.aliases ?? [])])];
      const lists = forms.map((form) => {
        const first = firstAt.get(fold(form))!;
        const flat: number[] = [];
        let prev = 0;
        for (const [k, i] of order.entries()) {
          const at = first[k]!;
          if (at < 0) continue;
          flat.push(k - prev, unitAt(i, at));
          prev = k;
        }
        return [form, encodeInts(flat)];
      });
      byUrl.set(e.url, { n: files.length, forms });
      files.push({ forms: lists });
    }
  }
  return { byUrl, files };
}
