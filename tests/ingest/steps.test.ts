// Each step on small real excerpts: tests/fixtures/steps/<step>/<case>/input.txt next to the
// expected output.json. Review a change in output, then regenerate with `UPDATE=1 npm test`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { recoverBlocks } from '../../scripts/ingest/recover-blocks.ts';
import { stripFurniture } from '../../scripts/ingest/strip-furniture.ts';
import { ingest } from '../../scripts/ingest/run.ts';
import { fixtures, matchers, newSeedsDir } from '../helpers.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const steps: Record<string, (input: string) => unknown> = {
  furniture: (input) => stripFurniture(input.split('\n')),
  blocks: (input) => recoverBlocks(stripFurniture(input.split('\n')).lines, matchers, 3),
  // The whole pipeline on a one-notice seed: problems and the MDX it writes.
  notice: (input) => {
    const dir = newSeedsDir('seed-');
    writeFileSync(join(dir, 'weixian-gazette-2022-02.txt'), input);
    const { problems, files } = ingest(dir, matchers);
    return { problems, files: Object.fromEntries(files) };
  },
};

for (const [step, run] of Object.entries(steps)) {
  describe(step, () => {
    const dir = join(fixtures, 'steps', step);
    for (const name of readdirSync(dir).sort()) {
      test(name, () => {
        const input = readFileSync(join(dir, name, 'input.txt'), 'utf8');
        const actual = JSON.parse(JSON.stringify(run(input)));
        const expectedPath = join(dir, name, 'output.json');
        if (process.env.UPDATE || !existsSync(expectedPath)) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
        expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
      });
    }
  });
}

describe('blocks: the matchers', () => {
  test('are asked about each line once, however the paragraphs around it end', () => {
    // A table's reading is a search (scripts/ingest/table-reading.ts): the line a paragraph ends at,
    // because a table starts there, is where the table is then read — once.
    // The seed's every line as one run: its personnel lists and tables start after paragraphs.
    const seed = join(import.meta.dirname, '../../seeds/weixian-gazette-2022-02.txt');
    for (const [name, text] of [['the seed', readFileSync(seed, 'utf8')], ...readdirSync(join(fixtures, 'steps', 'blocks')).map((n) => [n, readFileSync(join(fixtures, 'steps', 'blocks', n, 'input.txt'), 'utf8')])] as const) {
      const { lines } = stripFurniture(text.split('\n'));
      const asked = new Map<string, number>();
      const counted = matchers.map((m) => (all: typeof lines, start: number) => {
        const key = `${m.name}:${start}`;
        asked.set(key, (asked.get(key) ?? 0) + 1);
        return m(all, start);
      });
      expect(recoverBlocks(lines, counted, 3), name).toEqual(recoverBlocks(lines, matchers, 3));
      expect([...asked].filter(([, n]) => n > 1), name).toEqual([]);
    }
  });
});
