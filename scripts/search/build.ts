// Exact full-text index: `buildExactIndex(dist)` runs after astro build (see scripts/postbuild.ts)
// and writes
//   dist/search-api.js                   the search module (a copy of ./search-api.js)
//   dist/search/exact/                   a Pagefind bundle: one custom record per notice whose
//                                        words are the bigrams of the notice's text units
//   dist/search/exact/notices.json       the notice table: url, title, 文号, facets, Pagefind page hash
//   dist/search/exact/text/<i>/<k>.json  the notice's units in slices, for excerpts
// The text of a notice is exactly what the benchmark takes as ground truth: its built page's
// [data-source-text] elements, whitespace removed, full/half-width folded.
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import * as pagefind from 'pagefind';
import { BUNDLE_DIR, bigrams, fold, units } from './search-api.js';

/** Units per excerpt slice file. */
export const SLICE = 256;
/** Word-location budget per Pagefind index chunk (Pagefind's default is 20000). */
export const CHUNK_LOCATIONS = 2000;

export interface NoticeApi {
  id: string;
  docNo: string;
  title: string;
  issuer: string;
  date: string;
  type: string;
  url: string;
  gazette: { year: number; number: number };
  personnel?: { name: string }[];
}

export interface Entity {
  name: string;
  url: string;
  kind: string;
}

/** dist-relative path of a site URL (which carries the base path). */
export function fileOfUrl(distDir: string, url: string, basePath: string): string {
  const rel = decodeURIComponent(url).slice(basePath.length);
  return path.join(distDir, rel, rel.endsWith('.html') ? '' : 'index.html');
}

/** The text of a built page's [data-source-text] elements, as one string. */
export function sourceText(html: string): string {
  const tree = fromHtml(html);
  return selectAll('[data-source-text]', tree)
    .map((el) => toText(el))
    .join('\n');
}

export function basePathOf(siteBase = process.env.SITE_BASE): string {
  return new URL(siteBase ?? '/', 'http://localhost').pathname.replace(/\/?$/, '/');
}

export async function readNotices(distDir: string): Promise<NoticeApi[]> {
  return JSON.parse(await readFile(path.join(distDir, 'api', 'notices.json'), 'utf8')) as NoticeApi[];
}

/** Folded text of every notice, by notice id. */
export async function noticeTexts(distDir: string, notices: NoticeApi[], basePath = basePathOf()): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const n of notices) out.set(n.id, fold(sourceText(await readFile(fileOfUrl(distDir, n.url, basePath), 'utf8'))));
  return out;
}

const ENTITY_KINDS: Record<string, string> = { people: 'person', organizations: 'organization', groups: 'group' };

/** Entity pages of the built site (people/<id>/, organizations/<id>/, groups/<id>/) and their <h1>. */
export async function readEntities(distDir: string, basePath = basePathOf()): Promise<Entity[]> {
  const out: Entity[] = [];
  for (const [dir, kind] of Object.entries(ENTITY_KINDS)) {
    const names = await readdir(path.join(distDir, dir)).catch(() => [] as string[]);
    for (const id of names.sort()) {
      const file = path.join(distDir, dir, id, 'index.html');
      if (!(await stat(file).catch(() => undefined))?.isFile()) continue;
      const h1 = select('h1', fromHtml(await readFile(file, 'utf8')));
      const name = h1 ? toText(h1).replace(/\s+/g, ' ').trim() : '';
      if (name) out.push({ name, kind, url: `${basePath}${dir}/${encodeURIComponent(id)}/` });
    }
  }
  return out;
}

/** Organization names found in a text when the knowledge base has none: 县…局, 县委…部, …镇, …乡. */
export function regexOrganizations(text: string): string[] {
  const found = new Set<string>();
  const re = /(?:威县|县委|县政府|县)[\p{Script=Han}]{1,12}?(?:局|委员会|办公室|中心|部|院|所|队|站|公司|办)|[\p{Script=Han}]{1,3}(?:镇|乡)(?=人民政府|政府|党委|、|，|。|：)/gu;
  for (const [m] of text.matchAll(re)) if (m.length >= 3) found.add(m);
  return [...found];
}

interface KbEntry {
  name?: string;
  names?: string[];
  aliases?: string[];
}

/** Names from the knowledge base when present: dist/api/<file>, else content/data/<file> (an array, or an object of arrays). */
async function kbNames(root: string, file: string, distDir?: string): Promise<string[] | undefined> {
  const text =
    (distDir ? await readFile(path.join(distDir, 'api', file), 'utf8').catch(() => undefined) : undefined) ??
    (await readFile(path.join(root, 'content', 'data', file), 'utf8').catch(() => undefined));
  if (text === undefined) return undefined;
  const data = JSON.parse(text) as unknown;
  const list = (Array.isArray(data) ? data : Object.values(data as object).find(Array.isArray) ?? []) as KbEntry[];
  return [...new Set(list.flatMap((e) => [e.name, ...(e.names ?? []), ...(e.aliases ?? [])]).filter((n): n is string => typeof n === 'string' && n.length > 1))];
}

/** People and organization names for facets (and the benchmark): the knowledge base when it exists, else frontmatter personnel and a regex. */
export async function entityNames(root: string, notices: NoticeApi[], texts: Map<string, string>, distDir?: string): Promise<{ people: string[]; organizations: string[]; source: string }> {
  const kbPeople = await kbNames(root, 'people.json', distDir);
  const kbOrgs = await kbNames(root, 'organizations.json', distDir);
  const people = kbPeople ?? [...new Set(notices.flatMap((n) => (n.personnel ?? []).map((p) => p.name.replace(/\s+/g, ''))))];
  const organizations = kbOrgs ?? [...new Set([...texts.values()].flatMap(regexOrganizations))];
  return { people: people.sort(), organizations: organizations.sort(), source: kbPeople && kbOrgs ? 'knowledge base' : 'frontmatter personnel + regex' };
}

function check(step: string, errors: string[] | undefined): void {
  if (errors && errors.length > 0) throw new Error(`exact index: pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

export interface ExactIndexResult {
  notices: number;
  units: number;
  outputPath: string;
  bytes: number;
}

async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return total;
}

/** Build the exact index for the site in `distDir`. */
export async function buildExactIndex(distDir = 'dist', root = process.env.NO_LOSS_ROOT ?? path.resolve(import.meta.dirname, '../..')): Promise<ExactIndexResult> {
  const basePath = basePathOf();
  const outputPath = path.join(distDir, BUNDLE_DIR);
  await rm(outputPath, { recursive: true, force: true });
  const notices = await readNotices(distDir);
  const texts = await noticeTexts(distDir, notices, basePath);
  const names = await entityNames(root, notices, texts, distDir);
  const entities = await readEntities(distDir, basePath);

  const unitLists = notices.map((n) => units(texts.get(n.id)!));
  const previous = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(CHUNK_LOCATIONS);
  const hashes = new Map<string, number>();
  try {
    await pagefind.close(); // a running service would keep its old environment
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
    check('createIndex', errors);
    if (!index) throw new Error('exact index: pagefind createIndex returned no index');
    for (const [i, n] of notices.entries()) {
      const added = await index.addCustomRecord({ url: n.url, content: bigrams(unitLists[i]!).join(' '), language: 'und' });
      check(`addCustomRecord ${n.url}`, added.errors);
    }
    const written = await index.writeFiles({ outputPath });
    check('writeFiles', written.errors);
  } finally {
    await pagefind.close();
    if (previous === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = previous;
  }
  // Page hash → notice: each fragment names its URL. The fragments themselves are never fetched.
  const byUrl = new Map(notices.map((n, i) => [n.url, i]));
  const fragmentDir = path.join(outputPath, 'fragment');
  for (const file of await readdir(fragmentDir)) {
    const json = gunzipSync(await readFile(path.join(fragmentDir, file))).toString('utf8').replace(/^pagefind_dcd/, '');
    const { url } = JSON.parse(json) as { url: string };
    const i = byUrl.get(url);
    if (i === undefined) throw new Error(`exact index: fragment ${file} has unknown url ${url}`);
    hashes.set(file.replace(/\.pf_fragment$/, ''), i);
  }
  if (hashes.size !== notices.length) throw new Error(`exact index: ${hashes.size} fragment(s) for ${notices.length} notice(s)`);
  const hashOf = new Map([...hashes].map(([h, i]) => [i, h]));
  // The fragments hold the whole text; nothing reads them, so they do not ship.
  await rm(fragmentDir, { recursive: true, force: true });
  // Only pagefind.js, its worker and WebAssembly, the entry, meta and index chunks are used.
  for (const file of await readdir(outputPath)) {
    if (/^pagefind-(?:component-ui|modular-ui|ui|highlight)\./.test(file)) await rm(path.join(outputPath, file));
  }

  // Facet values: who and what each notice names (by containment, the search's own semantics).
  const peopleIdx = new Map(names.people.map((p, i) => [p, i]));
  const orgIdx = new Map(names.organizations.map((o, i) => [o, i]));
  const table = {
    slice: SLICE,
    people: names.people,
    organizations: names.organizations,
    entities,
    notices: notices.map((n, i) => {
      const text = texts.get(n.id)!;
      return {
        h: hashOf.get(i)!,
        url: n.url,
        title: n.title,
        docNo: n.docNo,
        issuer: n.issuer,
        date: n.date,
        type: n.type,
        issue: `${n.gazette.year} 年第 ${n.gazette.number} 号`,
        s: Math.ceil(unitLists[i]!.length / SLICE),
        p: names.people.filter((p) => text.includes(fold(p))).map((p) => peopleIdx.get(p)!),
        o: names.organizations.filter((o) => text.includes(fold(o))).map((o) => orgIdx.get(o)!),
        lead: text.slice(0, 60),
      };
    }),
  };
  await writeFile(path.join(outputPath, 'notices.json'), JSON.stringify(table));
  for (const [i, us] of unitLists.entries()) {
    await mkdir(path.join(outputPath, 'text', String(i)), { recursive: true });
    for (let k = 0; k * SLICE < us.length; k++) {
      await writeFile(path.join(outputPath, 'text', String(i), `${k}.json`), JSON.stringify(us.slice(k * SLICE, (k + 1) * SLICE)));
    }
  }
  await copyFile(path.join(import.meta.dirname, 'search-api.js'), path.join(distDir, 'search-api.js'));
  return { notices: notices.length, units: unitLists.reduce((a, u) => a + u.length, 0), outputPath, bytes: await treeBytes(outputPath) };
}
