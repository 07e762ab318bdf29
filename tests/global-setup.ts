// One temporary folder per test run, removed when the run ends: the tests make hundreds of
// folders (fixture seeds, isolated builds, servers' roots) with mkdtemp under os.tmpdir(), which
// reads TMPDIR — set here before vitest starts its test workers, so each inherits it. A machine
// running the suite every day kept thousands of them in /tmp before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const run = mkdtempSync(join(tmpdir(), 'weixian-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = run;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(run, { recursive: true, force: true });
  };
}
