// A gazette built in shards (lib/shard.ts, scripts/shards.ts) is the same site as one built
// whole: here three synthetic issues of three years (2022, 2023, 2024: 14 notices each), built once
// with one Astro build and once in three shards, give byte-identical dist/ trees — every page, the
// sitemap, the feed, open data, the search bundle — and the joined site passes the same postbuild
// checks (no-loss, links, search text, and every page showing the text its search excerpts were
// cut from). A notice of 2024 cites one of 2023, so the middle shard —
// notice pages only, reading each record's facts about its own year (lib/shard-records.ts) — must
// still list the later notice citing its own. The shard plan and the join's refusals are checked
// without Astro below.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatShard, hasYear, noticeGlob, parseShard, WHOLE_SITE } from '../../lib/shard.ts';
import { joinShards, maxShardNotices, planShards } from '../../scripts/shards.ts';
import { generateCorpus } from '../../bench/synth.ts';
import { nodeBin, root } from '../helpers.ts';
import { buildEnv } from './build.ts';

const ids = (year: number, n: number) => Array.from({ length: n }, (_, k) => ({ id: `${year}-weizheng-${k + 1}` }));

describe('BUILD_SHARD', () => {
  test('unset is the whole site; site and a range of years read and write back', () => {
    expect(parseShard(undefined)).toEqual(WHOLE_SITE);
    expect(parseShard('')).toEqual(WHOLE_SITE);
    expect(parseShard('site,years=2022-2030')).toEqual({ site: true, years: [2022, 2030] });
    expect(parseShard('years=2031-2031')).toEqual({ site: false, years: [2031, 2031] });
    expect(formatShard({ site: true, years: [2022, 2030] })).toBe('site,years=2022-2030');
    expect(formatShard({ site: false, years: [2031, 2040] })).toBe('years=2031-2040');
  });
  test('a malformed value stops the build, saying what is expected', () => {
    expect(() => parseShard('years=2030-2022')).toThrow('BUILD_SHARD="years=2030-2022": expected “site”, “years=YYYY-YYYY” or both, comma-separated (scripts/shards.ts sets it)');
    expect(() => parseShard('site')).toThrow('BUILD_SHARD="site": a shard renders a range of years (years=YYYY-YYYY)');
    expect(() => parseShard('site;years=2022-2023')).toThrow(/expected “site”/);
  });
  test('the MDX a shard compiles: the folders of its years only', () => {
    expect(noticeGlob(WHOLE_SITE)).toBe('**/*.mdx');
    expect(noticeGlob({ site: false, years: [2031, 2031] })).toBe('2031/**/*.mdx');
    expect(noticeGlob({ site: true, years: [2022, 2024] })).toBe('{2022,2023,2024}/**/*.mdx');
    expect(hasYear({ site: false, years: [2022, 2024] }, 2025)).toBe(false);
    expect(hasYear(WHOLE_SITE, 1999)).toBe(true);
  });
  test('SHARD_NOTICES: a whole number, or the default', () => {
    expect(maxShardNotices(undefined)).toBe(2500);
    expect(maxShardNotices('84')).toBe(84);
    expect(() => maxShardNotices('0')).toThrow('SHARD_NOTICES="0": expected a whole number of notices (≥ 1) one Astro build renders');
    expect(() => maxShardNotices('lots')).toThrow(/SHARD_NOTICES/);
  });
});

describe('planShards', () => {
  test('everything fits in one build: the whole site, as without shards', () => {
    expect(planShards([...ids(2022, 50), ...ids(2023, 50)], 100)).toEqual([WHOLE_SITE]);
  });
  test('consecutive years fill a shard up to the limit; the first also renders the site', () => {
    const notices = [...ids(2024, 30), ...ids(2022, 40), ...ids(2023, 50), ...ids(2025, 20)];
    expect(planShards(notices, 100)).toEqual([
      { site: true, years: [2022, 2023] },
      { site: false, years: [2024, 2025] },
    ]);
  });
  test('as few shards as the limit allows, as even as whole years make them', () => {
    // 4,200 notices of 84 a year (the bench's 300 issues) under 2,500: two shards of 25 years
    // (2,100 each), not 29 years (2,436) and 21 (1,764).
    const notices = Array.from({ length: 50 }, (_, k) => ids(2022 + k, 84)).flat();
    expect(planShards(notices, 2500)).toEqual([
      { site: true, years: [2022, 2046] },
      { site: false, years: [2047, 2071] },
    ]);
    // 30, 30, 30, 30, 30 under 100: two shards (90 + 60 or 60 + 90), the first not smaller.
    expect(planShards([2022, 2023, 2024, 2025, 2026].flatMap((y) => ids(y, 30)), 100)).toEqual([
      { site: true, years: [2022, 2024] },
      { site: false, years: [2025, 2026] },
    ]);
  });
  test('a year with more notices than the limit is a shard of its own, not split', () => {
    expect(planShards([...ids(2022, 10), ...ids(2023, 250), ...ids(2024, 10)], 100)).toEqual([
      { site: true, years: [2022, 2022] },
      { site: false, years: [2023, 2023] },
      { site: false, years: [2024, 2024] },
    ]);
  });
});

/** A shard's output folder with these files (relative path → text). */
function shardDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shard-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('joinShards', () => {
  const site = { site: true, years: [2022, 2022] as const };
  const later = { site: false, years: [2023, 2023] as const };
  const siteFiles = { 'index.html': 'home', 'notices/2022/a/index.html': 'a', '_astro/x.css': 'css', 'sitemap-0.xml': 'all' };

  test('takes the site shard whole, and the other shards’ notice pages and assets', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'joined-')), 'dist');
    const report = joinShards(
      [
        { shard: site, dir: shardDir(siteFiles) },
        { shard: later, dir: shardDir({ 'index.html': 'home (not kept)', 'notices/2023/b/index.html': 'b', '_astro/x.css': 'css', '_astro/y.css': 'y', 'sitemap-0.xml': 'part' }) },
      ],
      out,
    );
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ moved: 2, shared: 3 });
    expect(readFileSync(join(out, 'notices/2023/b/index.html'), 'utf8')).toBe('b');
    expect(readFileSync(join(out, '_astro/y.css'), 'utf8')).toBe('y');
    // The site shard's own pages are the ones kept.
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('home');
    expect(readFileSync(join(out, 'sitemap-0.xml'), 'utf8')).toBe('all');
  });

  test('refuses what would lose or mix pages: a page only a notice shard wrote, another year’s page, an asset with other bytes', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'joined-')), 'dist');
    const report = joinShards(
      [
        { shard: site, dir: shardDir(siteFiles) },
        { shard: later, dir: shardDir({ 'people/p/index.html': 'p', 'notices/2022/c/index.html': 'c', '_astro/x.css': 'other' }) },
      ],
      out,
    );
    expect(report.problems.sort()).toEqual([
      'shard 2023–2023 wrote _astro/x.css with other bytes than the site shard',
      "shard 2023–2023 wrote notices/2022/c/index.html, a page of another shard's year",
      'shard 2023–2023 wrote people/p/index.html, which the site shard did not: it would be lost',
    ].sort());
  });
});

/** Every file under `dir` → its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return new Map(files.map((d) => [join(d.parentPath, d.name).slice(dir.length + 1), readFileSync(join(d.parentPath, d.name))]));
}

describe('a build in shards', () => {
  test('is byte for byte the site built whole, and passes the same checks', () => {
    const work = mkdtempSync(join(tmpdir(), 'shards-'));
    const seeds = join(work, 'seeds');
    // Issues 1, 7 and 13 of a synthetic corpus: the first issue of 2022, 2023 and 2024.
    for (const file of generateCorpus(13, seeds)) if (!/-(?:2022|2023|2024)-01\.txt$/.test(file)) rmSync(file);
    // In 2024's issue, a plan cites the county's own 威政办字〔2024〕34号 (not in the gazette):
    // made to cite 2023's 威政办字〔2023〕33号, a notice of the middle shard.
    const later = join(seeds, 'weixian-gazette-2024-01.txt');
    const text = readFileSync(later, 'utf8');
    expect(text).toContain('（威政办字〔2024〕34 号）');
    writeFileSync(later, text.replace('（威政办字〔2024〕34 号）', '（威政办字〔2023〕33 号）'));
    const build = (out: string, extra: Record<string, string>) => {
      const env = buildEnv({ SEEDS_DIR: seeds, CONTENT_DIR: join(work, 'content'), OUT_DIR: join(work, out), ASTRO_CACHE_DIR: join(work, `cache-${out}`), INGEST_CACHE_DIR: join(work, 'ingest-cache'), NO_LOSS_ROOT: work, ...extra });
      return execFileSync('/bin/sh', ['-c', `"${nodeBin}" scripts/build.ts 2>&1`], { env: { ...env, NO_COLOR: '1' }, cwd: root, encoding: 'utf8' });
    };
    const whole = build('whole', {});
    expect(whole).not.toMatch(/^build: shard/m);
    // 14 notices a shard at most: one year each.
    const sharded = build('sharded', { SHARD_NOTICES: '14' });
    expect(sharded).toMatch(/^build: shard 1\/3 \(site,years=2022-2022\), peak \d+ MiB \[\d+ ms\]$/m);
    expect(sharded).toMatch(/^build: shard 2\/3 \(years=2023-2023\), peak \d+ MiB \[\d+ ms\]$/m);
    expect(sharded).toMatch(/^build: shard 3\/3 \(years=2024-2024\), peak \d+ MiB \[\d+ ms\]$/m);
    expect(sharded).toMatch(/^build: shards joined: \d+ file\(s\) from the other shards, .*all to pages of the joined site \[\d+ ms\]$/m);
    expect(sharded).toMatch(/^postbuild: no-loss check passed for 42 notice page\(s\)/m);
    // The index cut every notice's excerpts from the text its page was to show, and every page of
    // every shard shows it: none is cut again.
    for (const out of [sharded, whole]) expect(out).toMatch(/^postbuild: search excerpts: 42 notice\(s\) as the index cut them \(their page shows that text\), 0 cut from their page's own text on their own thread \[\d+ ms\]$/m);
    expect(sharded).toMatch(/^postbuild: link check passed: /m);
    const [a, b] = [tree(join(work, 'whole')), tree(join(work, 'sharded'))];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differ = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([path]) => path);
    expect(differ).toEqual([]);
    // The cited notice's page, rendered by the middle shard, lists the citing one of 2024.
    const cited = b.get('notices/2023/weizhengban-33/index.html')!.toString();
    expect(cited).toContain('被引用（1）');
    expect(cited).toContain('/notices/2024/weizhengban-44/');
  }, 600_000);
});
