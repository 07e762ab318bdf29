// `npm run bench:search [dist]`: recall, precision, latency and bytes per query of the exact
// search (/search-api.js) and of stock Pagefind (/pagefind/, plain and quoted) over the same
// built site. Reads dist/, builds nothing. A benchmark, not a test: it prints, it asserts nothing.
//
// Ground truth: a notice matches a query when its text — the built page's [data-source-text]
// elements, whitespace removed, NFKC (full/half-width) and case folded — contains every
// space-separated word of the query. Query sets come from the corpus with a fixed seed.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { basePathOf, entityNames, noticeTexts, readNotices } from '../scripts/search/build.ts';
import { fold, units } from '../scripts/search/search-api.js';
import { distFetch } from './dist-fetch.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const root = path.resolve(import.meta.dirname, '..');
const SEED = 20220502;
const SUBSTRINGS = 300;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const notices = await readNotices(dist);
const texts = await noticeTexts(dist, notices);
const names = await entityNames(root, notices, texts, dist);
const urlToId = new Map(notices.map((n) => [n.url, n.id]));

function truth(query: string): Set<string> {
  const words = query.split(/\s+/).map(fold).filter(Boolean);
  return new Set(notices.filter((n) => words.every((w) => texts.get(n.id)!.includes(w))).map((n) => n.id));
}

// 文号 as printed in the texts (the notice's own and the ones it cites), with and without the PDF's spaces.
const docNos = new Set<string>();
for (const t of texts.values()) for (const [m] of t.matchAll(/[\p{Script=Han}]{2,8}〔\d{4}〕\d+号/gu)) docNos.add(m);
const spaced = [...docNos].map((d) => d.replace(/〔(\d{4})〕(\d+)号/, '〔$1〕$2 号'));

// Random substrings of 2–6 units (a unit: a Han character, a punctuation mark, a Latin/digit
// run — digits are matched as whole numbers, "Latin and digits as usual"), with a Han character.
const rand = mulberry32(SEED);
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

const sets: [string, string[]][] = [
  [`people (${names.source})`, names.people],
  [`organizations (${names.source})`, names.organizations],
  ['文号', [...docNos]],
  ['文号 with PDF spaces', spaced],
  [`substrings 2–6 (seed ${SEED})`, [...substrings]],
];

interface Engine {
  name: string;
  init(): Promise<void>;
  /** Forget loaded index chunks, keep nothing but the engine's start-up files. */
  reset(): Promise<void>;
  run(q: string): Promise<string[]>;
}

const counter = distFetch(dist);
globalThis.fetch = counter.fetch;

const ours: Engine = {
  name: 'exact (/search-api.js)',
  api: undefined as undefined | { search: (q: string) => Promise<{ url: string; kind: string }[]> },
  async init() {
    this.api = await import(pathToFileURL(path.join(dist, 'search-api.js')).href);
    await this.api!.search('威县');
  },
  async reset() {
    await (this.api as unknown as { reset(): Promise<void> }).reset();
    await this.api!.search('');
  },
  async run(q: string) {
    return (await this.api!.search(q)).filter((r) => r.kind === 'notice').map((r) => urlToId.get(r.url) ?? r.url);
  },
} as Engine & { api: undefined | { search: (q: string) => Promise<{ url: string; kind: string }[]> } };

type Pf = { options(o: object): Promise<void>; init(): Promise<void>; search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] } | null> };
function stock(quoted: boolean): Engine & { pf?: Pf } {
  return {
    name: quoted ? 'stock Pagefind, "quoted"' : 'stock Pagefind',
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

/** Bytes of start-up files among the requests (re-fetched after a reset, not per query). */
function startup(requests: string[]): number {
  return requests.filter((r) => !/(^|\/)(index|fragment|filter|text)\//.test(r)).reduce((a, r) => a + sizes.get(r)!, 0);
}
const sizes = new Map<string, number>();
const plainFetch = counter.fetch;
counter.fetch = (async (input: string | URL | Request) => {
  const res = await plainFetch(input);
  const body = await res.arrayBuffer();
  sizes.set(counter.requests.at(-1)!, body.byteLength);
  return new Response(body, { status: res.status });
}) as typeof fetch;
globalThis.fetch = counter.fetch;

const engines = [ours, stock(false), stock(true)];
const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '—');
const kib = (b: number) => `${(b / 1024).toFixed(1)}`;

console.log(`bench:search over ${dist}: ${notices.length} notices, ${total} text units; ground truth = [data-source-text] text, folded`);
for (const engine of engines) {
  counter.reset();
  const t = performance.now();
  await engine.init();
  console.log(`init ${engine.name}: ${kib(counter.bytes)} KiB in ${counter.requests.length} request(s), ${fmt(performance.now() - t, 0)} ms`);
}
console.log('');
console.log('| set | queries | engine | recall | precision | exact-set queries | latency mean / p95 ms | KiB per query mean / max |');
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
for (const [label, queries] of sets) {
  for (const engine of engines) {
    let tp = 0;
    let truthTotal = 0;
    let returned = 0;
    let exactSets = 0;
    const times: number[] = [];
    const bytes: number[] = [];
    for (const q of queries) {
      const want = truth(q);
      await engine.reset();
      counter.reset();
      const t = performance.now();
      const got = new Set(await engine.run(q));
      times.push(performance.now() - t);
      bytes.push(counter.bytes - startup(counter.requests));
      const hit = [...got].filter((id) => want.has(id)).length;
      tp += hit;
      truthTotal += want.size;
      returned += got.size;
      if (hit === want.size && got.size === want.size) exactSets++;
    }
    times.sort((a, b) => a - b);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(
      `| ${label} | ${queries.length} | ${engine.name} | ${fmt(tp / truthTotal)} | ${fmt(returned ? tp / returned : 1)} | ${exactSets}/${queries.length} | ${fmt(mean(times), 1)} / ${fmt(times[Math.floor(times.length * 0.95)] ?? NaN, 1)} | ${kib(mean(bytes))} / ${kib(Math.max(...bytes))} |`,
    );
  }
}
console.log('\nrecall and precision are micro-averaged over the set (matched notices / expected, matched / returned); bytes are per cold query: each query starts from a fresh engine that has fetched only its start-up files (pagefind.js, WebAssembly, meta, notice table), which are counted once in the init line.');
