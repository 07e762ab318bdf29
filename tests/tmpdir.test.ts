// The run's temporary folder (tests/global-setup.ts): what tests make with mkdtemp goes there.
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { expect, test } from 'vitest';

test('os.tmpdir() in a test is the run’s own folder, removed when the run ends', () => {
  expect(basename(tmpdir())).toMatch(/^weixian-tests-/);
  expect(process.env.TMPDIR).toBe(tmpdir());
  expect(dirname(tmpdir())).not.toBe(tmpdir());
});
