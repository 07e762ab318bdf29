// Exact full-text search for 《威县人民政府公报》: the ES module served as /search-api.js.
//
//   import { search } from '/search-api.js';
//   const results = await search('高凯英', { filters: { issuer: ['威县人民政府'] } });
//
// Semantics: a notice matches a query when its text (the page's [data-source-text] elements,
// whitespace removed, full/half-width folded, case folded) contains the query. Space-separated
// words must all match. Pagefind is the engine: scripts/search/build.ts indexes one record per
// notice whose words are the *bigrams* of the text's units (a unit is one CJK character, one
// punctuation mark, or a run of Latin letters/digits), and a query becomes Pagefind's exact
// phrase of consecutive bigrams — so consecutive tokens are exactly a substring.
//
// Plain modern JS, no bundler; this same file is imported by the build (to tokenize the
// notices exactly as queries are tokenized) and by the benchmark and tests in Node ≥ 22.
// Everything it fetches is resolved against its own URL, so the site can live under a sub-path.

/** Folder of the exact index bundle and its sidecar files, relative to the site root. */
export const BUNDLE_DIR = 'search/exact/';

const HAN = /\p{Script=Han}/u;
// A unit: one Han character | a run of other letters/digits (with their marks) | any other non-space character.
const UNIT = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+|\S/gu;
const WORDY = /^[\p{L}\p{N}\p{M}]+$/u;
// Punctuation and symbols are spelled as runes so that Pagefind keeps them as word characters
// (it drops anything not alphanumeric); runes never occur in the gazette.
const RUNES = 'ᚠᚡᚢᚣᚤᚥᚦᚧᚨᚩᚪᚫᚬᚭᚮᚯ';
const MARK = 'ᛝ';

/** Full/half-width and case folding; whitespace removed. The ground truth uses the same. */
export function fold(text) {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** The units of folded text, each spelled as Pagefind will index it. */
export function units(folded) {
  const out = [];
  for (const [u] of folded.matchAll(UNIT)) {
    if (HAN.test(u) || WORDY.test(u)) out.push(u);
    else {
      let code = '';
      for (const ch of u.codePointAt(0).toString(16)) code += RUNES[parseInt(ch, 16)];
      out.push(MARK + code);
    }
  }
  return out;
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
 * an exact phrase of bigrams for two units or more, a prefix search for a single unit.
 */
export function parseQuery(query) {
  const words = [];
  for (const raw of String(query ?? '').split(/\s+/u)) {
    const folded = fold(raw);
    if (!folded) continue;
    const us = units(folded);
    if (us.length === 0) continue;
    const pf = us.length === 1 ? us[0] : `"${bigrams(us).slice(0, -1).join(' ')}"`;
    words.push({ text: folded, units: us, pagefind: pf });
  }
  return words;
}

// ---------------------------------------------------------------------------------------------

const root = new URL('./', import.meta.url);
const at = (p) => new URL(p, root).href;
let state;

async function getJSON(p) {
  const res = await fetch(at(p));
  if (!res.ok) throw new Error(`search-api: ${p}: HTTP ${res.status}`);
  return res.json();
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

/** Loads Pagefind and the notice table once. */
function load() {
  state ??= (async () => {
    const [pagefind, table] = await Promise.all([import(at(`${BUNDLE_DIR}pagefind.js`)), getJSON(`${BUNDLE_DIR}notices.json`)]);
    await pagefind.options({ basePath: at(BUNDLE_DIR), excerptLength: 0 });
    await initAsUndetermined(pagefind);
    const byHash = new Map(table.notices.map((n, i) => [n.h, i]));
    return { pagefind, table, byHash, slices: new Map() };
  })();
  state.catch(() => (state = undefined));
  return state;
}

/** Forget everything loaded (the benchmark measures cold queries with it). */
export async function reset() {
  const s = await state?.catch(() => undefined);
  state = undefined;
  await s?.pagefind.destroy?.();
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

function facetValues(table, n) {
  return {
    issuer: [n.issuer],
    year: [String(n.date).slice(0, 4)],
    type: [n.type],
    issue: [n.issue],
    person: n.p.map((i) => table.people[i]),
    organization: n.o.map((i) => table.organizations[i]),
  };
}

function passes(values, filters) {
  for (const [key, wanted] of Object.entries(filters ?? {})) {
    const list = Array.isArray(wanted) ? wanted : wanted == null || wanted === '' ? [] : [wanted];
    if (list.length === 0) continue;
    // Several values of one facet: any of them; several facets: all of them.
    if (!list.some((v) => values[key]?.includes(String(v)))) return false;
  }
  return true;
}

/** Runs one Pagefind query; returns Map(noticeIndex → { score, location }). */
async function runWord(s, word) {
  const { pagefind, byHash } = s;
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

/** Units [from, to) of notice i from its slice files (each holds `table.slice` units). */
async function unitsOf(s, i, from, to) {
  const size = s.table.slice;
  const out = [];
  for (let k = Math.floor(Math.max(0, from) / size); k * size < to; k++) {
    if (k >= s.table.notices[i].s) break;
    const key = `${i}/${k}`;
    if (!s.slices.has(key)) s.slices.set(key, getJSON(`${BUNDLE_DIR}text/${i}/${k}.json`).catch(() => []));
    const slice = await s.slices.get(key);
    out.push(...slice.map((u, j) => [k * size + j, u]));
  }
  return out.filter(([p]) => p >= from && p < to).map(([, u]) => u);
}

const escapeHtml = (t) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const joinUnits = (us) => us.map(unitText).reduce((a, u) => (a && /\w$/.test(a) && /^\w/.test(u) ? `${a} ${u}` : a + u), '');

/** An excerpt around `location` (a unit index), the matched units in <mark>. */
async function excerptFor(s, i, location, length, before = 24, after = 36) {
  const start = Math.max(0, location - before);
  const us = await unitsOf(s, i, start, location + length + after);
  const head = joinUnits(us.slice(0, location - start));
  const hit = joinUnits(us.slice(location - start, location - start + length));
  const tail = joinUnits(us.slice(location - start + length));
  return `${start > 0 ? '…' : ''}${escapeHtml(head)}<mark>${escapeHtml(hit)}</mark>${escapeHtml(tail)}${tail.length >= after - 2 ? '…' : ''}`;
}

/**
 * Search. Resolves to every matching result, ranked: entities (person, organization, …) whose
 * name is the query, then the notice whose 文号 or title is the query, then notices by relevance,
 * then entities whose name merely contains the query.
 *
 * options.filters: { issuer, year, type, issue, person, organization } → value or values
 *   (values of one facet are alternatives; facets combine). Works with an empty query.
 * options.excerpts: how many results get an excerpt (default 20); the others carry
 *   `loadExcerpt()` instead, so a broad query does not fetch a text slice per notice.
 * options.facets: when true, the returned array also has `.facets`: for each facet the
 *   counts of each value among the query's matches, other facets' filters applied.
 */
export async function search(query, options = {}) {
  const s = await load();
  const { table } = s;
  const words = parseQuery(query);
  const filters = options.filters ?? {};
  const values = table.notices.map((n) => facetValues(table, n));

  // Notices matching the text (all words), before facet filtering.
  let matched;
  if (words.length === 0) {
    matched = new Map(table.notices.map((_, i) => [i, { score: 0, location: -1, phrase: -1 }]));
  } else {
    const perWord = [];
    for (const w of words) perWord.push(await runWord(s, w));
    matched = new Map();
    for (const [i, first] of perWord[0]) {
      if (!perWord.every((m) => m.has(i))) continue;
      matched.set(i, { score: perWord.reduce((a, m) => a + m.get(i).score, 0), location: first.location, length: words[0].units.length });
    }
  }

  const whole = fold(String(query ?? ''));
  const results = [];
  if (whole) {
    for (const e of table.entities) {
      const name = fold(e.name);
      if (name.includes(whole)) results.push({ url: e.url, title: e.name, excerpt: escapeHtml(e.note ?? ''), kind: e.kind, rank: name === whole ? 0 : 3, score: 0 });
    }
  }
  for (const [i, m] of matched) {
    if (!passes(values[i], filters)) continue;
    const n = table.notices[i];
    const exact = whole && (fold(n.docNo) === whole || fold(n.title) === whole);
    results.push({ url: n.url, title: n.title, excerpt: null, kind: 'notice', rank: exact ? 1 : 2, score: m.score, docNo: n.docNo, issuer: n.issuer, date: n.date, type: n.type, issue: n.issue, _i: i, _m: m });
  }
  results.sort((a, b) => a.rank - b.rank || b.score - a.score || (b.date ?? '').localeCompare(a.date ?? ''));

  const eager = options.excerpts ?? 20;
  let shown = 0;
  await Promise.all(
    results.map((r) => {
      const { _i: i, _m: m } = r;
      delete r._i;
      delete r._m;
      delete r.rank;
      if (r.kind !== 'notice') return undefined;
      const load = () => (m.location >= 0 ? excerptFor(s, i, m.location, m.length) : Promise.resolve(escapeHtml(table.notices[i].lead ?? '')));
      if (shown++ < eager) return load().then((x) => (r.excerpt = x));
      r.loadExcerpt = async () => (r.excerpt ??= await load());
      return undefined;
    }),
  );

  if (options.facets) {
    const facets = {};
    for (const { key } of FACETS) {
      const others = { ...filters, [key]: [] };
      const counts = new Map();
      for (const [i] of matched) {
        if (!passes(values[i], others)) continue;
        for (const v of values[i][key]) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      facets[key] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh'));
    }
    results.facets = facets;
  }
  return results;
}
