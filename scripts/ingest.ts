// `npm run ingest`: seeds/*.txt → content/notices/**.mdx. Prints every problem as
// file:line: message and exits 1 without touching content/ when there is any.
import { resolve } from 'node:path';
import { matchPersonnel } from './ingest/recover-personnel.ts';
import { matchTable } from './ingest/recover-tables.ts';
import { formatProblem, ingest, writeContent } from './ingest/run.ts';

const root = resolve(import.meta.dirname, '..');
const seedsDir = resolve(root, process.env.SEEDS_DIR ?? 'seeds');
const outDir = resolve(root, process.env.CONTENT_DIR ?? 'content/notices');

const { problems, files } = ingest(seedsDir, [matchPersonnel, matchTable]);
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`ingest: ${problems.length} problem${problems.length === 1 ? '' : 's'} found; content/ was not changed.`);
  process.exit(1);
}
writeContent(outDir, files);
console.log(`ingest: ${files.size} notices written to ${outDir}`);
