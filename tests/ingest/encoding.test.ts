// UTF-8 with or without BOM, LF or CRLF: the same seed gives byte-identical output.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fixtures, ingestDir, newSeedsDir } from '../helpers.ts';

const name = 'weixian-gazette-2023-01.txt';
const text = readFileSync(join(fixtures, 'seeds/good', name), 'utf8');

test.each([
  ['BOM', `\uFEFF${text}`],
  ['CRLF', text.replace(/\n/g, '\r\n')],
  ['BOM + CRLF', `\uFEFF${text.replace(/\n/g, '\r\n')}`],
])('%s gives the same MDX as plain UTF-8 with LF', (_, variant) => {
  const dir = newSeedsDir();
  writeFileSync(join(dir, name), variant);
  const expected = ingestDir(join(fixtures, 'seeds/good')).files;
  const actual = ingestDir(dir);
  expect(actual.problems).toEqual([]);
  expect([...actual.files]).toEqual([...expected]);
});
