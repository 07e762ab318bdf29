// The loader of the knowledge base's JSON files (content/data/*.json) for src/content.config.ts.
import { existsSync } from 'node:fs';
import { file } from 'astro/loaders';
import type { Loader } from 'astro/loaders';

/**
 * Astro's `file()` loader, made strict. On a missing or unparsable file `file()` only logs and
 * leaves the collection empty, which would publish a site with no people pages and no error.
 * Here each stops the build, naming the file. `select` gives the records to store from the
 * file's array (a shard's own, lib/shard-records.ts); the file is read and parsed once.
 */
export function dataFile(path: string, select: (records: unknown[]) => unknown[] = (records) => records): Loader {
  let problem: string | undefined;
  const inner = file(path, {
    parser: (text) => {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        problem = `${path} is not valid JSON: ${error instanceof Error ? error.message : error}`;
        throw error;
      }
      if (!Array.isArray(data)) {
        problem = `${path} must be a JSON array of records with an \`id\``;
        throw new Error(problem);
      }
      return select(data) as Record<string, unknown>[];
    },
  });
  return {
    name: 'data-file',
    load: async (context) => {
      if (!existsSync(new URL(path, context.config.root))) throw new Error(`${path} is missing: the ingest writes it (npm run ingest)`);
      problem = undefined;
      await inner.load(context);
      // file() catches what the parser throws and only logs it.
      if (problem) throw new Error(problem);
    },
  };
}
