// `npm run bench:search [-- --dist DIR]`: recall, precision, latency and bytes per query of the exact
// search (/search-api.js) and of stock Pagefind (/pagefind/, plain and quoted) over the same
// built site. Reads dist/; builds the stock index into dist/pagefind/ first when it is not there
// (`npm run build` does not ship it). A benchmark, not a test: it prints, it asserts nothing.
//
// Ground truth: a notice matches a query when its text — the built page's [data-source-text]
// elements, whitespace removed, NFKC (full/half-width) and case folded — contains every
// space-separated word of the query, in whole units (a number or Latin word is matched whole).
// Query sets come from the corpus with a fixed seed.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { basePathOf, entityNames, noticeTexts, readNotices } from '../scripts/search/build.ts';
import { buildStockIndex } from '../scripts/search/stock.ts';
import { fold, units } from '../scripts/search/search-api.js';
import { findDocNos } from '../scripts/ingest/docno.ts';
import { distFetch } from './dist-fetch.ts';
import { coldSearches, lighthouse, SLOW_PHONE } from './slow-phone.ts';
import { buildSyntheticSite } from './synth-site.ts';
import { startServer } from '../scripts/serve.ts';
import { CHROMIUM, launchChromium } from '../tests/helpers/chromium.ts';
import { seededRandom } from './random.ts';

// The site: `--dist DIR`, a bare DIR, or SEARCH_DIST; dist/ by default.
const argv = process.argv.slice(2);
const flag = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const distArg = flag('--dist') ?? argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const dist = path.resolve(distArg ?? process.env.SEARCH_DIST ?? 'dist');
const root = path.resolve(import.meta.dirname, '..');
const SEED = 20220502;
const SUBSTRINGS = 300;

// The stock index is built only to compare against it: --exact-only (e.g. a 1,000-issue site, where
// one stock index would need one Pagefind process for every page) measures the exact search alone.
if (!argv.includes('--exact-only') && !existsSync(path.join(dist, 'pagefind', 'pagefind.js'))) {
  console.log(`stock Pagefind: indexed ${await buildStockIndex(dist)} notice page(s) into ${path.join(dist, 'pagefind')}/`);
}

const notices = await readNotices(dist);
const texts = await noticeTexts(dist, notices);
const names = await entityNames(root, notices, texts, dist);
const urlToId = new Map(notices.map((n) => [n.url, n.id]));

// Containment of whole units, as the search promises: a number or a Latin word is matched whole,
// so 〔2036〕22 does not match 〔2036〕222 (plain substring containment would say it does).
const SEP = '\u0001';
const unitString = (folded: string) => `${SEP}${units(folded).join(SEP)}${SEP}`;
const noticeUnits = new Map(notices.map((n) => [n.id, unitString(texts.get(n.id)!)]));
function truth(query: string): Set<string> {
  const words = query.split(/\s+/).map(fold).filter(Boolean).map(unitString);
  return new Set(notices.filter((n) => words.every((w) => noticeUnits.get(n.id)!.includes(w))).map((n) => n.id));
}

// 文号 as printed in the texts (the notice's own and the ones it cites), with and without the PDF's spaces.
const docNos = new Set<string>();
for (const t of texts.values()) for (const [m] of t.matchAll(/[\p{Script=Han}]{2,8}〔\d{4}〕\d+号/gu)) docNos.add(m);
const spaced = [...docNos].map((d) => d.replace(/〔(\d{4})〕(\d+)号/, '〔$1〕$2 号'));
// …and as staff type them (issue 11): other brackets, full-width, spaces anywhere, without 号, or
// without brackets as three words (which match as words; only the ranking knows the 文号).
const fullWidth = (t: string) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const DOCNO_PARTS = /^(\p{Script=Han}+)〔(\d{4})〕(\d+)号$/u;
const docNoSpellings = (d: string): string[] => {
  const [, p, y, n] = DOCNO_PARTS.exec(d)!;
  return [`${p}[${y}]${n}号`, `${p}(${y})${n}`, `${p}（${fullWidth(y!)}）${fullWidth(n!)}号`, `${p}［${y}］${n}号`, `${p}【${y}】${n}号`, `${p}〖${y}〗${n}`, `${p} [ ${y} ] ${n} 号`, `${p}〔${y}〕${n}`, `${p} ${y} ${n}`];
};
// The 文号 themselves (the sets above take up to 8 characters before the bracket, often words of
// the running text: 方案的通知威政字〔2022〕16号): every notice's own, and those the texts cite,
// read with the ingest's normalizer.
const plainDocNos = new Set(notices.flatMap((n) => (n.docNo ? [n.docNo] : [])));
for (const t of texts.values()) for (const f of findDocNos(t)) plainDocNos.add(f.docNo);
/** Query → the 文号 it spells (folded), for "its own notice first". */
const docNoOf = new Map<string, string>();
for (const d of plainDocNos) for (const q of docNoSpellings(d)) docNoOf.set(q, fold(d));
const retyped = [...plainDocNos].flatMap(docNoSpellings);
/** A notice by its 文号 (folded). */
const noticeOfDocNo = new Map(notices.flatMap((n) => (n.docNo ? [[fold(n.docNo), n.id] as const] : [])));

// Random substrings of 2–6 units (a unit: a Han character, a punctuation mark, a Latin/digit
// run — digits are matched as whole numbers, "Latin and digits as usual"), with a Han character.
const rand = seededRandom(SEED);
const substrings = new Set<string>();
const all = notices.map((n) => ({ id: n.id, us: units(texts.get(n.id)!) }));
const total = all.reduce((a, n) => a + n.us.length, 0);
while (substrings.size < SUBSTRINGS) {
  let k = Math.floor(rand() * total);
  const doc = all.find((n) => (k < n.us.length ? true : ((k -= n.us.length), false)))!;
  const len = 2 + Math.floor(rand() * 5);
  const piece = doc.us.slice(k, k + len);
  if (piece.length < len) continue;
  const text = piece.map((u) => (u.startsWith('ᛝ') ? String.fromCodePoint(parseInt([...u.slice(1)].map((r) => 'ᚠᚡᚢᚣᚤᚥᚦᚧᚨᚩᚪᚫᚬᚭᚮᚯ'.indexOf(r).toString(16)).join(''), 16)) : u)).join('');
  if (/\p{Script=Han}/u.test(text)) substrings.add(text);
}

// `--sample N`: at most N queries per set (a fixed-seed sample), for large corpora. `--misses`:
// print each query whose result set is not exactly the truth, with what was missing or extra.
const sampleArg = Number(flag('--sample') ?? Infinity);
function sample(queries: string[]): string[] {
  if (queries.length <= sampleArg) return queries;
  const r = seededRandom(SEED + queries.length);
  const pool = [...queries];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, sampleArg);
}

const sets: [string, string[]][] = [
  [`people (${names.source})`, names.people.flatMap((n) => n.forms)],
  [`organizations (${names.source})`, names.organizations.flatMap((n) => n.forms)],
  ['文号', [...docNos]],
  ['文号 with PDF spaces', spaced],
  ['文号 retyped: [] () （） ［］ 【】 〖〗, full width, spaces, no 号, no brackets', retyped],
  [`substrings 2–6 (seed ${SEED})`, [...substrings]],
].map(([label, qs]) => [label as string, sample(qs as string[])]);

interface Engine {
  name: string;
  /** Files the engine imports as modules (not through fetch): counted in its start-up. */
  modules: string[];
  init(): Promise<void>;
  /** Forget everything loaded, then load the engine's start-up files again (nothing a query needs beyond them). */
  reset(): Promise<void>;
  run(q: string): Promise<string[]>;
}

const counter = distFetch(dist);
globalThis.fetch = counter.fetch;

// The notices a query finds under another name of the organization it names (`match: "alias"`),
// counted apart from the exact results: the notices containing one of the organization's other
// names (whole units, as above) but not the query.
const otherNames = new Map<string, Set<string>>();
for (const { forms } of names.organizations) {
  for (const f of forms) {
    const set = otherNames.get(fold(f)) ?? new Set<string>();
    for (const g of forms) if (fold(g) !== fold(f)) set.add(g);
    otherNames.set(fold(f), set);
  }
}
function aliasTruth(query: string): Set<string> | undefined {
  const others = otherNames.get(fold(query));
  if (!others) return undefined;
  const exact = truth(query);
  return new Set([...others].flatMap((g) => [...truth(g)]).filter((id) => !exact.has(id)));
}

type OurResult = { url: string; kind: string; match?: string };
const ours: Engine & { lastAlias: string[] } = {
  name: 'exact (/search-api.js)',
  lastAlias: [],
  modules: ['search-api.js', 'search/exact/pagefind.js'],
  api: undefined as undefined | { search: (q: string, o?: object) => Promise<OurResult[]> },
  async init() {
    this.api = await import(pathToFileURL(path.join(dist, 'search-api.js')).href);
    await this.api!.search('威县');
  },
  async reset() {
    const api = this.api as unknown as { reset(): Promise<void>; ready?(): Promise<void> };
    await api.reset();
    await (api.ready ? api.ready() : this.api!.search(''));
  },
  async run(q: string) {
    // As the search page asks: every match, the first 20 filled in (the rest load when shown).
    // Exact results only; those found under another name of an organization are kept apart.
    const results = await this.api!.search(q, { excerpts: 20 });
    const id = (r: OurResult) => urlToId.get(r.url) ?? r.url;
    this.lastAlias = results.filter((r) => r.kind === 'notice' && r.match === 'alias').map(id);
    return results.filter((r) => r.kind === 'notice' && r.match !== 'alias').map(id);
  },
} as Engine & { lastAlias: string[]; api: undefined | { search: (q: string, o?: object) => Promise<OurResult[]> } };

type Pf = { options(o: object): Promise<void>; init(): Promise<void>; search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] } | null> };
function stock(quoted: boolean): Engine & { pf?: Pf } {
  return {
    name: quoted ? 'stock Pagefind, "quoted"' : 'stock Pagefind',
    modules: ['pagefind/pagefind.js'],
    async init() {
      // A fresh module instance per engine: a query string makes it a separate import.
      this.pf = (await import(`${pathToFileURL(path.join(dist, 'pagefind', 'pagefind.js')).href}?${quoted ? 'q' : 'p'}`)) as Pf;
      await this.pf.options({ basePath: pathToFileURL(path.join(dist, 'pagefind') + '/').href, baseUrl: basePathOf() });
      await this.pf.init();
      await this.pf.search('威县');
    },
    async reset() {
      await (this.pf as unknown as { destroy(): Promise<void> }).destroy();
      await this.pf!.options({ basePath: pathToFileURL(path.join(dist, 'pagefind') + '/').href, baseUrl: basePathOf() });
      await this.pf!.init();
    },
    async run(q: string) {
      const found = await this.pf!.search(quoted ? `"${q}"` : q);
      const data = await Promise.all((found?.results ?? []).map((r) => r.data()));
      return data.map((d) => urlToId.get(d.url) ?? d.url);
    },
  };
}

// Bytes of each file as fetched: raw (as stored in dist/), and gzip-compressed for text files
// (.js, .json, .html), which a static host typically serves compressed; Pagefind's own files are
// already gzip inside and are counted as stored.
const sizes = new Map<string, number>();
const gzSizes = new Map<string, number>();
function gz(rel: string, raw: Buffer | Uint8Array): number {
  if (!gzSizes.has(rel)) gzSizes.set(rel, /\.(js|json|html)$/.test(rel) ? gzipSync(raw, { level: 6 }).length : raw.byteLength);
  return gzSizes.get(rel)!;
}
const plainFetch = counter.fetch;
counter.fetch = (async (input: string | URL | Request) => {
  const res = await plainFetch(input);
  const body = new Uint8Array(await res.arrayBuffer());
  if (res.ok) {
    const rel = counter.requests.at(-1)!;
    sizes.set(rel, body.byteLength);
    gz(rel, body);
  }
  return new Response(body, { status: res.status });
}) as typeof fetch;
globalThis.fetch = counter.fetch;
const gzOf = (requests: string[]) => requests.reduce((a, r) => a + (gzSizes.get(r) ?? 0), 0);
const moduleBytes = (e: Engine) => e.modules.map((m) => readFileSync(path.join(dist, m))).reduce((a, b, i) => [a[0]! + b.length, a[1]! + gz(e.modules[i]!, b)], [0, 0]);

/** Bytes of start-up files among the requests (re-fetched after a reset, not per query). */
function startup(requests: string[]): number {
  return requests.filter((r) => !isQueryFile(r)).reduce((a, r) => a + sizes.get(r)!, 0);
}
const isQueryFile = (r: string) => /(^|\/)(index|fragment|filter|text|meta|facets|entities|cards|units)\//.test(r) || /(^|\/)entities\.json$/.test(r) || /(^|\/)exact\/exact\//.test(r);

const engines = [ours, stock(false), stock(true)].filter((e) => !argv.includes('--exact-only') || e === ours);
const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '—');
const kib = (b: number) => `${(b / 1024).toFixed(1)}`;

const cpus = os.cpus();
console.log(`machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`);
console.log(`bench:search over ${dist}: ${notices.length} notices, ${total} text units; ground truth = [data-source-text] text, folded`);
const startupOf = new Map<Engine, { raw: number; gz: number }>();
/** Per set, for our engine: the notices found under another name of the organization a query names. */
const aliasOf = new Map<string, { queries: number; withAlias: number; found: number; want: number; right: number }>();
/** Per 文号 set, for our engine: queries whose 文号 is a notice here, and how many rank it first. */
const firstOf = new Map<string, { first: number; of: number }>();
for (const engine of engines) {
  counter.reset();
  const t = performance.now();
  await engine.init();
  const ms = performance.now() - t;
  // Start-up: what the first load fetches that is not for the query (module, WebAssembly,
  // entry, meta, notice table), plus its module files.
  const first = counter.requests.filter((r) => !isQueryFile(r));
  const [modRaw, modGz] = moduleBytes(engine);
  const up = { raw: first.reduce((a, r) => a + sizes.get(r)!, 0) + modRaw, gz: gzOf(first) + modGz };
  startupOf.set(engine, up);
  console.log(`init ${engine.name}: start-up ${kib(up.raw)} KiB (${kib(up.gz)} KiB gzip) in ${first.length + engine.modules.length} file(s), first query after ${fmt(ms, 0)} ms`);
}
console.log('');
console.log('| set | queries | engine | recall | precision | exact-set queries | latency mean / p95 ms | KiB per warm query mean / max | KiB per cold query mean / max | cold, gzip mean / max |');
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [label, queries] of sets) {
  for (const engine of engines) {
    let tp = 0;
    let truthTotal = 0;
    let returned = 0;
    let exactSets = 0;
    const times: number[] = [];
    const bytes: number[] = [];
    const cold: number[] = [];
    const coldGz: number[] = [];
    const up = startupOf.get(engine)!;
    for (const q of queries) {
      const want = truth(q);
      await engine.reset();
      counter.reset();
      const t = performance.now();
      const ranked = await engine.run(q);
      const got = new Set(ranked);
      times.push(performance.now() - t);
      const own = noticeOfDocNo.get(docNoOf.get(q) ?? '');
      if (engine === ours && own !== undefined) {
        const f = firstOf.get(label) ?? { first: 0, of: 0 };
        f.of++;
        if (ranked[0] === own) f.first++;
        else if (argv.includes('--misses')) console.error(`${engine.name} ${label} “${q}”: ${own} is not first (${ranked[0] ?? 'nothing'})`);
        firstOf.set(label, f);
      }
      const aliasWant = engine === ours ? aliasTruth(q) : undefined;
      if (aliasWant) {
        const a = aliasOf.get(label) ?? { queries: 0, withAlias: 0, found: 0, want: 0, right: 0 };
        const gotAlias = new Set(ours.lastAlias);
        a.queries++;
        if (gotAlias.size > 0) a.withAlias++;
        a.found += gotAlias.size;
        a.want += aliasWant.size;
        a.right += [...gotAlias].filter((id) => aliasWant.has(id)).length;
        aliasOf.set(label, a);
        if (argv.includes('--misses') && (gotAlias.size !== aliasWant.size || [...gotAlias].some((id) => !aliasWant.has(id)))) console.error(`${engine.name} ${label} “${q}”: alias results ${[...gotAlias].join(' ') || '–'}; expected ${[...aliasWant].join(' ') || '–'}`);
      }
      const warm = counter.bytes - startup(counter.requests);
      bytes.push(warm);
      cold.push(up.raw + warm);
      coldGz.push(up.gz + gzOf(counter.requests.filter(isQueryFile)));
      const hit = [...got].filter((id) => want.has(id)).length;
      tp += hit;
      truthTotal += want.size;
      returned += got.size;
      if (hit === want.size && got.size === want.size) exactSets++;
      else if (argv.includes('--misses')) {
        const missing = [...want].filter((id) => !got.has(id));
        const extra = [...got].filter((id) => !want.has(id));
        console.error(`${engine.name} ${label} “${q}”: missing ${missing.join(' ') || '–'}; extra ${extra.join(' ') || '–'}`);
      }
    }
    times.sort((a, b) => a - b);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const mm = (xs: number[]) => `${kib(mean(xs))} / ${kib(Math.max(...xs))}`;
    console.log(
      `| ${label} | ${queries.length} | ${engine.name} | ${fmt(tp / truthTotal)} | ${fmt(returned ? tp / returned : 1)} | ${exactSets}/${queries.length} | ${fmt(mean(times), 1)} / ${fmt(times[Math.floor(times.length * 0.95)] ?? NaN, 1)} | ${mm(bytes)} | ${mm(cold)} | ${mm(coldGz)} |`,
    );
  }
}
if (aliasOf.size > 0) {
  console.log('\nFound under another name of the organization the query names (match: "alias"), not counted above:\n');
  console.log('| set | queries naming an organization | with such results | results | recall | precision |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, a] of aliasOf) console.log(`| ${label} | ${a.queries} | ${a.withAlias} | ${a.found} | ${fmt(a.want ? a.right / a.want : 1)} | ${fmt(a.found ? a.right / a.found : 1)} |`);
}
for (const [label, { first, of }] of firstOf) console.log(`\n${label}: the notice with that 文号 ranked first (exact engine) in ${first}/${of} queries naming a notice of the corpus`);
console.log(
  '\nrecall and precision are micro-averaged over the set (matched notices / expected, matched / returned). A warm query starts from an engine that has fetched only its start-up files (module, WebAssembly, entry, meta, notice table); a cold query is that plus the start-up bytes of the init line — what a first visit fetches. Bytes are as stored in dist/; "gzip" counts .js/.json/.html as a compressing static host would send them (Pagefind files are compressed already).',
);

// ---------------------------------------------------------------------------------------------
// A slow phone (issue 11): cold visits of the search page in Chromium, throttled through the
// DevTools protocol (bench/slow-phone.ts), on this site and on a site of 100 synthetic issues
// built for the purpose (`--phone-issues 100,300`; `--phone-issues 0`: this site only). Served
// compressed, as a static host serves it. `--lighthouse` adds Lighthouse's mobile scores of the
// search page. `--no-phone` skips the section.
if (!argv.includes('--no-phone')) {
  const mostNamed = (named: { forms: string[] }[]) =>
    named
      .flatMap((n) => n.forms)
      .map((f) => ({ f, n: truth(f).size }))
      .sort((a, b) => b.n - a.n || (a.f < b.f ? -1 : 1))[0]?.f;
  const newest = notices.find((n) => n.docNo && DOCNO_PARTS.test(n.docNo.replace(/\s+/g, '')))?.docNo?.replace(/\s+/g, '');
  // As staff type them: a person, an organization's name, a 文号 with a keyboard's brackets.
  const phoneQueries = [mostNamed(names.people), mostNamed(names.organizations), newest && docNoSpellings(newest)[0]].filter((q): q is string => !!q);
  const phoneIssues = (flag('--phone-issues') ?? '100').split(',').map(Number).filter((n) => n > 0);
  const sites = [{ label: `this site (${notices.length} notices)`, dir: dist }];
  for (const n of phoneIssues) {
    const dir = path.join(process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'weixian-bench'), `phone-${n}`);
    console.error(`bench:search: building ${n} synthetic issues in ${dir} for the slow-phone figures…`);
    sites.push({ label: `${n} synthetic issues`, dir: buildSyntheticSite(n, dir) });
  }
  const browser = await launchChromium();
  console.log(`\nA cold search on a slow phone (Chromium throttled: ${SLOW_PHONE.latencyMs} ms round trip, ${((SLOW_PHONE.downloadBytesPerSecond * 8) / 2 ** 20).toFixed(1)} Mbps down, CPU ${SLOW_PHONE.cpuSlowdown}× slower; ${SLOW_PHONE.viewport.width}×${SLOW_PHONE.viewport.height} viewport; empty cache; served gzip). Time from navigation to the first result on screen, median / slowest of 3 visits; CLS the largest of the 3:\n`);
  console.log('| site | query | first result, median / slowest ms | CLS | KiB transferred | requests |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  const audits: string[] = [];
  try {
    for (const site of sites) {
      const server = await startServer({ root: site.dir, port: 0, compress: true });
      try {
        for (const c of await coldSearches(browser, server.url, phoneQueries)) {
          const last = c.runs.at(-1)!;
          console.log(`| ${site.label} | ${c.query} | ${fmt(c.medianMs, 0)} / ${fmt(c.maxMs, 0)} | ${fmt(c.maxCls, 3)} | ${kib(last.bytes)} | ${last.requests} |`);
        }
        if (argv.includes('--lighthouse')) {
          const url = `${server.url}search/?q=${encodeURIComponent(phoneQueries[0] ?? '')}`;
          const { scores, failed } = await lighthouse(url, CHROMIUM);
          audits.push(`${site.label}: Lighthouse mobile on /search/?q=…: ${Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(', ')}${failed.length ? `; below 90: ${failed.join(', ')}` : ''}`);
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  for (const line of audits) console.log(`\n${line}`);
}
