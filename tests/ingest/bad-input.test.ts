// Bad input: every problem in every seed is listed as file:line: what was expected, the exit
// code is non-zero, and content/ is left exactly as it was.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../scripts/ingest/run.ts';
import { fixtures, ingestDir, newSeedsDir, nodeBin, root } from '../helpers.ts';

describe('bad input', () => {
  test('lists every problem with file, line and what was expected', () => {
    const { problems } = ingestDir(join(fixtures, 'seeds/bad'));
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2023-02.txt:3: expected a 成文日期 for “关于甲事项的通知”: after its 文号 (e.g. 2022 年 4 月 8 日), on the line under it, or under the 署名 at its end; found none",
        "seeds/weixian-gazette-2023-02.txt:13: expected a 成文日期 for “关于乙事项的通知”: after its 文号 (e.g. 2022 年 4 月 8 日), on the line under it, or under the 署名 at its end; found none",
        "seeds/weixian-gazette-2023-02.txt:21: expected a real calendar date, found 2023 年 2 月 30 日 (2023-2-30 does not exist)",
        "seeds/weixian-gazette-2023-03.txt:1: expected a gazette issue, found an empty file",
        "seeds/weixian-gazette-2023-04.txt:5: expected UTF-8 text, found bytes that are not valid UTF-8 (FF FE before “坏字节”) — correct this line in a text editor (compare it with the PDF), then build again",
        "seeds/weixian-gazette-2023-06.txt:1: expected UTF-8 text, found GB18030 (GBK) — open the file in a text editor and save it as UTF-8 (without changing its text), then build again",
        "seeds/weixian-gazette-2023-07.txt:1: expected UTF-8 text, found Big5 — open the file in a text editor and save it as UTF-8 (without changing its text), then build again",
        "seeds/weixian-gazette-2023-08.txt:1: expected UTF-8 text, found UTF-16LE — open the file in a text editor and save it as UTF-8 (without changing its text), then build again",
        "seeds/weixian-gazette-2023-02.txt:33: expected each 文号 once, but 威政办字〔2023〕8号 was already used by the notice at seeds/weixian-gazette-2023-02.txt:25",
      ]
    `);
  });

  test('a seed with text before its first notice says what it expected', () => {
    const dir = newSeedsDir();
    writeFileSync(join(dir, 'x-2023-01.txt'), '前言文字\n\n 威县人民政府\n\n关于甲事项的通知\n\n威政字〔2023〕1 号 2023 年 1 月 5 日\n\n正文。\n');
    expect(ingestDir(dir).problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "seeds/x-2023-01.txt:1: expected a notice header (发文机关 line) before any text, found “前言文字”",
      ]
    `);
  });

  test('the ingest command exits non-zero and leaves content/ untouched', () => {
    const content = mkdtempSync(join(tmpdir(), 'content-'));
    cpSync(join(fixtures, 'seeds/good'), join(content, 'seeds'), { recursive: true });
    writeFileSync(join(content, 'sentinel.mdx'), 'left as it was');
    const run = spawnSync(nodeBin, [resolve(root, 'scripts/ingest.ts')], {
      env: { ...process.env, SEEDS_DIR: join(fixtures, 'seeds/bad'), CONTENT_DIR: content, INGEST_CACHE_DIR: 'off' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('seeds/weixian-gazette-2023-02.txt:21: expected a real calendar date');
    expect(run.stderr).toContain('ingest: 9 problems found; content/ was not changed.');
    expect(readdirSync(content).sort()).toEqual(['seeds', 'sentinel.mdx']);
    expect(readFileSync(join(content, 'sentinel.mdx'), 'utf8')).toBe('left as it was');
  });

  test('a good seed folder is written and replaces what was there', () => {
    const content = mkdtempSync(join(tmpdir(), 'content-'));
    writeFileSync(join(content, 'stale.mdx'), 'old');
    execFileSync(nodeBin, [resolve(root, 'scripts/ingest.ts')], {
      env: { ...process.env, SEEDS_DIR: join(fixtures, 'seeds/good'), CONTENT_DIR: content, INGEST_CACHE_DIR: 'off' },
    });
    expect(readdirSync(join(content, 'notices/2023')).sort()).toEqual(['weizheng-3.mdx', 'weizhengban-7.mdx']);
    expect(readdirSync(join(content, 'data')).sort()).toEqual(['citations.json', 'gazette.json', 'groups.json', 'memberships.json', 'notices.json', 'organizations.json', 'people.json']);
    expect(readdirSync(content)).not.toContain('stale.mdx');
  });
});
