// `npm run bench [-- N …]`: the whole build at N synthetic issues (default 1, 20, 100), step by
// step, against the bare stack on the same text (plain Astro + MDX paragraphs + Pagefind), plus
// a rebuild after changing one seed. Prints a table and writes bench/results.md. A benchmark,
// not a test: it asserts nothing, it measures.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { matchPersonnel } from '../scripts/ingest/recover-personnel.ts';
import { matchTable } from '../scripts/ingest/recover-tables.ts';
import { ingest } from '../scripts/ingest/run.ts';
import { writeBareContent } from './bare-content.ts';
import { generateCorpus } from './synth.ts';

const root = resolve(import.meta.dirname, '..');
const node = process.execPath;
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
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

function duBytes(dir: string): number {
  let total = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (s.isFile()) total += s.size;
  }
  return total;
}

/** Our pipeline, exactly as `npm run build` (scripts/build.ts), into dir/{content,dist}. */
function ours(dir: string): Ours {
  const env = { SEEDS_DIR: join(dir, 'seeds'), CONTENT_DIR: join(dir, 'content'), OUT_DIR: join(dir, 'dist'), ASTRO_CACHE_DIR: join(dir, 'cache'), INGEST_CACHE_DIR: join(dir, 'ingest-cache'), NO_LOSS_ROOT: dir };
  const build = run(['scripts/build.ts', '--silent'], env);
  // scripts/build.ts prints each step's time as `[N ms]`.
  const step = (label: string) => {
    const ms = new RegExp(`^build: ${label}.*\\[(\\d+) ms\\]$`, 'm').exec(build.output)?.[1];
    if (ms === undefined) throw new Error(`no time for “${label}” in:\n${build.output}`);
    return Number(ms) / 1000;
  };
  return { build, ingest: step('ingest'), astro: step('astro build'), index: step('exact search index'), postbuild: step('postbuild') };
}

interface Ours {
  build: Step;
  ingest: number;
  /** Astro build, and the search index built beside it (in parallel). */
  astro: number;
  index: number;
  postbuild: number;
}

function bare(dir: string): Record<string, Step> {
  const out = join(dir, 'bare-dist');
  rmSync(out, { recursive: true, force: true });
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

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const rows: string[] = [];
const notes: string[] = [];
for (const n of sizes.length > 0 ? sizes : [1, 20, 100]) {
  const dir = join(work, `n${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  generateCorpus(n, join(dir, 'seeds'));
  const o = ours(dir);
  const { notices } = ingest(join(dir, 'seeds'), [matchPersonnel, matchTable]);
  writeBareContent(notices, join(dir, 'bare-content'));
  const b = bare(dir);
  // Rebuild after changing one seed: the last issue gets one more character in its last line.
  const seeds = readdirSync(join(dir, 'seeds')).sort();
  appendFileSync(join(dir, 'seeds', seeds[seeds.length - 1]), '\n改\n');
  const r = ours(dir);
  const oursTotal = o.build.seconds;
  const bareTotal = total(b);
  rows.push(
    `| ${n} | ${notices.length} | ${f1(o.ingest)} | ${f1(o.astro)} | ${f1(o.index)} | ${f1(o.postbuild)} | ${f1(oursTotal)} | ${f1(o.build.peakMiB ?? 0)} | ${f1(duBytes(join(dir, 'dist')) / 2 ** 20)} | ${f1(b.astro.seconds)} | ${f1(b.pagefind.seconds)} | ${f1(bareTotal)} | ${f1(peak(b))} | ${f1(duBytes(join(dir, 'bare-dist')) / 2 ** 20)} | **${(oursTotal / bareTotal).toFixed(2)}×** | ${f1(r.build.seconds)} (${((100 * r.build.seconds) / oursTotal).toFixed(0)} %) |`,
  );
  notes.push(`- N = ${n}: checks ${postbuildSteps(o.build.output)}; rebuild: ingest ${f1(r.ingest)} s, astro build ${f1(r.astro)} s (search index beside it ${f1(r.index)} s), checks ${f1(r.postbuild)} s`);
  console.log(rows[rows.length - 1]);
}

const table = [
  `Machine: ${machine}. Times in seconds (wall clock). Ours is \`npm run build\` (scripts/build.ts): ingest, then astro build with the search index built beside it on the second core (so "astro build" and "search index" overlap; the total is the wall clock of the whole command), then the checks. The bare stack runs astro build, then Pagefind. Memory = peak RSS of the largest process; sizes of the output folder.`,
  '',
  '| issues | notices | ingest | astro build | search index (beside astro) | checks | **total** | peak MiB | dist MiB | bare: astro | bare: pagefind | **bare total** | bare peak MiB | bare dist MiB | ours / bare | rebuild after 1 changed seed |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
  'Where the checks\' time goes, and the rebuild\'s steps (with the ingest cache and Astro\'s incremental build warm):',
  ...notes,
].join('\n');
console.log(`\n${table}`);
writeFileSync(join(root, 'bench/results.md'), `# Build benchmark\n\nGenerated by \`npm run bench\`; do not edit by hand.\n\n${table}\n`);
