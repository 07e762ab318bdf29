// Real builds for tests: ingest + astro build + postbuild into temporary folders, with their
// own content layer cache, exactly as `npm run build` does it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { nodeBin, root } from '../helpers.ts';
import { pageSourceText, pageFile } from '../../scripts/check/source-text.ts';
import { matchPersonnel } from '../../scripts/ingest/recover-personnel.ts';
import { matchTable } from '../../scripts/ingest/recover-tables.ts';
import { ingest } from '../../scripts/ingest/run.ts';
import { tidyText } from '../../scripts/search/excerpts.ts';
import { pageText } from '../../scripts/search/from-ingest.ts';
import { noticeUrl } from '../../lib/urls.ts';

export const dist = resolve(root, 'dist');

/** Build a site from a folder of seeds; returns the project-like root and its dist/. */
export function buildSite(seedsDir: string, contentDir?: string): { work: string; out: string } {
  const work = mkdtempSync(join(tmpdir(), 'site-'));
  mkdirSync(join(work, 'seeds'));
  cpSync(seedsDir, join(work, 'seeds'), { recursive: true });
  const content = contentDir ?? join(work, 'content');
  const out = join(work, 'dist');
  const env = buildEnv({ SEEDS_DIR: join(work, 'seeds'), CONTENT_DIR: content, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, 'cache'), INGEST_CACHE_DIR: join(work, 'ingest-cache') });
  if (!contentDir) execFileSync(nodeBin, [join(root, 'scripts/ingest.ts')], { env, cwd: root });
  astroBuild(env);
  execFileSync(nodeBin, [join(root, 'scripts/postbuild.ts'), out], { env: { ...env, NO_LOSS_ROOT: work }, cwd: root });
  return { work, out };
}

/**
 * vitest puts Vite's variables (BASE_URL, MODE, …) into process.env; a child `astro build`
 * would take BASE_URL over SITE_BASE. Builds get the environment without them.
 */
export function viteless(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BASE_URL, MODE, DEV, PROD, SSR, ...rest } = env;
  return rest;
}

/** Environment for a child build: without Vite's variables, telemetry off, plus `extra`. */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...viteless(process.env), ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');

/** `astro build` in a child process; throws when it fails. */
export function astroBuild(env: NodeJS.ProcessEnv): void {
  execFileSync(nodeBin, [astroBin, 'build', '--silent'], { env, cwd: root, stdio: 'pipe' });
}

/** An `astro build` that must fail: what it printed (not silenced, so its error is there). */
export function failedAstroBuild(env: NodeJS.ProcessEnv): string {
  try {
    execFileSync(nodeBin, [astroBin, 'build'], { env, cwd: root, stdio: 'pipe' });
  } catch (error) {
    const e = error as { stdout: Buffer; stderr: Buffer };
    return `${e.stdout}${e.stderr}`;
  }
  throw new Error('expected the build to fail, but it succeeded');
}

/** sha256 of every file under dir, by relative path. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/**
 * The notices of `seedsDir` whose built page (in `out`, at base `/`) does not show the text the
 * search index cuts their excerpts from when it is built beside Astro (scripts/search/from-ingest.ts
 * `pageText`), as the excerpts read it (tidyText): none, while the prediction holds. (A page that
 * shows other text has its excerpts cut again from its own, by postbuild: correct, only slower.)
 */
export function unpredictedPages(seedsDir: string, out: string): string[] {
  const { notices, problems } = ingest(seedsDir, [matchPersonnel, matchTable]);
  if (problems.length > 0) throw new Error(`unpredictedPages: the seeds have problems: ${problems.map((p) => p.message).join('; ')}`);
  return notices.flatMap((n) => {
    const page = pageSourceText(readFileSync(pageFile(out, noticeUrl(n.notice.id, '/'), '/'), 'utf8'));
    return tidyText(page) === tidyText(pageText(n)) ? [] : [n.notice.id];
  });
}
