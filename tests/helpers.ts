// Shared test helpers: the real seed and the fixture seed folders, and the pipeline as the
// build runs it (with the real structure matchers).
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { matchPersonnel } from '../scripts/ingest/recover-personnel.ts';
import { matchTable } from '../scripts/ingest/recover-tables.ts';
import { ingest } from '../scripts/ingest/run.ts';

export const root = resolve(import.meta.dirname, '..');
export const fixtures = resolve(root, 'tests/fixtures');
export const matchers = [matchPersonnel, matchTable];

export function ingestDir(dir: string) {
  return ingest(dir, matchers);
}

/** The project's own Node (24, from the `node` devDependency): it runs .ts scripts directly. */
export const nodeBin = resolve(root, 'node_modules/.bin/node');

/** A new temporary seeds folder holding the gazette's config (seeds/gazette.yaml) and nothing else. */
export function newSeedsDir(prefix = 'seeds-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copyFileSync(resolve(root, 'seeds/gazette.yaml'), join(dir, 'gazette.yaml'));
  return dir;
}
