// `npm run build`: seeds → content → dist in one command.
//   1. ingest    seeds → content/ (scripts/ingest/main.ts); with any problem in a seed it stops
//                here, and neither content/ nor dist/ is touched;
//   2. clean     dist/ is moved aside (and deleted while Astro renders): a stale file of an earlier
//                build (a search bundle, a deleted page) must never make a local build pass where
//                a fresh clone would fail;
//   3. astro build (scripts/astro-build.ts: warnings and errors only; a heap budget from the
//                content's size, ./astro-heap.ts) — for a gazette of more than
//                SHARD_NOTICES notices, one build per shard of years, joined (scripts/shards.ts) —
//                and beside it the exact
//                search index — it needs only the ingest's output, so
//                it is built on the second core while Astro renders, into a staging folder
//                (Astro empties dist/ when it starts) moved into dist/search/exact/ after; its
//                excerpts are cut from the text each page will show (search/from-ingest.ts);
//   4. postbuild the checks over the built site (scripts/postbuild.ts), including that every page
//                shows exactly the text the index was built from, and the text its excerpts were
//                cut from (a page that does not has them cut again from its own); they start once
//                Astro is done, those that need the index (the excerpts, the links into it) once it is.
// Each step prints one line with its counts and its time as `[N ms]` (the build benchmark reads
// them), so a normal build prints about 20 lines: those, and warnings a person must act on.
// Arguments are passed to scripts/astro-build.ts: --silent, --verbose (Astro's log of every page),
// --force.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { runIngest } from './ingest/main.ts';
import type { IngestResult } from './ingest/run.ts';
import { postbuild } from './postbuild.ts';
import { basePathOf, maxSearchPartNotices, writeExactIndex } from './search/build.ts';
import { pageDigest } from './search/excerpts.ts';
import { BUNDLE_DIR } from './search/search-api.js';
import { exactInputFromIngest } from './search/from-ingest.ts';
import { resolveSiteBase, siteUrlWarning } from '../lib/site-url.ts';
import { checkArchiveLinks } from '../lib/archive-links.ts';
import { formatShard, type Shard } from '../lib/shard.ts';
import { joinShards, maxShardNotices, planShards } from './shards.ts';
import { astroHeapMiB, ranOutOfHeap } from './astro-heap.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.env.OUT_DIR ?? 'dist');
const staging = join(dirname(outDir), `.${basename(outDir)}-search-staging`);
const bundle = resolve(outDir, BUNDLE_DIR);
const since = (start: number) => `[${Math.round(performance.now() - start)} ms]`;

/** Best effort: raising the priority back needs privileges some machines do not give. */
function setPriority(nice: number): void {
  try {
    os.setPriority(nice);
  } catch {
    // left as it is
  }
}

/**
 * Clears the last build's dist/ (and a staging folder) at once: moved aside — so no stale file can
 * reach this build — and deleted on libuv's threads while Astro renders (deleting 20,000 files took
 * 0.6–2.7 s of the build's path at 100 issues). Folders left aside by an interrupted build go too.
 */
function clearAside(dir: string): Promise<unknown> {
  const parent = dirname(dir);
  const prefix = `${basename(dir)}.old-`;
  if (existsSync(dir)) renameSync(dir, `${dir}.old-${process.pid}`);
  const aside = existsSync(parent) ? readdirSync(parent).filter((name) => name.startsWith(prefix)) : [];
  return Promise.all(aside.map((name) => rm(join(parent, name), { recursive: true, force: true })));
}

/** Peak resident memory in MiB from getrusage's KiB. */
const mib = (kib: number) => Math.round(kib / 1024);
/** This process's peak resident memory so far, in MiB. */
const ownPeak = () => mib(process.resourceUsage().maxRSS);
/** The peak memory of each Astro build (scripts/astro-build.ts reports it), in MiB. */
const astroPeaks: number[] = [];

/**
 * The Astro build's heap budget in MiB (./astro-heap.ts), set from the ingest's output; undefined
 * for none, and from the first build that ran out of it on.
 */
let heapBudget: number | undefined;

/** One Astro build (scripts/astro-build.ts) in its own process, with the heap budget. */
function astroProcess(args: string[], env: NodeJS.ProcessEnv, heap: number | undefined): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...(heap ? [`--max-old-space-size=${heap}`] : []), join(root, 'scripts/astro-build.ts'), ...args], {
      cwd: root,
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    child.on('message', (m: { maxRSS?: number }) => m.maxRSS && astroPeaks.push(mib(m.maxRSS)));
    child.once('error', fail);
    child.once('exit', (code, signal) => done({ code, signal }));
  });
}

/**
 * An Astro build; one that runs out of its heap budget is built again without one — from an empty
 * cache, as the stopped build may have left it half written — and the build says so.
 */
async function astroBuild(args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  let { code, signal } = await astroProcess(args, env, heapBudget);
  if (heapBudget && ranOutOfHeap(code, signal)) {
    console.warn(`build: warning: astro build ran out of its heap budget of ${heapBudget} MiB (scripts/astro-heap.ts), so it is built again without one; ASTRO_HEAP_MIB=0 skips the budget, a larger number raises it`);
    heapBudget = undefined;
    rmSync(resolve(root, env.ASTRO_CACHE_DIR ?? process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro'), { recursive: true, force: true });
    ({ code, signal } = await astroProcess(args, env, undefined));
  }
  if (code !== 0) throw new Error(`astro build exited with ${code ?? signal}`);
}

/**
 * The site as one Astro build, or a large gazette as one build per shard (scripts/shards.ts), one
 * after the other — each holds only its own notices in memory — joined into dist/ and its sitemap
 * and feed checked as the whole build checks them inside Astro.
 */
async function buildShards(shards: Shard[], args: string[]): Promise<void> {
  if (shards.length === 1) return astroBuild(args);
  const parts = shards.map((shard, i) => ({ shard, dir: `${outDir}.shard-${i + 1}` }));
  const cache = resolve(root, process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro');
  for (const [i, { shard, dir }] of parts.entries()) {
    const start = performance.now();
    rmSync(dir, { recursive: true, force: true });
    // A cache folder per shard, so each keeps its own content-layer cache between builds.
    await astroBuild(args, { BUILD_SHARD: formatShard(shard), OUT_DIR: dir, ASTRO_CACHE_DIR: join(cache, `shard-${formatShard(shard).replace(/[^\w-]+/g, '-')}`) });
    console.log(`build: shard ${i + 1}/${shards.length} (${formatShard(shard)}), peak ${astroPeaks.at(-1)} MiB ${since(start)}`);
  }
  const start = performance.now();
  const joined = joinShards(parts, outDir);
  const { site, base } = resolveSiteBase(process.env.SITE_BASE, process.env.SITE_URL);
  const archive = checkArchiveLinks(outDir, new URL(base, site).href);
  const problems = [...joined.problems, ...archive.problems.map((p) => `${p.file}: ${p.url}: ${p.message}`)];
  if (problems.length > 0) throw new Error(`joining ${shards.length} shards failed with ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  console.log(`build: shards joined: ${joined.moved} file(s) from the other shards, ${joined.shared} left out as the site shard's own; sitemap and feed: ${archive.links} link(s), all to pages of the joined site ${since(start)}`);
}

let cleared: Promise<unknown> = Promise.resolve();
try {
  let start = performance.now();
  // A mistyped SEARCH_PART_NOTICES or ASTRO_HEAP_MIB stops the build now, not beside a long Astro step.
  maxSearchPartNotices(process.env.SEARCH_PART_NOTICES);
  astroHeapMiB(0);
  // The ingest first: when a seed has a problem it exits before dist/ (or content/) is touched.
  // Only what the later steps need is kept from its result — the shard plan, and the search
  // index's input, made once Astro has started — so the rest (every notice's blocks and MDX) can
  // be freed: at 1,000 issues it is most of this process's memory.
  let ingested: IngestResult | undefined = await runIngest();
  const shards = planShards(ingested.notices.map((n) => n.notice), maxShardNotices(process.env.SHARD_NOTICES));
  // What Astro reads: the MDX and content/data/.
  heapBudget = astroHeapMiB([...ingested.files].reduce((sum, [path, text]) => (/^(?:notices|data)\//.test(path) ? sum + Buffer.byteLength(text) : sum), 0));
  cleared = Promise.all([clearAside(outDir), clearAside(staging)]);
  console.log(`build: ingest, peak ${ownPeak()} MiB ${since(start)}`);
  // Said once, before the long step, so it is not lost in the output.
  const warning = siteUrlWarning(process.env);
  if (warning) console.warn(warning);

  // Astro and the index start together; each prints its time since (the checks may start first).
  const besideStart = performance.now();
  const timedAstro = buildShards(shards, process.argv.slice(2)).then(() => {
    const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
    console.log(`build: astro build: ${pages} page(s)${shards.length > 1 ? ` in ${shards.length} shards` : ''}, peak ${Math.max(...astroPeaks)} MiB ${since(besideStart)}`);
  });
  // The index's input (every notice's folded text: half a second at 100 issues) is made while
  // Astro's process starts, not before it.
  const input = exactInputFromIngest(ingested, basePathOf());
  ingested = undefined;
  // The folded texts the index is built from, by URL: the checks compare each page with its own;
  // and the digest of the text each notice's excerpts are cut from (the text its page will show):
  // a page that shows another has them cut again.
  const texts = new Map(input.notices.map((n) => [n.url, input.texts.get(n.id)!]));
  const excerpted = new Map(input.notices.map((n) => [n.url, pageDigest(input.printed!.get(n.id)!)]));
  // Astro renders on one core and the index runs on the other; where they compete (Vite's threads,
  // the writes), the index (this process, and the Pagefind process it starts, which inherits the
  // priority) yields the CPU to Astro, whose render cannot use the second core: at 100 issues
  // without it the index ended 9 s before Astro and the build took 71.9 s, against 64.0-64.5 s
  // with it (the index ending 7 s after Astro). BUILD_NICE=0 turns this off.
  setPriority(Number(process.env.BUILD_NICE ?? 10));
  const index = writeExactIndex(input, staging).then((result) => {
    // The texts the excerpts were cut from are not needed any more (their digests are kept): at
    // 1,000 issues they are 200 MB of the checks' memory.
    input.printed = undefined;
    // This process's peak so far: the ingest's, or the index's when larger (the checks' comes after).
    console.log(`build: exact search index beside it: ${result.notices} notice(s), ${result.units} unit(s), ${result.bytes} bytes${result.parts > 1 ? ` in ${result.parts} parts` : ''}, this process's peak so far ${ownPeak()} MiB ${since(besideStart)}`);
    return result;
  });
  // The index in place in dist/ once it and Astro are done.
  const ready = Promise.all([index, timedAstro, cleared]).then(([result]) => {
    setPriority(0);
    renameSync(staging, bundle);
    return { result: { ...result, outputPath: bundle }, excerpted };
  });
  // Awaited by the checks; settled here too, so a failure of Astro's is not also unhandled.
  ready.catch(() => {});
  await timedAstro;

  // The checks start once Astro is done: those that need only the pages run while the index (when
  // it is the longer path, as at 100 issues) finishes; the excerpts and the link check wait for it.
  start = performance.now();
  for (const line of await postbuild(outDir, { searchIndex: { texts, ready } })) console.log(line);
  // This process ran the ingest, the search index (beside Pagefind's own process) and the checks.
  console.log(`build: postbuild; this process's peak ${ownPeak()} MiB ${since(start)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  rmSync(staging, { recursive: true, force: true });
  await cleared.catch(() => {});
  process.exitCode = 1;
}
