// Start every build from an empty output folder: a stale file left by an earlier build (a search
// bundle, a deleted page) must never make a local build pass where a fresh clone would fail.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

rmSync(resolve(import.meta.dirname, '..', process.env.OUT_DIR ?? 'dist'), { recursive: true, force: true });
