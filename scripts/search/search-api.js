// Exact full-text search for the gazette: the ES module served as /search-api.js.
//
//   import { search } from '/search-api.js';
//   const results = await search('高凯英', { filters: { issuer: ['县人民政府'] } });
//
// Semantics: a notice matches a query when its text (the page's [data-source-text] elements,
// whitespace removed, full/half-width folded, case folded, every bracket read as 〔〕) contains
// the query. Space-separated
// words must all match. Pagefind is the engine: scripts/search/build.ts indexes one record per
// notice whose words are the *bigrams* of the text's units (a unit is one CJK character, one
// punctuation mark, or a run of Latin letters/digits), and a query becomes Pagefind's exact
// phrase of consecutive bigrams — so consecutive tokens are exactly a substring.
//
// Plain modern JS; this same file is imported by the build (to tokenize the notices exactly as
// queries are tokenized) and by the benchmark and tests in Node ≥ 22, and served bundled with
// what it imports (the site's URL scheme, lib/urls.ts) by esbuild (installSearchApi).
// Everything it fetches is resolved against its own URL, so the site can live under a sub-path.
//
// What a query fetches is kept small also at hundreds of issues (scripts/search/build.ts writes it):
//   core.json            at start-up: Pagefind page hash and id of every notice, newest first
//   index/…              Pagefind's chunks for the query's bigrams
//   entities/<c>.json    names of people, organizations (every name), groups with the query's first
//                        character (a near-miss: also its second)
//   entities/pinyin/<l>.json  a pinyin query: people and organizations with a syllable starting with
//                        its first letter, each name's pinyin and initials
//   cards/<n>.json       the card of the person or organization a query names: roles; every name
//                        with the notices printing it (for the notices found under another name)
//   exact/<h>.json       notices whose 文号 (with or without its final 号) or title is exactly the query
//   units/<h>.json       for a one-unit word: the notices holding the unit, and where first
//   meta/<i>.json        title, 文号, issuers, date, serial… of a notice — only for results shown
//   text/<i>/<k>.json.gz a slice of a notice's text as printed (punctuation, spaces, line breaks),
//                        for an excerpt; stored gzip-compressed, decompressed here
//   facets/<key>.json    a facet's values and the notices with each — only when facets or
//                        filters ask for that facet

import { noticeUrl } from '../../lib/urls.ts';

/** Folder of the exact index bundle and its sidecar files, relative to the site root. */
export const BUNDLE_DIR = 'search/exact/';

const HAN = /\p{Script=Han}/u;
// A unit: one Han character | a run of other letters/digits (with their marks) | any other non-space character.
// The definition: eachUnit finds the same matches faster (tests/search/fold.test.ts compares them).
export const UNIT = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+|\S/gu;
const WORDY = /^[\p{L}\p{N}\p{M}]+$/u;
// Punctuation and symbols are spelled as runes so that Pagefind keeps them as word characters
// (it drops anything not alphanumeric); runes never occur in the gazette.
const RUNES = 'ᚠᚡᚢᚣᚤᚥᚦᚧᚨᚩᚪᚫᚬᚭᚮᚯ';
const MARK = 'ᛝ';

/**
 * Brackets read as one pair: a 文号's year is printed 〔2022〕 but typed and printed in every other
 * shape and width too — [2022] (2022) （2022） ［2022］ 【2022】 〖2022〗 〘2022〙. Each opening
 * bracket folds to 〔 and each closing one to 〕 (after NFKC, which already makes ［（ into [( ),
 * character by character, so a substring of a text still folds to a substring of the folded text.
 * The table of scripts/ingest/docno.ts; tests/search/fold.test.ts checks the two agree.
 */
export const BRACKETS = { open: '〔[(【〖〘［（', close: '〕])】〗〙］）' };
const OPEN_RE = new RegExp(`[${BRACKETS.open.replace(/[[\]]/g, '\\$&')}]`, 'gu');
const CLOSE_RE = new RegExp(`[${BRACKETS.close.replace(/[[\]]/g, '\\$&')}]`, 'gu');

/**
 * Full/half-width and case folding, whitespace removed, every bracket one pair (BRACKETS). The
 * index, the queries and the ground truth of the benchmark and tests all use this one function.
 */
export function fold(text) {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '').replace(OPEN_RE, '〔').replace(CLOSE_RE, '〕');
}

/** A unit's indexed spelling: Han characters and letter/digit runs as they are, anything else in runes. */
function unitWord(u) {
  if (HAN.test(u) || WORDY.test(u)) return u;
  let code = '';
  for (const ch of u.codePointAt(0).toString(16)) code += RUNES[parseInt(ch, 16)];
  return MARK + code;
}

/** The units of folded text, each spelled as Pagefind will index it. */
export function units(folded) {
  const out = [];
  eachUnit(folded, (start, end) => out.push(unitWord(folded.slice(start, end))));
  return out;
}

// What a character is to UNIT, worked out once per character (the build reads millions).
const SPACE = 1;
const HAN_CHAR = 2;
const WORDY_CHAR = 3;
const OTHER = 4;
const WORDY_ONE = /^[\p{L}\p{N}\p{M}]$/u;
const SPACE_ONE = /^\s$/u;
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map();
function classOf(code) {
  let c = code < 0x10000 ? bmpClasses[code] : (astralClasses.get(code) ?? 0);
  if (c === 0) {
    const ch = String.fromCodePoint(code);
    c = HAN.test(ch) ? HAN_CHAR : WORDY_ONE.test(ch) ? WORDY_CHAR : SPACE_ONE.test(ch) ? SPACE : OTHER;
    if (code < 0x10000) bmpClasses[code] = c;
    else astralClasses.set(code, c);
  }
  return c;
}

/**
 * Calls visit(start, end) for each unit of `text` — each match of UNIT, in order — with where it
 * stands (end exclusive). The same units as `text.matchAll(UNIT)`, a character's class looked up
 * once rather than tried by the expression at every place: the build splits every notice's text
 * (7 million units at 100 issues), and the expression was most of that time.
 */
function eachUnit(text, visit) {
  for (let j = 0; j < text.length; ) {
    const code = text.codePointAt(j);
    const c = classOf(code);
    let end = j + (code > 0xffff ? 2 : 1);
    if (c === WORDY_CHAR) {
      // A run of letters, digits and marks other than Han characters.
      while (end < text.length) {
        const next = text.codePointAt(end);
        if (classOf(next) !== WORDY_CHAR) break;
        end += next > 0xffff ? 2 : 1;
      }
    }
    if (c !== SPACE) visit(j, end);
    j = end;
  }
}

/**
 * The units of a text as printed (unfolded, with its punctuation, spaces and line breaks), each
 * with where it stands in the text: { folded, starts, ends } — unit k is text.slice(starts[k],
 * ends[k]). Folds character by character, so `folded` equals fold(text) for ordinary text; the
 * build keeps the printed text for excerpts only where it does (scripts/search/build.ts). Flat
 * arrays, not a pair per unit: the build reads every notice's text this way (7 million units at
 * 100 issues), and the pairs were most of its excerpts' time.
 */
const foldedChars = new Map();
export function unitBounds(text) {
  let folded = '';
  const from = [];
  const to = [];
  for (let j = 0; j < text.length; ) {
    const code = text.codePointAt(j);
    const end = j + (code > 0xffff ? 2 : 1);
    let f = foldedChars.get(code);
    if (f === undefined) foldedChars.set(code, (f = fold(String.fromCodePoint(code))));
    for (let k = 0; k < f.length; k++) {
      from.push(j);
      to.push(end);
    }
    folded += f;
    j = end;
  }
  const starts = [];
  const ends = [];
  eachUnit(folded, (start, end) => {
    starts.push(from[start]);
    ends.push(to[end - 1]);
  });
  return { folded, starts, ends };
}

/** unitBounds as one [start, end] pair per unit: { folded, spans }. */
export function unitSpans(text) {
  const { folded, starts, ends } = unitBounds(text);
  return { folded, spans: starts.map((start, k) => [start, ends[k]]) };
}

/** The indexed words of a unit sequence: the bigram starting at each unit, the last unit alone. */
export function bigrams(us) {
  const out = [];
  for (let i = 0; i < us.length; i++) out.push(i + 1 < us.length ? us[i] + us[i + 1] : us[i]);
  return out;
}

/** The text a unit stands for (runes decoded back to the character). */
export function unitText(u) {
  if (!u.startsWith(MARK)) return u;
  let hex = '';
  for (const r of u.slice(MARK.length)) hex += RUNES.indexOf(r).toString(16);
  return String.fromCodePoint(parseInt(hex, 16));
}

/**
 * A query → its words (split on whitespace), each folded and turned into a Pagefind query:
 * an exact phrase of bigrams for two units or more; a single unit (a Han character, a mark, or a
 * whole Latin/digit run) is looked up in the unit index instead.
 */
export function parseQuery(query) {
  const words = [];
  for (const raw of String(query ?? '').split(/\s+/u)) {
    const folded = fold(raw);
    if (!folded) continue;
    const us = units(folded);
    if (us.length === 0) continue;
    // One unit: looked up whole in the unit index (units/…), not in Pagefind — a prefix search
    // there reads only one index chunk and misses words in the others once the index is large.
    if (us.length === 1) words.push({ text: folded, units: us, unit: us[0] });
    else words.push({ text: folded, units: us, pagefind: `"${bigrams(us).slice(0, -1).join(' ')}"` });
  }
  return words;
}

/**
 * A 文号 typed without its brackets — 机关代字, year and serial as separate words: `威政办字 2022 25`,
 * `威政办字 2022 25号` — as the folded 文号 it spells (`威政办字〔2022〕25号`); undefined otherwise.
 * Such a query still matches as its words (each must occur, as for any query); this only ranks
 * the notice with that 文号 first. Bracketed forms need nothing of this: fold() makes every
 * bracket 〔〕 and removes the spaces, so they are the 文号 itself.
 */
export function docNoKey(query) {
  const m = /^\s*(\p{Script=Han}+)\s+(\d{4})\s+(\d{1,6})\s*号?\s*$/u.exec(String(query ?? '').normalize('NFKC'));
  return m ? fold(`${m[1]}〔${m[2]}〕${m[3]}号`) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Compact integer lists: base64url characters, 5 bits each, least significant group first, a set
// sixth bit meaning "more groups follow". Lists of increasing numbers are stored as differences.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function encodeInts(numbers) {
  let out = '';
  for (let n of numbers) {
    do {
      const low = n & 31;
      n = Math.floor(n / 32);
      out += B64[low | (n > 0 ? 32 : 0)];
    } while (n > 0);
  }
  return out;
}

export function decodeInts(text) {
  const out = [];
  let n = 0;
  let shift = 1;
  for (const ch of text) {
    const v = B64.indexOf(ch);
    n += (v & 31) * shift;
    if (v & 32) shift *= 32;
    else {
      out.push(n);
      n = 0;
      shift = 1;
    }
  }
  return out;
}

export const encodeSorted = (sorted) => encodeInts(sorted.map((n, i) => (i === 0 ? n : n - sorted[i - 1])));
export function decodeSorted(text) {
  const out = decodeInts(text);
  for (let i = 1; i < out.length; i++) out[i] += out[i - 1];
  return out;
}

/** Shard of a string among `count` (FNV-1a over its UTF-16 code units). */
export function shardOf(text, count) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h % count;
}

/** At most one edit (a character replaced, added or dropped) apart: 高凯莹 / 高凯英. Both as arrays of characters. */
export function withinOneEdit(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x, y) => x.length === y.length && x.every((c, j) => c === y[j]);
  if (a.length === b.length) return rest(a.slice(i + 1), b.slice(i + 1));
  return a.length > b.length ? rest(a.slice(i + 1), b.slice(i)) : rest(a.slice(i), b.slice(i + 1));
}

/**
 * How a pinyin query (letters only, spaces and case ignored) names a name whose pinyin syllables
 * are `syllables`: 'pinyin' — the whole pinyin (gaokaiying) or that of its end from the second
 * syllable on, two syllables at least (weijianju for 县卫健局); 'initials' — the initials (gky), or
 * those of its end, three letters at least (wjj); 'partial' — the pinyin of its first two
 * syllables or more (gaokai); otherwise undefined.
 */
export function pinyinMatch(q, syllables) {
  const s = syllables.split(' ');
  const initials = s.map((x) => x[0]).join('');
  if (q === s.join('')) return 'pinyin';
  for (let i = 1; i + 2 <= s.length; i++) if (q === s.slice(i).join('')) return 'pinyin';
  if (q === initials) return 'initials';
  for (let i = 1; i + 3 <= s.length; i++) if (q === initials.slice(i)) return 'initials';
  for (let j = 2; j < s.length; j++) if (q === s.slice(0, j).join('')) return 'partial';
  return undefined;
}

// ---------------------------------------------------------------------------------------------

const root = new URL('./', import.meta.url);
const at = (p) => new URL(p, root).href;
let state;

async function getJSON(p) {
  const res = await fetch(at(p));
  if (!res.ok) throw new Error(`search-api: ${p}: HTTP ${res.status}`);
  if (!p.endsWith('.gz')) return res.json();
  // A .json.gz file (an excerpt slice) is stored compressed. A host that sends .gz files with
  // `Content-Encoding: gzip` has the browser decompress it already: only bytes that still start
  // with gzip's magic number are decompressed here (JSON never starts with 0x1f).
  const bytes = new Uint8Array(await res.arrayBuffer());
  const json = bytes[0] === 0x1f && bytes[1] === 0x8b ? new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))) : new Response(bytes);
  return json.json();
}

/** Fetch a file once per loaded state. */
function cached(s, p) {
  if (!s.files.has(p)) {
    const got = getJSON(`${BUNDLE_DIR}${p}`);
    s.files.set(p, got);
    got.catch(() => s.files.delete(p));
  }
  return s.files.get(p);
}

/**
 * Pagefind's browser code takes the query language from <html lang> (zh-CN here) and then cuts
 * the query into Chinese words, which breaks our phrase of bigrams; it offers no override. The
 * index is language `und`, so present that while Pagefind reads the attribute — synchronously,
 * inside init() before its first await — and put the page's language straight back.
 */
function initAsUndetermined(pagefind) {
  const html = globalThis.document?.documentElement;
  const lang = html?.getAttribute('lang');
  if (html) html.setAttribute('lang', 'und');
  try {
    return pagefind.init();
  } finally {
    if (html) lang === null || lang === undefined ? html.removeAttribute('lang') : html.setAttribute('lang', lang);
  }
}

/**
 * Loads Pagefind and the core table once. Pagefind runs on the page's own thread (noWorker): its
 * worker would fetch its script, entry, metadata and WebAssembly itself, after the page, while on
 * the main thread these are the very requests the search page preloads in its <head>
 * (scripts/search/preloads.ts) — on a slow phone about a second sooner. The entry is asked for
 * with the index's own tag (core.pagefindTag), the URL the page preloads.
 */
function load() {
  state ??= (async () => {
    const engineModule = import(at(`${BUNDLE_DIR}pagefind.js`));
    engineModule.catch(() => {});
    const core = await getJSON(`${BUNDLE_DIR}core.json`);
    // The engine starts now and is awaited only by a text match: what a query needs besides
    // (names, cards, the 文号 table) is asked for while the WebAssembly compiles.
    const engine = (async () => {
      const pagefind = await engineModule;
      await pagefind.options({ basePath: at(BUNDLE_DIR), excerptLength: 0, noWorker: true, ...(core.pagefindTag ? { metaCacheTag: core.pagefindTag } : {}) });
      await initAsUndetermined(pagefind);
      // A large index is written in parts (scripts/search/build.ts): the first is this bundle,
      // the others are merged into it before the first search (Pagefind's multisite search:
      // each part's entry and metadata now, its chunks per query). Their language is this
      // index's, `und` — not the page's; their entries are asked for with their own tags; a
      // result's id is still a page hash, which core.json maps to a notice across all parts.
      await Promise.all((core.parts ?? []).map((part) => pagefind.mergeIndex(at(`${BUNDLE_DIR}${part.path}`), { language: 'und', excerptLength: 0, metaCacheTag: part.tag })));
      return pagefind;
    })();
    // A failed start is not kept: the next search starts afresh.
    engine.catch(() => (state = undefined));
    const pairs = decodeInts(core.ids);
    const ids = [];
    for (let k = 0; k < pairs.length; k += 2) ids.push(`${core.stems[pairs[k]]}${pairs[k + 1] || ''}`);
    const byHash = new Map(ids.map((_, i) => [core.hashPrefix + core.hashes.slice(i * core.hashLength, (i + 1) * core.hashLength), i]));
    const sliceCounts = decodeInts(core.slices);
    return { engine, core, ids, byHash, sliceCounts, files: new Map(), facets: new Map() };
  })();
  state.catch(() => (state = undefined));
  return state;
}

/** Fetch the start-up files (Pagefind and the core table) ahead of the first query. */
export async function ready() {
  await (await load()).engine;
}

/** Forget everything loaded (the benchmark measures cold queries with it). */
export async function reset() {
  const s = await state?.catch(() => undefined);
  state = undefined;
  const pagefind = await s?.engine.catch(() => undefined);
  await pagefind?.destroy?.();
}

/** Facet names, in display order, with their Chinese labels. */
export const FACETS = [
  { key: 'issuer', label: '发文机关' },
  { key: 'year', label: '年份' },
  { key: 'type', label: '文种' },
  { key: 'issue', label: '公报期号' },
  { key: 'person', label: '人员' },
  { key: 'organization', label: '机构' },
];

/** One facet: its values and, for each notice (core order), the indexes of its values. */
function facet(s, key) {
  if (!s.facets.has(key)) {
    s.facets.set(
      key,
      cached(s, `facets/${key}.json`).then((f) => {
        const of = Array.from({ length: s.ids.length }, () => []);
        if (f.multi) f.notices.forEach((list, v) => decodeSorted(list).forEach((i) => of[i].push(v)));
        else decodeInts(f.notices).forEach((v, i) => of[i].push(v));
        return { values: f.values, of };
      }),
    );
  }
  return s.facets.get(key);
}

/** The wanted values of each filtered facet, as value indexes: { key → Set }. */
async function filterSets(s, filters) {
  const out = {};
  for (const [key, wanted] of Object.entries(filters ?? {})) {
    const list = Array.isArray(wanted) ? wanted : wanted == null || wanted === '' ? [] : [wanted];
    if (list.length === 0 || !FACETS.some((f) => f.key === key)) continue;
    const f = await facet(s, key);
    const strings = new Set(list.map(String));
    out[key] = { f, wanted: new Set(f.values.flatMap((v, k) => (strings.has(v) ? [k] : []))) };
  }
  return out;
}

/** Several values of one facet: any of them; several facets: all of them. */
function passes(sets, i, skip) {
  for (const [key, { f, wanted }] of Object.entries(sets)) {
    if (key === skip) continue;
    if (!f.of[i].some((v) => wanted.has(v))) return false;
  }
  return true;
}

/** Runs one word; returns Map(noticeIndex → { score, location }). */
async function runWord(s, word) {
  const { byHash } = s;
  if (word.unit !== undefined) {
    // Notices in core order (newest first), each with the unit's first place; no relevance score.
    const shard = await cached(s, `units/${shardOf(word.unit, s.core.shards.units)}.json`);
    const hits = new Map();
    const pairs = decodeInts(shard[word.unit] ?? '');
    for (let k = 0, i = 0; k < pairs.length; k += 2) {
      i += pairs[k];
      hits.set(i, { score: 0, location: pairs[k + 1] });
    }
    return hits;
  }
  const pagefind = await s.engine;
  const found = await pagefind.search(word.pagefind);
  const hits = new Map();
  for (const r of found?.results ?? []) {
    const i = byHash.get(r.id);
    if (i !== undefined) hits.set(i, { score: r.score, location: Math.min(...r.words, Infinity) });
  }
  if (word.units.length > 1 && hits.size > 0) {
    // Relevance among exact matches: Pagefind's BM25 over the same bigrams (no quotes). The
    // index chunks are already loaded, so this costs no bytes.
    const bag = await pagefind.search(word.pagefind.slice(1, -1));
    for (const r of bag?.results ?? []) {
      const hit = hits.get(byHash.get(r.id));
      if (hit) hit.score = r.score;
    }
  }
  return hits;
}

/** The file of notice i's text slice k, relative to the bundle (written by scripts/search/build.ts). */
export function sliceFile(i, k) {
  return `text/${i}/${k}.json.gz`;
}

/** The text slice files of notice i (of `count`) that hold units [from, to). */
function sliceFiles(s, i, count, from, to) {
  const size = s.core.slice;
  const files = [];
  for (let k = Math.floor(Math.max(0, from) / size); k * size < to && k < count; k++) files.push(sliceFile(i, k));
  return files;
}

/**
 * The printed text of notice i around units [from, to), from its slice files (slice k holds the
 * text of units k·core.slice … (k+1)·core.slice − 1, as printed, with the spaces and line breaks
 * after them): { text, spans } with spans[p − from] = [start, end] of unit p in text.
 */
async function printedOf(s, i, count, from, to) {
  const size = s.core.slice;
  let text = '';
  const spans = [];
  const first = Math.floor(Math.max(0, from) / size);
  const slices = sliceFiles(s, i, count, from, to).map((file) => cached(s, file).catch(() => ''));
  for (const [n, got] of slices.entries()) {
    const k = first + n;
    const slice = await got;
    const at = text.length;
    unitSpans(slice).spans.forEach(([a, b], j) => {
      const p = k * size + j;
      if (p >= from && p < to) spans.push([at + a, at + b]);
    });
    text += slice;
  }
  return { text, spans };
}

/** Units of text an excerpt shows before and after the match. */
const EXCERPT_BEFORE = 24;
const EXCERPT_AFTER = 36;

const escapeHtml = (t) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Runs of spaces as one (a full-width space as printed), line breaks kept without the spaces around them. */
const tidy = (t) => t.replace(/[^\S\n\u3000]+/g, ' ').replace(/ ?\n\s*/g, '\n');

/**
 * An excerpt around `location` (a unit index) as printed — its punctuation, spaces and line
 * breaks (`\n`; the search page shows them with white-space: pre-line) — the matched units in
 * <mark>. Ends with … where the text goes on.
 */
async function excerptFor(s, i, count, location, length, before = EXCERPT_BEFORE, after = EXCERPT_AFTER) {
  const from = Math.max(0, location - before);
  const { text, spans } = await printedOf(s, i, count, from, location + length + after);
  const k = location - from;
  if (spans.length <= k) return '';
  const hitEnd = spans[Math.min(k + length, spans.length) - 1][1];
  const end = spans[spans.length - 1][1];
  const head = tidy(text.slice(spans[0][0], spans[k][0])).trimStart();
  const hit = tidy(text.slice(spans[k][0], hitEnd));
  const tail = tidy(text.slice(hitEnd, end)).trimEnd();
  const more = spans.length >= k + length + after - 2;
  return `${from > 0 ? '…' : ''}${escapeHtml(head)}<mark>${escapeHtml(hit)}</mark>${escapeHtml(tail)}${more ? '…' : ''}`;
}

const META = ['title', 'docNo', 'issuer', 'date', 'type', 'issue', 'issuers', 'serial'];

/**
 * Fill a notice result with its title, 文号, issuer (the first), date, type, issue, issuers (every
 * 发文机关), serial (a 公告's printed `（第34号）`) and excerpt. A notice printed without a 文号 or a
 * serial has no `docNo` or `serial`.
 */
async function fill(s, r, i, m) {
  // The excerpt's text slices are fetched beside the metadata, not after it: one round trip, not two.
  const [meta, excerpt] = await Promise.all([cached(s, `meta/${i}.json`), m.location >= 0 ? excerptFor(s, i, s.sliceCounts[i], m.location, m.length) : undefined]);
  META.forEach((k, j) => {
    if (meta[j] != null) r[k] = meta[j];
  });
  const [, lead] = meta.slice(META.length);
  r.excerpt = excerpt ?? escapeHtml(tidy(lead ?? '').trim());
  return r;
}

/** Start fetching what fill() will read for notice i (its metadata and excerpt slices), without waiting. */
function warm(s, i, m) {
  cached(s, `meta/${i}.json`).catch(() => {});
  if (m.location < 0) return;
  // Only the requests: the excerpt itself is cut when the result is shown, not while the search
  // that comes first is still being answered.
  for (const file of sliceFiles(s, i, s.sliceCounts[i], m.location - EXCERPT_BEFORE, m.location + m.length + EXCERPT_AFTER)) cached(s, file).catch(() => {});
}

/** Why a name is suggested, in the order suggestions are listed. */
const REASONS = ['pinyin', 'initials', 'near', 'partial'];
/** At most this many suggestions, and cards of entities matched by pinyin. */
const MAX_SUGGESTIONS = 5;

/** A person's or organization's card (cards/<n>.json) into the entity result `r`. */
async function fillCard(s, r, n, whole) {
  const card = await cached(s, `cards/${n}.json`);
  if (card.roles) {
    r.roles = card.roles.map(([date, k, group, role, title, noticeTitle, docNo]) => ({
      date,
      ...(group ? { group } : {}),
      ...(role ? { role } : {}),
      ...(title ? { title } : {}),
      notice: { id: s.ids[k], url: noticeUrl(s.ids[k], s.core.base), title: noticeTitle, ...(docNo ? { docNo } : {}) },
    }));
    r.roleCount = card.total;
  }
  if (card.forms) {
    const lists = card.forms.map(([name, list]) => {
      const pairs = decodeInts(list);
      const at = new Map();
      for (let j = 0, k = 0; j < pairs.length; j += 2) at.set((k += pairs[j]), pairs[j + 1]);
      return { name, folded: fold(name), at };
    });
    r.names = lists.map((f) => f.name);
    r.noticeCount = new Set(lists.flatMap((f) => [...f.at.keys()])).size;
    r._forms = lists.filter((f) => f.folded !== whole);
  }
  return r;
}

/**
 * Search. Resolves to every matching result, ranked: entities (person, organization, …) one of
 * whose names is the query (or whose pinyin or initials it is), then the notice whose 文号 or
 * title is the query, then notices by relevance (newest first among equals), then — when the
 * query is a name of an organization — the notices that name it only under another of its names,
 * then entities whose name merely contains the query.
 *
 * Each result has `url`, `title`, `kind` and `excerpt`; notice results also `id`, `score`,
 * `docNo` (when printed), `serial` (a 公告's, when printed), `issuer` (the first), `issuers`,
 * `date`, `type`, `issue` — every result, by default. A caller that shows
 * results a page at a time (the search page) passes `options.excerpts: n`: then only the first n
 * notice results come filled in, so a broad query does not fetch the details of every notice;
 * the others have `title` etc. undefined and `excerpt` null until their `load()` (resolves to the
 * filled result) or `loadExcerpt()` (resolves to the excerpt) is called.
 *
 * Entities first: an entity result whose name (any of an organization's names) is the query has
 * `match: "name"` (and `matchedName`, the name typed), one found by pinyin `match: "pinyin"` or
 * `"initials"`. Such a person result carries `roles` ([{ date, group?, role?, title?, notice: { id,
 * url, title, docNo? } }], the latest first, at most 20) and `roleCount`; an organization result
 * `names` (its name, then every other name) and `noticeCount` (notices whose text has any of
 * them). Exact results are exactly the notices containing the query; a notice found only through
 * another name of the organization the query names has `match: "alias"` and `alias` (the name it
 * prints), and `results.alsoWritten` lists those names with their counts: [{ name, count }].
 * `results.suggestions`: [{ name, kind, url, reason }] — names the query may have meant (reason
 * 'pinyin', 'initials', 'near': one character off, 'partial': part of the name), when no entity
 * is named exactly.
 *
 * options.filters: { issuer, year, type, issue, person, organization } → value or values
 *   (values of one facet are alternatives; facets combine). Works with an empty query. A joint
 *   notice passes the issuer filter of each of its issuers.
 * options.prefetch: n — the details of the first n notice results (by rank) are asked for while
 *   the search finishes, not awaited: a caller that then calls `load()` on them finds them on
 *   the way (the search page shows results as they arrive).
 * options.facets: when true, the returned array also has `.facets`: for each facet the
 *   counts of each value among the query's matches, other facets' filters applied (a joint
 *   notice counts under each of its issuers). Without it, `results.loadFacets()` resolves to the
 *   same, fetched only then: the search page shows the results first and the facets after.
 */
export async function search(query, options = {}) {
  const s = await load();
  const { core, ids } = s;
  const words = parseQuery(query);
  const whole = fold(String(query ?? ''));
  const keys = [...new Set([whole, docNoKey(query)].filter(Boolean))];
  const chars = [...whole];
  const pinyinQuery = /^[a-z]{2,}$/.test(whole);
  // Asked for now, beside the text match, since the query needs them whatever it matches (one
  // round trip, not two, on a slow phone): the 文号/title table and the names under its first
  // character or pinyin letter (cached: the steps below take the same requests).
  if (whole) {
    for (const key of keys) cached(s, `exact/${shardOf(key, core.shards.exact)}.json`);
    const names = cached(s, pinyinQuery ? `entities/pinyin/${whole[0]}.json` : `entities/${shardOf(chars[0], core.shards.entities)}.json`);
    // …and, once the names are in, the card of an entity the query names (a person's roles).
    if (!pinyinQuery) {
      names
        .then((rows) => {
          for (const [name, , , card, aliases = []] of rows) if (card !== undefined && [name, ...aliases].some((f) => fold(f) === whole)) cached(s, `cards/${card}.json`);
        })
        .catch(() => {});
    }
  }
  if (options.facets) for (const { key } of FACETS) facet(s, key);
  const sets = await filterSets(s, options.filters);

  // Notices matching the text (all words), before facet filtering.
  let matched;
  if (words.length === 0) {
    matched = new Map(ids.map((_, i) => [i, { score: 0, location: -1 }]));
  } else {
    const perWord = [];
    for (const w of words) perWord.push(await runWord(s, w));
    matched = new Map();
    for (const [i, first] of perWord[0]) {
      if (!perWord.every((m) => m.has(i))) continue;
      matched.set(i, { score: perWord.reduce((a, m) => a + m.get(i).score, 0), location: first.location, length: words[0].units.length });
    }
  }

  const results = [];
  const suggestions = [];
  const aliasResults = [];
  const alsoWritten = [];
  let exact = new Set();
  if (whole) {
    // The notice whose 文号 (with or without its final 号) or title the query is, or whose 文号
    // the query spells without brackets (docNoKey).
    // A near-miss may differ in its first character: when nothing matches, look under the second too.
    const shards = pinyinQuery
      ? [`pinyin/${whole[0]}`]
      : [...new Set([chars[0], ...(chars.length >= 3 && matched.size === 0 ? [chars[1]] : [])].map((c) => shardOf(c, core.shards.entities)))];
    const [titled, ...entityShards] = await Promise.all([
      Promise.all(keys.map((key) => (matched.size > 0 ? cached(s, `exact/${shardOf(key, core.shards.exact)}.json`) : {}))),
      // No pinyin file for a letter no syllable starts with (i, u, v).
      ...shards.map((k) => (pinyinQuery ? cached(s, `entities/${k}.json`).catch(() => []) : cached(s, `entities/${k}.json`))),
    ]);
    exact = new Set(keys.flatMap((key, k) => titled[k][key] ?? []));
    const seen = new Set();
    const near = [];
    for (const row of entityShards.flat()) {
      const [name, kind, url, card, aliases = [], pinyins = []] = row;
      if (seen.has(url)) continue;
      seen.add(url);
      const forms = [name, ...aliases];
      const folded = forms.map(fold);
      const entity = { url: core.base + url, title: name, excerpt: '', kind: core.kinds[kind], order: 0, score: 0 };
      const named = folded.indexOf(whole);
      if (named >= 0) {
        results.push({ ...entity, rank: 0, match: 'name', matchedName: forms[named], _card: card });
        continue;
      }
      if (folded.some((f) => f.includes(whole))) results.push({ ...entity, rank: 3 });
      if (card === undefined) continue; // suggestions and pinyin: people and organizations
      const why = (reason) => near.push({ name, kind: core.kinds[kind], url: core.base + url, reason, card });
      if (pinyinQuery) {
        const found = pinyins.map((p) => pinyinMatch(whole, p)).filter(Boolean).sort((a, b) => REASONS.indexOf(a) - REASONS.indexOf(b))[0];
        if (found) why(found);
      } else if (chars.length >= 2 && folded.some((f) => f.includes(whole))) why('partial');
      else if (folded.some((f) => (f.length >= 3 || chars.length >= 3) && withinOneEdit(chars, [...f]))) why('near');
    }
    if (!results.some((r) => r.rank === 0)) {
      near.sort((a, b) => REASONS.indexOf(a.reason) - REASONS.indexOf(b.reason) || (a.kind === 'person' ? 0 : 1) - (b.kind === 'person' ? 0 : 1) || a.name.length - b.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const { name, kind, url, reason, card } of near.slice(0, MAX_SUGGESTIONS)) {
        suggestions.push({ name, kind, url, reason });
        // Pinyin or initials name the entity: it comes first, as if its name had been typed.
        if (reason === 'pinyin' || reason === 'initials') results.push({ url, title: name, excerpt: '', kind, order: 0, score: 0, rank: 0, match: reason, _card: card });
      }
    }
    // The first notice results' details, asked for now, beside the cards (options.prefetch).
    const ahead = options.prefetch ?? 0;
    if (ahead > 0) {
      const top = [...matched].filter(([i]) => passes(sets, i)).sort(([i, a], [j, b]) => (exact.has(j) ? 1 : 0) - (exact.has(i) ? 1 : 0) || b.score - a.score || i - j);
      for (const [i, m] of top.slice(0, ahead)) warm(s, i, m);
    }
    // Cards of the entities named, and the notices naming an organization under its other names.
    await Promise.all(results.filter((r) => r.rank === 0 && r._card !== undefined).map((r) => fillCard(s, r, r._card, whole)));
    for (const r of results) {
      if (r.match === 'name' && r._forms) {
        const taken = new Set();
        for (const { name, folded, at } of r._forms) {
          let count = 0;
          for (const [i, location] of at) {
            if (matched.has(i) || taken.has(i) || !passes(sets, i)) continue;
            taken.add(i);
            count++;
            aliasResults.push({ url: noticeUrl(ids[i], core.base), id: ids[i], title: undefined, excerpt: null, kind: 'notice', match: 'alias', alias: name, order: i, _i: i, _m: { location, length: units(folded).length } });
          }
          if (count > 0) alsoWritten.push({ name, count });
        }
        aliasResults.sort((a, b) => alsoWritten.findIndex((w) => w.name === a.alias) - alsoWritten.findIndex((w) => w.name === b.alias) || a.order - b.order);
      }
      delete r._card;
      delete r._forms;
    }
  }
  for (const [i, m] of matched) {
    if (!passes(sets, i)) continue;
    results.push({ url: noticeUrl(ids[i], core.base), id: ids[i], title: undefined, excerpt: null, kind: 'notice', rank: exact.has(i) ? 1 : 2, order: i, score: m.score, _i: i, _m: m });
  }
  results.sort((a, b) => a.rank - b.rank || b.score - a.score || a.order - b.order);
  // The notices found under another name come after the exact ones, before entities merely containing the query.
  const partialAt = results.findIndex((r) => r.rank === 3);
  results.splice(partialAt < 0 ? results.length : partialAt, 0, ...aliasResults);

  const eager = options.excerpts ?? Infinity;
  let shown = 0;
  await Promise.all(
    results.map((r) => {
      const { _i: i, _m: m } = r;
      delete r._i;
      delete r._m;
      delete r.rank;
      delete r.order;
      if (r.kind !== 'notice') return undefined;
      let filled;
      const get = () => (filled ??= fill(s, r, i, m));
      r.load = get;
      r.loadExcerpt = async () => (await get()).excerpt;
      if (shown++ < eager) return get();
      return undefined;
    }),
  );
  results.suggestions = suggestions;
  results.alsoWritten = alsoWritten;
  let facetsOnce;
  results.loadFacets = () => (facetsOnce ??= facetCounts(s, matched, sets));
  if (options.facets) results.facets = await results.loadFacets();
  return results;
}

/** For each facet, the counts of each value among the matched notices, other facets' filters applied. */
async function facetCounts(s, matched, sets) {
  const all = await Promise.all(FACETS.map(({ key }) => facet(s, key)));
  const facets = {};
  FACETS.forEach(({ key }, k) => {
    const f = all[k];
    const counts = new Map();
    for (const [i] of matched) {
      if (!passes(sets, i, key)) continue;
      for (const v of f.of[i]) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    facets[key] = [...counts].map(([v, count]) => ({ value: f.values[v], count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh'));
  });
  return facets;
}
