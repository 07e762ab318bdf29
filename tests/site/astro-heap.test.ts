// The Astro build's heap budget (scripts/astro-heap.ts): from the content's size, set or turned off
// by ASTRO_HEAP_MIB, a malformed value refused; and a build whose budget is too small is built
// again without one, saying so, with the same site as a build without a budget.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { astroHeapMiB, HEAP_PER_CONTENT, MIN_HEAP_MIB, ranOutOfHeap } from '../../scripts/astro-heap.ts';
import { nodeBin, root } from '../helpers.ts';
import { buildEnv, dist, hashTree } from './build.ts';

describe('the heap budget', () => {
  test('follows the content, at least 1,024 MiB', () => {
    expect(astroHeapMiB(0, undefined)).toBe(MIN_HEAP_MIB);
    expect(astroHeapMiB(349_020 + 200_000, undefined)).toBe(1024);
    // 100 synthetic issues: 33.0 MB of MDX and 31.3 MB of content/data.
    expect(astroHeapMiB(64_327_957, undefined)).toBe(1024);
    expect(astroHeapMiB(200 * 2 ** 20, undefined)).toBe(200 * HEAP_PER_CONTENT);
    expect(astroHeapMiB(200 * 2 ** 20 + 1, undefined)).toBe(200 * HEAP_PER_CONTENT + 1);
  });

  test('ASTRO_HEAP_MIB sets it, 0 turns it off, anything else is refused', () => {
    expect(astroHeapMiB(64_327_957, '2048')).toBe(2048);
    expect(astroHeapMiB(64_327_957, '0')).toBeUndefined();
    expect(astroHeapMiB(64_327_957, '')).toBe(1024);
    for (const bad of ['1.5', '-1', '1G', 'lots']) {
      expect(() => astroHeapMiB(0, bad)).toThrow(`ASTRO_HEAP_MIB=${JSON.stringify(bad)}: expected a whole number of MiB for the Astro build's heap (0: no limit)`);
    }
  });

  test('a process that ran out of heap is told from one that failed', () => {
    expect(ranOutOfHeap(null, 'SIGABRT')).toBe(true);
    expect(ranOutOfHeap(134, null)).toBe(true);
    expect(ranOutOfHeap(1, null)).toBe(false);
    expect(ranOutOfHeap(null, 'SIGTERM')).toBe(false);
    expect(ranOutOfHeap(0, null)).toBe(false);
  });
});

test('a budget too small: the build says so, builds again without one, and gives the same site', () => {
  const work = mkdtempSync(join(tmpdir(), 'astro-heap-'));
  mkdirSync(join(work, 'seeds'));
  cpSync(join(root, 'seeds'), join(work, 'seeds'), { recursive: true });
  const env = buildEnv({ SEEDS_DIR: join(work, 'seeds'), CONTENT_DIR: join(work, 'content'), OUT_DIR: join(work, 'dist'), ASTRO_CACHE_DIR: join(work, 'cache'), INGEST_CACHE_DIR: join(work, 'ingest-cache'), NO_LOSS_ROOT: work, ASTRO_HEAP_MIB: '16' });
  const out = execFileSync('/bin/sh', ['-c', `"${nodeBin}" scripts/build.ts 2>&1`], { env: { ...env, NO_COLOR: '1' }, cwd: root, encoding: 'utf8' });
  expect(out).toContain('build: warning: astro build ran out of its heap budget of 16 MiB (scripts/astro-heap.ts), so it is built again without one; ASTRO_HEAP_MIB=0 skips the budget, a larger number raises it');
  expect(out).toMatch(/^build: postbuild; this process's peak \d+ MiB \[\d+ ms\]$/m);
  expect(hashTree(join(work, 'dist'))).toEqual(hashTree(dist));
}, 240_000);
