// Search excerpts cut from the built pages' own text (writePageExcerpts, scripts/search/excerpts.ts)
// by postbuild, for the pages (`partial`) whose text is not the one the index cut them from — told
// by the digest of the text as the excerpts read it (pageDigest).
// The bundle here is written by hand: two notices, one text slice each.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { cutFrom, pageDigest, writePageExcerpts } from '../../scripts/search/excerpts.ts';
import { noticeUrl } from '../../lib/urls.ts';
import { encodeInts, sliceFile } from '../../scripts/search/search-api.js';

const [first, second] = [noticeUrl('2022-weizheng-1', '/'), noticeUrl('2022-weizheng-2', '/')];
const pages = new Map([
  [first, '关于印发方案的通知\n各乡、镇人民政府：\n现印发给你们。'],
  [second, '关于成立领导小组的通知\n组长：张三'],
]);

/** core.json naming 2022-weizheng-1 and -2 (numbers 0 and 1), and their meta files: one slice each, no lead yet. */
function bundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'excerpts-'));
  writeFileSync(join(dir, 'core.json'), JSON.stringify({ stems: ['2022-weizheng-'], ids: encodeInts([0, 1, 0, 2]) }));
  mkdirSync(join(dir, 'meta'));
  for (const k of [0, 1]) writeFileSync(join(dir, 'meta', `${k}.json`), JSON.stringify(['标题', null, '威县人民政府', '2022-04-08', '通知', '2022年第2号', [], null, 1, '']));
  return dir;
}
const slice = (dir: string, k: number) => JSON.parse(gunzipSync(readFileSync(join(dir, sliceFile(k, 0)))).toString('utf8')) as string;
const lead = (dir: string, k: number) => (JSON.parse(readFileSync(join(dir, 'meta', `${k}.json`), 'utf8')) as unknown[])[9];

describe('writePageExcerpts', () => {
  test('every notice’s slices and lead from its page, as printed', async () => {
    const dir = bundle();
    expect(await writePageExcerpts(dir, pages, '/')).toEqual([first, second]);
    expect(slice(dir, 0)).toBe('关于印发方案的通知\n各乡、镇人民政府：\n现印发给你们。');
    expect(lead(dir, 1)).toBe('关于成立领导小组的通知\n组长：张三');
  });

  test('a page missing is an error, unless only a shard’s pages are given (partial)', async () => {
    const shard = new Map([[first, pages.get(first)!]]);
    await expect(writePageExcerpts(bundle(), shard, '/')).rejects.toThrow('exact index: no page text for 2022-weizheng-2');
    const dir = bundle();
    expect(await writePageExcerpts(dir, shard, '/', { partial: true })).toEqual([first]);
    expect(lead(dir, 0)).toBe('关于印发方案的通知\n各乡、镇人民政府：\n现印发给你们。');
    expect(lead(dir, 1)).toBe('');
  });

  test('a page text’s digest is of the text the excerpts are cut from: spacing aside, not its characters', async () => {
    const page = pages.get(first)!;
    // Spaces and line breaks as tidyText leaves them: the same excerpts, the same digest…
    const spaced = '  关于印发方案的通知 \n\n各乡、镇人民政府：\n   现印发给你们。 ';
    expect(pageDigest(spaced)).toBe(pageDigest(page));
    const [a, b] = [bundle(), bundle()];
    await writePageExcerpts(a, new Map([[first, page]]), '/', { partial: true });
    await writePageExcerpts(b, new Map([[first, spaced]]), '/', { partial: true });
    expect([slice(b, 0), lead(b, 0)]).toEqual([slice(a, 0), lead(a, 0)]);
    // …a line break where there was none, or a character more, another digest.
    expect(pageDigest('关于印发方案的通知\n各乡、镇人民政府：现印发给你们。')).not.toBe(pageDigest(page));
    expect(pageDigest(`${page}。`)).not.toBe(pageDigest(page));
    expect(cutFrom(new Map([[first, pageDigest(page)]]), first, spaced)).toBe(true);
    expect(cutFrom(new Map([[first, pageDigest(page)]]), second, page)).toBe(false);
  });
});
