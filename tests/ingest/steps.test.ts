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
