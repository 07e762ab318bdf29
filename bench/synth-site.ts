// A built site of N synthetic issues (bench/synth.ts), for benchmarks that need a site at scale
// (the slow-phone search at 100 issues): the seeds are generated into dir/seeds and built exactly
// as `npm run build` builds (scripts/build.ts) into dir/dist, with every cache and output in dir.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateCorpus } from './synth.ts';

const root = resolve(import.meta.dirname, '..');

/** The environment that points scripts/build.ts at dir's seeds, content, caches and dist. */
export function siteEnv(dir: string): Record<string, string> {
  return { SEEDS_DIR: join(dir, 'seeds'), CONTENT_DIR: join(dir, 'content'), OUT_DIR: join(dir, 'dist'), ASTRO_CACHE_DIR: join(dir, 'cache'), INGEST_CACHE_DIR: join(dir, 'ingest-cache'), NO_LOSS_ROOT: dir };
}

/** Generate N issues into dir/seeds (generateCorpus copies the gazette's config) and build them; returns dir/dist. */
export function buildSyntheticSite(n: number, dir: string): string {
  rmSync(join(dir, 'seeds'), { recursive: true, force: true });
  mkdirSync(join(dir, 'seeds'), { recursive: true });
  generateCorpus(n, join(dir, 'seeds'));
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--silent'], { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...siteEnv(dir) }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`building ${n} synthetic issues in ${dir} failed:\n${r.stdout}\n${r.stderr}`);
  return join(dir, 'dist');
}
