// The bench's dist/ sizes by folder: bytes, 4 KiB blocks and files, on a folder laid out here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { bareFolder, distSizes, totalSize } from '../../bench/dist-size.ts';

const dir = mkdtempSync(join(tmpdir(), 'dist-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of `bytes` bytes at `path` under dir. */
function file(path: string, bytes: number): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), Buffer.alloc(bytes, 'x'));
}

describe('distSizes', () => {
  test('counts every file under each top-level folder, rounding each up to whole 4 KiB blocks', () => {
    file('seeds/a.txt', 5000); // 2 blocks
    file('seeds/a/index.html', 100); // 1 block
    file('search/exact/text/0/0.json', 4096); // exactly 1 block
    file('search/exact/text/0/1.json', 0); // no block
    file('index.html', 10);
    file('feed.xml', 4097); // 2 blocks
    const sizes = distSizes(dir);
    expect(Object.fromEntries(sizes)).toEqual({
      seeds: { bytes: 5100, disk: 3 * 4096, files: 2 },
      search: { bytes: 4096, disk: 4096, files: 2 },
      '(root files)': { bytes: 4107, disk: 3 * 4096, files: 2 },
    });
    expect(totalSize(sizes)).toEqual({ bytes: 13303, disk: 7 * 4096, files: 6 });
  });

  test("lays the bare stack's pages and Pagefind bundle out in our rows", () => {
    expect(['2022-weizhengban-25', 'pagefind', '_astro', 'index.html', '2022-notes.txt'].map((e) => bareFolder(e, !e.includes('.')))).toEqual([
      'notices',
      'search',
      '(root files)',
      '(root files)',
      '(root files)',
    ]);
  });
});
