// What `npm run build` prints: a line per step with its counts and time, and only warnings a
// person must act on — about 20 lines for the seed, not Astro's line per page (578 lines before)
// or Rolldown's warning per MDX file. An unset SITE_URL is one warning line. The build benchmark
// (bench/build.ts) reads the `[N ms]` of these lines, so their shape is checked too.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SITE_URL, siteUrlWarning } from '../../lib/site-url.ts';
import { nodeBin, root } from '../helpers.ts';
import { buildEnv } from './build.ts';

describe('SITE_URL', () => {
  test('unset (and SITE_BASE not a full URL): one warning saying what to set', () => {
    for (const env of [{}, { SITE_BASE: '/gazette/' }, { SITE_URL: '  ' }]) {
      expect(siteUrlWarning(env), JSON.stringify(env)).toMatch(new RegExp(`^build: warning: SITE_URL is not set, so the feed and the sitemap link to ${DEFAULT_SITE_URL.replace(/\./g, '\\.')} — set SITE_URL=https://`));
    }
  });
  test('set, or given by a full-URL SITE_BASE: no warning', () => {
    expect(siteUrlWarning({ SITE_URL: 'https://gazette.example.org' })).toBeUndefined();
    expect(siteUrlWarning({ SITE_BASE: 'https://example.org/gazette/' })).toBeUndefined();
  });
});

describe('npm run build', () => {
  test('prints its steps with counts and times, the ingest’s review notes and one SITE_URL warning — about 20 lines; leaves no file of an earlier build', () => {
    const work = mkdtempSync(join(tmpdir(), 'build-output-'));
    mkdirSync(join(work, 'seeds'));
    cpSync(join(root, 'seeds'), join(work, 'seeds'), { recursive: true });
    // An earlier build's page that no longer exists, and a folder an interrupted build left aside.
    mkdirSync(join(work, 'dist/notices/2021/gone'), { recursive: true });
    writeFileSync(join(work, 'dist/notices/2021/gone/index.html'), '<!doctype html><title>stale</title>');
    mkdirSync(join(work, 'dist.old-1/x'), { recursive: true });
    const env = buildEnv({ SEEDS_DIR: join(work, 'seeds'), CONTENT_DIR: join(work, 'content'), OUT_DIR: join(work, 'dist'), ASTRO_CACHE_DIR: join(work, 'cache'), INGEST_CACHE_DIR: join(work, 'ingest-cache'), NO_LOSS_ROOT: work });
    delete env.SITE_URL;
    delete env.SITE_BASE;
    // Both streams, in one (2>&1), as a person sees them; colours off.
    const out = execFileSync('/bin/sh', ['-c', `"${nodeBin}" scripts/build.ts 2>&1`], { env: { ...env, NO_COLOR: '1' }, cwd: root, encoding: 'utf8' });
    const lines = out.trimEnd().split('\n');
    expect(lines.length, out).toBeLessThanOrEqual(22);
    // No per-page or per-file log of Astro, Vite or Rolldown.
    expect(out).not.toMatch(/MODULE_LEVEL_DIRECTIVE|head-inject|\[build\]|\[vite\]|index\.html/);
    expect(lines.filter((l) => /SITE_URL/.test(l))).toHaveLength(1);
    // Every line is a step's, the ingest's, or a warning.
    for (const line of lines) expect(line, out).toMatch(/^(ingest|build|postbuild): /);
    // The steps, with their counts, each timed as bench/build.ts reads it.
    for (const step of [/^build: ingest, peak \d+ MiB \[\d+ ms\]$/m, /^build: astro build: \d+ page\(s\), peak \d+ MiB \[\d+ ms\]$/m, /^build: exact search index beside it: 14 notice\(s\).*\[\d+ ms\]$/m, /^build: postbuild; this process's peak \d+ MiB \[\d+ ms\]$/m, /^postbuild: link check passed: .* on \d+ page\(s\).*\[\d+ ms\]$/m]) {
      expect(out).toMatch(step);
    }
    expect(out).toMatch(/^ingest: 14 notices, /m);
    // The index cut every notice's search excerpts from the text its page shows: none is cut again.
    expect(out).toMatch(/^postbuild: search excerpts: 14 notice\(s\) as the index cut them \(their page shows that text\), 0 cut from their page's own text on their own thread \[\d+ ms\]$/m);
    expect(existsSync(join(work, 'dist/notices/2021/gone'))).toBe(false);
    expect(existsSync(join(work, 'dist/index.html'))).toBe(true);
    expect(readdirSync(work).filter((name) => name.startsWith('dist.') || name.startsWith('.dist'))).toEqual([]);
  }, 180_000);
});
