// `npm run bench [-- N …] [--runs=R] [--with-1000] [--with-bare]`: the whole build at N synthetic
// issues (default 1, 20, 100 and 300; --with-1000 adds 1,000, built in shards — see
// scripts/shards.ts — which takes the better part of an hour, without the bare stack unless
// --with-bare), step by step, against the bare stack on the same text (plain Astro + MDX
// paragraphs + Pagefind), plus a rebuild after changing one seed; peak memory; dist/ by folder
// against the bare stack's; and what a county needs to host the site per 100 issues. Each size is
// built R times (default 3), ours and the bare stack in turn, every build from empty caches, and
// the table shows the median of each: on a shared 2-core machine one build took 59 s and the next
// 76 s with nothing changed, so one pair of builds says little about their ratio. Prints the
// tables and writes bench/results.md. A benchmark, not a test: it asserts nothing, it measures.
// Peak memory needs GNU time (/usr/bin/time; Debian: `apt-get install time`); without it the
// column says so.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { matchPersonnel } from '../scripts/ingest/recover-personnel.ts';
import { matchTable } from '../scripts/ingest/recover-tables.ts';
import { ingest } from '../scripts/ingest/run.ts';
import { writeBareContent } from './bare-content.ts';
import { bareFolder, distSizes, totalSize, type FolderSize } from './dist-size.ts';
import { generateCorpus } from './synth.ts';

const root = resolve(import.meta.dirname, '..');
const node = process.execPath;
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const args = process.argv.slice(2);
const asked = args.filter((a) => /^\d+$/.test(a)).map(Number).filter((n) => n > 0);
/** Builds of each side per size (--runs=R): the table shows the median. */
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`bench: --runs= takes a whole number of builds, 1 or more (got ${args.find((a) => a.startsWith('--runs='))})`);
const sizes = asked.length > 0 ? asked : [1, 20, 100, 300, ...(args.includes('--with-1000') ? [1000] : [])];
if (!TIME) console.warn('bench: /usr/bin/time (GNU time) is missing, so peak memory is not measured (Debian: apt-get install time)');
const work = resolve(process.env.BENCH_DIR ?? '/tmp/weixian-bench');

interface Step {
  seconds: number;
  /** Peak resident memory in MiB (GNU time), when available. */
  peakMiB?: number;
  output: string;
}

/** Run one step as its own process, timed, with its peak memory. */
function run(args: string[], env: NodeJS.ProcessEnv): Step {
  const start = performance.now();
  const cmd = TIME ? [TIME, ['-f', 'BENCH %M', node, ...args]] as const : [node, args] as const;
  const r = spawnSync(cmd[0], cmd[1], { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  const peak = /BENCH (\d+)\s*$/.exec(r.stderr)?.[1];
  return { seconds, peakMiB: peak ? Number(peak) / 1024 : undefined, output: r.stdout };
}

/** Our pipeline, exactly as `npm run build` (scripts/build.ts), into dir/{content,dist}. */
function ours(dir: string, fresh = true): Ours {
  // A full build: no content/, output or cache of an earlier run (a rebuild keeps them: fresh false).
  if (fresh) for (const d of ['content', 'dist', 'cache', 'ingest-cache']) rmSync(join(dir, d), { recursive: true, force: true });
  const env = { SEEDS_DIR: join(dir, 'seeds'), CONTENT_DIR: join(dir, 'content'), OUT_DIR: join(dir, 'dist'), ASTRO_CACHE_DIR: join(dir, 'cache'), INGEST_CACHE_DIR: join(dir, 'ingest-cache'), NO_LOSS_ROOT: dir };
  const build = run(['scripts/build.ts', '--silent'], env);
  // scripts/build.ts prints each step's time as `[N ms]`.
  const step = (label: string) => {
    const ms = new RegExp(`^build: ${label}.*\\[(\\d+) ms\\]$`, 'm').exec(build.output)?.[1];
    if (ms === undefined) throw new Error(`no time for “${label}” in:\n${build.output}`);
    return Number(ms) / 1000;
  };
  const notices = Number(/^ingest: (\d+) notices/m.exec(build.output)?.[1] ?? NaN);
  return { build, notices, ingest: step('ingest'), astro: step('astro build'), index: step('exact search index'), postbuild: step('postbuild') };
}

interface Ours {
  build: Step;
  /** Notices the ingest wrote (its first line). */
  notices: number;
  ingest: number;
  /** Astro build, and the search index built beside it (in parallel). */
  astro: number;
  index: number;
  postbuild: number;
}

function bare(dir: string): Record<string, Step> {
  const out = join(dir, 'bare-dist');
  rmSync(out, { recursive: true, force: true });
  rmSync(join(dir, 'bare-cache'), { recursive: true, force: true });
  const env = { BARE_CONTENT: join(dir, 'bare-content'), OUT_DIR: out, ASTRO_CACHE_DIR: join(dir, 'bare-cache') };
  return {
    astro: run([astro, 'build', '--silent', '--root', 'bench/bare'], env),
    pagefind: run(['bench/bare-pagefind.ts', out], env),
  };
}

/** postbuild prints `[123 ms]` per check: where its time goes. */
function postbuildSteps(output: string): string {
  return [...output.matchAll(/^postbuild: (\S+(?: \S+)?).*\[(\d+) ms\]$/gm)].map((m) => `${m[1]} ${(Number(m[2]) / 1000).toFixed(1)} s`).join(', ');
}

const total = (steps: Record<string, Step>) => Object.values(steps).reduce((s, x) => s + x.seconds, 0);
const peak = (steps: Record<string, Step>) => Math.max(...Object.values(steps).map((x) => x.peakMiB ?? 0));
const f1 = (x: number) => x.toFixed(1);

// The load when the run starts: other work on the same cores slows every step, so a reader of the
// table should know whether the machine was quiet.
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at the start`;
const MiB = 2 ** 20;
const mib = (bytes: number) => f1(bytes / MiB);
const memory = (x: number) => (TIME ? f1(x) : '–');
/** Our rows in the order a reader looks for them: the gazette's pages, then what serves them. */
const FOLDERS = ['notices', 'seeds', 'search', 'people', 'organizations', 'groups', 'references', 'api', 'browse', 'issues', '(root files)'];
const ourFolder = (entry: string, isDir: boolean) => (isDir && entry !== '_astro' ? entry : '(root files)');

interface Measured {
  n: number;
  notices: number;
  seconds: number;
  ours: Map<string, FolderSize>;
  bare: Map<string, FolderSize>;
}

/** dist/ by folder, ours against the bare stack's: bytes and files, and the totals on disk. */
function folderTable(m: Measured): string[] {
  const rows = [...new Set([...FOLDERS.filter((f) => m.ours.has(f) || m.bare.has(f)), ...m.ours.keys(), ...m.bare.keys()])];
  const none: FolderSize = { bytes: 0, disk: 0, files: 0 };
  const cell = (s: FolderSize | undefined) => (s ? `${mib(s.bytes)} | ${s.files.toLocaleString('en')}` : '– | –');
  const [o, b] = [totalSize(m.ours), totalSize(m.bare)];
  return [
    `**${m.n} issue${m.n === 1 ? '' : 's'}** (${m.notices.toLocaleString('en')} notices): dist/ ${mib(o.bytes)} MiB in ${o.files.toLocaleString('en')} files, ${mib(o.disk)} MiB on disk (4 KiB blocks)${b.files > 0 ? `; bare ${mib(b.bytes)} MiB in ${b.files.toLocaleString('en')} files, ${mib(b.disk)} MiB on disk — **${(o.bytes / b.bytes).toFixed(2)}×** the bytes, ${(o.disk / b.disk).toFixed(2)}× on disk` : ' (the bare stack not run at this size)'}.`,
    '',
    '| folder | ours MiB | files | on disk MiB | bare MiB | bare files |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((f) => `| ${f} | ${cell(m.ours.get(f))} | ${mib((m.ours.get(f) ?? none).disk)} | ${cell(m.bare.get(f))} |`),
    `| **total** | **${mib(o.bytes)}** | ${o.files.toLocaleString('en')} | ${mib(o.disk)} | **${mib(b.bytes)}** | ${b.files.toLocaleString('en')} |`,
    '',
  ];
}

/**
 * Above this many issues, the bare stack and the rebuild are not run: one Astro process for all
 * the MDX is what the shards avoid, and the figure asked for at this size is the build itself.
 * `--with-bare` runs them anyway.
 */
const BARE_UP_TO = args.includes('--with-bare') ? Infinity : 300;

/** The peak memory (MiB) scripts/build.ts prints on a step's line: ingest, astro build, its own. */
function stepPeaks(output: string): string {
  const peakOf = (line: RegExp) => line.exec(output)?.[1];
  const [ingest, astro, own] = [peakOf(/^build: ingest, peak (\d+) MiB/m), peakOf(/^build: astro build: .*peak (\d+) MiB/m), peakOf(/^build: postbuild; this process's peak (\d+) MiB/m)];
  return `peak memory by step: ingest ${ingest} MiB, astro build ${astro} MiB${/^build: shard /m.test(output) ? ' (the largest shard)' : ''}, the build process (ingest, search index, checks) ${own} MiB`;
}

/** `build: shard i/k (…) [N ms]` lines: each shard's time, for the notes. */
function shardSteps(output: string): string {
  return [...output.matchAll(/^build: shard (\d+\/\d+) \(([^)]*)\), peak (\d+) MiB \[(\d+) ms\]$/gm)].map((m) => `${m[1]} ${m[2]} ${(Number(m[4]) / 1000).toFixed(1)} s ${m[3]} MiB`).join(', ');
}

const rows: string[] = [];
const notes: string[] = [];
const measured: Measured[] = [];
/** The median run by its total time (of an even number, the faster of the two middle ones). */
function median<T>(runs: T[], seconds: (run: T) => number): T {
  return [...runs].sort((a, b) => seconds(a) - seconds(b))[Math.floor((runs.length - 1) / 2)]!;
}

for (const n of sizes) {
  const dir = join(work, `n${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  generateCorpus(n, join(dir, 'seeds'));
  const withBare = n <= BARE_UP_TO;
  // The bare stack's content is written once, untimed: it is the input its build starts from.
  if (withBare) writeBareContent(ingest(join(dir, 'seeds'), [matchPersonnel, matchTable]).notices, join(dir, 'bare-content'));
  // Ours and the bare stack in turn, so a slow minute of the machine falls on both sides alike.
  const oursRuns: Ours[] = [];
  const bareRuns: Record<string, Step>[] = [];
  for (let k = 0; k < (withBare ? RUNS : 1); k++) {
    oursRuns.push(ours(dir));
    if (withBare) bareRuns.push(bare(dir));
  }
  const o = median(oursRuns, (x) => x.build.seconds);
  const b = withBare ? median(bareRuns, total) : undefined;
  const oursSize = distSizes(join(dir, 'dist'), ourFolder);
  const bareSize = withBare ? distSizes(join(dir, 'bare-dist'), bareFolder) : new Map<string, FolderSize>();
  const notices = o.notices;
  // Rebuild after changing one seed: the last issue gets one more character in its last line.
  let r: Ours | undefined;
  if (withBare) {
    const seeds = readdirSync(join(dir, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
    appendFileSync(join(dir, 'seeds', seeds[seeds.length - 1]!), '\n改\n');
    r = ours(dir, false);
  }
  const oursTotal = o.build.seconds;
  const bareTotal = b ? total(b) : NaN;
  // Memory: the largest peak of any run, each side.
  const oursPeak = Math.max(...oursRuns.map((x) => x.build.peakMiB ?? 0));
  const barePeak = Math.max(...bareRuns.map(peak));
  const [os, bs] = [totalSize(oursSize), totalSize(bareSize)];
  const dash = (x: number, f: (x: number) => string) => (Number.isNaN(x) ? '–' : f(x));
  measured.push({ n, notices, seconds: oursTotal, ours: oursSize, bare: bareSize });
  rows.push(
    `| ${n} | ${notices} | ${f1(o.ingest)} | ${f1(o.astro)} | ${f1(o.index)} | ${f1(o.postbuild)} | ${f1(oursTotal)} | ${memory(oursPeak)} | ${mib(os.bytes)} | ${b ? f1(b.astro.seconds) : '–'} | ${b ? f1(b.pagefind.seconds) : '–'} | ${dash(bareTotal, f1)} | ${b ? memory(barePeak) : '–'} | ${b ? mib(bs.bytes) : '–'} | **${dash(bareTotal, (t) => `${(oursTotal / t).toFixed(2)}×`)}** | **${b ? `${(os.bytes / bs.bytes).toFixed(2)}×` : '–'}** | ${r ? `${f1(r.build.seconds)} (${((100 * r.build.seconds) / oursTotal).toFixed(0)} %)` : '–'} |`,
  );
  const shards = shardSteps(o.build.output);
  // Every pair of builds, in the order they ran: how far one run is from the next.
  const pairs = bareRuns.length > 1 ? `; the ${bareRuns.length} runs, ours / bare: ${oursRuns.map((x, k) => `${f1(x.build.seconds)} / ${f1(total(bareRuns[k]!))} s (${(x.build.seconds / total(bareRuns[k]!)).toFixed(2)}×)`).join(', ')}` : '';
  notes.push(`- N = ${n}: ${stepPeaks(o.build.output)}; ${shards ? `astro build in shards: ${shards}; ` : ''}checks ${postbuildSteps(o.build.output)}${r ? `; rebuild: ingest ${f1(r.ingest)} s, astro build ${f1(r.astro)} s (search index beside it ${f1(r.index)} s), checks ${f1(r.postbuild)} s` : `; bare stack and rebuild not run at this size (--with-bare runs them)`}${pairs}`);
  console.log(rows[rows.length - 1]);
}

// Hosting per 100 issues: what each further 100 issues add, between the two largest runs (the
// fixed part — assets, the people's pages, the indexes — is not counted again), beside the size of
// the largest run. A single run of fewer than 20 issues says nothing about growth.
const bySize = [...measured].sort((a, b) => a.n - b.n);
const [prev, largest] = [bySize.at(-2), bySize.at(-1)!];
const grow = (f: (m: Measured) => number) => (prev ? ((f(largest) - f(prev)) * 100) / (largest.n - prev.n) : (f(largest) * 100) / largest.n);
const big = totalSize(largest.ours);
const hosting =
  prev || largest.n >= 20
    ? `What a county needs to host the site: ${largest.n} issues take ${mib(big.bytes)} MiB in ${big.files.toLocaleString('en')} files (${mib(big.disk)} MiB on a disk of 4 KiB blocks) and ${f1(largest.seconds)} s to build; each further 100 issues add about **${mib(grow((m) => totalSize(m.ours).bytes))} MiB** (${mib(grow((m) => totalSize(m.ours).disk))} MiB on disk, ${Math.round(grow((m) => totalSize(m.ours).files)).toLocaleString('en')} files) and **${f1(grow((m) => m.seconds))} s** of full build on this machine${prev ? ` (from the ${prev.n}- and ${largest.n}-issue runs)` : ''}. Any static host serves it; nothing runs on the server.`
    : 'What hosting takes per 100 issues needs a run of 20 issues or more.';

const table = [
  `Machine: ${machine}. Times in seconds (wall clock), of the median of ${RUNS} build${RUNS === 1 ? '' : 's'} of each side (ours and the bare stack in turn, each from empty caches; every run is listed below the table). Ours is \`npm run build\` (scripts/build.ts): ingest, then astro build with the search index built beside it on the second core (so "astro build" and "search index" overlap; the total is the wall clock of the whole command), then the checks. The bare stack runs astro build, then Pagefind. Memory = peak RSS of the largest process (GNU time), the largest of the runs; sizes are the bytes of the output folder's files.`,
  '',
  '| issues | notices | ingest | astro build | search index (beside astro) | checks | **total** | peak MiB | dist MiB | bare: astro | bare: pagefind | **bare total** | bare peak MiB | bare dist MiB | time ours / bare | size ours / bare | rebuild after 1 changed seed |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
  hosting,
  '',
  "Peak memory by step and where the checks' time goes (the median run), the rebuild's steps (with the ingest cache and Astro's cache warm), and every run's total:",
  ...notes,
  '',
  '## dist/ by folder',
  '',
  'Bytes of the files in each top-level folder of dist/, ours against the bare stack (whose notice pages are counted as `notices` and its Pagefind bundle as `search`); "on disk" rounds every file up to 4 KiB blocks.',
  '',
  ...measured.flatMap(folderTable),
].join('\n');
console.log(`\n${table}`);
writeFileSync(join(root, 'bench/results.md'), `# Build benchmark\n\nGenerated by \`npm run bench\`; do not edit by hand.\n\n${table}`);
