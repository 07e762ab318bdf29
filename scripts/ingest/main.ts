// The ingest as a command (`npm run ingest`, and the first step of `npm run build`):
// seeds/*.txt → content/notices/**.mdx and content/data/*.json. Prints every problem as
// file:line: message and exits 1 without touching content/ when there is any.
import { relative, resolve } from 'node:path';
import { IngestCache } from './cache.ts';
import { matchPersonnel } from './recover-personnel.ts';
import { matchTable } from './recover-tables.ts';
import { formatProblem, ingestParallel, writeContent, type IngestResult } from './run.ts';

const root = resolve(import.meta.dirname, '../..');

export async function runIngest(): Promise<IngestResult> {
  const seedsDir = resolve(root, process.env.SEEDS_DIR ?? 'seeds');
  const outDir = resolve(root, process.env.CONTENT_DIR ?? 'content');
  // What did not change since the last run is taken from here (see ./cache.ts).
  // INGEST_CACHE_DIR=off runs without it.
  const cacheDir = process.env.INGEST_CACHE_DIR ?? 'node_modules/.cache/weixian-ingest';
  const cache = cacheDir === 'off' ? undefined : new IngestCache(resolve(root, cacheDir));

  const result = await ingestParallel(seedsDir, [matchPersonnel, matchTable], cache);
  const { problems, files, knowledge, notices } = result;
  for (const s of result.skipped ?? []) console.log(`ingest: note: ${s.file} is not read: ${s.reason}`);
  if (problems.length > 0) {
    for (const p of problems) console.error(formatProblem(p));
    console.error(`ingest: ${problems.length} problem${problems.length === 1 ? '' : 's'} found; content/ was not changed.`);
    process.exit(1);
  }
  writeContent(outDir, files);
  const { entities, citations } = knowledge!;
  console.log(
    `ingest: ${notices.length} notices, ${entities.people.length} people, ${entities.organizations.length} organizations, ` +
      `${entities.groups.length} groups, ${citations.length} citations written to ${relative(root, outDir) || '.'}/` +
      (cache ? ` (cache: ${cache.hits} reused, ${cache.misses} computed)` : ''),
  );
  // Merges the data suggests but data/organization-aliases.json does not make: for a human to review.
  for (const c of entities.candidates) {
    console.log(`ingest: candidate merge to review: ${c.names.join(' / ')} — ${c.reason} (${c.evidence.map((e) => `${e.notice}:${e.line}`).join(', ')})`);
  }
  return result;
}
