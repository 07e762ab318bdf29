// Which files in seeds/ are read: every *.txt (lower case), in name order. gazette.yaml and
// *.corrections.yaml belong there; anything else is reported — a .TXT as a problem (it would be
// an issue silently left out), the rest as skipped, with the reason. No issue at all is a problem.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { listSeeds } from '../../scripts/ingest/list-seeds.ts';
import { formatProblem } from '../../scripts/ingest/run.ts';
import { fixtures, root } from '../helpers.ts';

function seedsDir(files: Record<string, string | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'list-seeds-'));
  for (const [name, text] of Object.entries(files)) {
    if (text === null) mkdirSync(join(dir, name));
    else writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('issues in name order; companions are not skipped; everything else is reported', () => {
  const dir = seedsDir({
    'weixian-gazette-2022-10.txt': '…',
    'weixian-gazette-2022-02.txt': '…',
    'gazette.yaml': '…',
    'weixian-gazette-2022-02.corrections.yaml': '…',
    'weixian-gazette-2022-03.TXT': '…',
    'weixian-gazette-2022-04.Txt': '…',
    'weixian-gazette-2022-02.txt.bak': '…',
    'weixian-gazette-2022-02.pdf': '…',
    'notes.md': '…',
    'gazette.yml': '…',
    old: null,
  });
  symlinkSync(join(dir, 'nowhere'), join(dir, 'broken.txt'));
  const list = listSeeds(dir);
  expect(list.seeds).toEqual(['weixian-gazette-2022-02.txt', 'weixian-gazette-2022-10.txt']);
  expect(list.problems.map(formatProblem)).toEqual([
    'seeds/weixian-gazette-2022-03.TXT:1: expected the file name to end in .txt (lower case) — rename it to weixian-gazette-2022-03.txt, or it is not read',
    'seeds/weixian-gazette-2022-04.Txt:1: expected the file name to end in .txt (lower case) — rename it to weixian-gazette-2022-04.txt, or it is not read',
  ]);
  expect(list.skipped).toEqual([
    { file: 'seeds/broken.txt', reason: 'a link to a file that does not exist' },
    { file: 'seeds/gazette.yml', reason: "not read: the gazette's settings are read from seeds/gazette.yaml" },
    { file: 'seeds/notes.md', reason: 'not an issue (only *.txt files are read)' },
    { file: 'seeds/old/', reason: 'a folder: only the files directly in seeds/ are read' },
    { file: 'seeds/weixian-gazette-2022-02.pdf', reason: 'a PDF, not read: the build reads the text extracted from it, as a .txt file' },
    { file: 'seeds/weixian-gazette-2022-02.txt.bak', reason: 'a backup or temporary copy, not read (only *.txt files are issues)' },
  ]);
});

test('a corrections file without its issue is noted', () => {
  const list = listSeeds(seedsDir({ 'a-2023-01.txt': '…', 'a-2023-02.corrections.yaml': '…', 'a-2023-01.corrections.yaml': '…' }));
  expect(list).toEqual({
    seeds: ['a-2023-01.txt'],
    problems: [],
    skipped: [{ file: 'seeds/a-2023-02.corrections.yaml', reason: 'corrects seeds/a-2023-02.txt, which is not there' }],
  });
});

test('a folder named like an issue is not read as one', () => {
  const list = listSeeds(seedsDir({ 'a-2023-01.txt': '…', 'b-2023-01.txt': null }));
  expect(list.seeds).toEqual(['a-2023-01.txt']);
  expect(list.skipped).toEqual([{ file: 'seeds/b-2023-01.txt/', reason: 'a folder: only the files directly in seeds/ are read' }]);
});

test('no issue at all: a problem on the folder, line 1, saying what to add', () => {
  expect(listSeeds(seedsDir({ 'gazette.yaml': '…' })).problems.map(formatProblem)).toEqual([
    "seeds/:1: expected at least one gazette issue (*.txt) in seeds/, found none — add an issue's PDF-extracted text as seeds/<name>-YYYY-NN.txt (UTF-8), then build again",
  ]);
  // A misnamed issue is both: the rename is what to do.
  expect(listSeeds(seedsDir({ 'a-2023-01.TXT': '…' })).problems.map(formatProblem)).toEqual([
    'seeds/a-2023-01.TXT:1: expected the file name to end in .txt (lower case) — rename it to a-2023-01.txt, or it is not read',
    "seeds/:1: expected at least one gazette issue (*.txt) in seeds/, found none — add an issue's PDF-extracted text as seeds/<name>-YYYY-NN.txt (UTF-8), then build again",
  ]);
});

test('a missing folder, under the name it is shown as: never an absolute path', () => {
  const missing = join(tmpdir(), 'no-such-seeds-folder');
  const list = listSeeds(missing, 'input');
  expect(list.problems.map(formatProblem)).toEqual([
    "input/:1: expected a folder input/ holding the gazette issues (*.txt), found none — create it and add an issue's text, then build again",
  ]);
  expect(JSON.stringify(list)).not.toContain(tmpdir());
});

test('the real seeds folder and the fixture folders', () => {
  expect(listSeeds(join(root, 'seeds'))).toEqual({ seeds: ['weixian-gazette-2022-02.txt'], problems: [], skipped: [] });
  expect(listSeeds(join(fixtures, 'seeds/good'))).toEqual({ seeds: ['weixian-gazette-2023-01.txt'], problems: [], skipped: [] });
});
