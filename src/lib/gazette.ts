// The gazette's identity as the site sees it: the validated config the ingest copied to
// content/data/gazette.json from seeds/gazette.yaml — the gazette's name and publisher, its
// place, and the labels of the organization categories in the order the site lists them.
// Read once per build; nothing about a particular county is written in the site's code.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { categoryOrder } from '../../schemas/entities.ts';
import { GazetteConfigSchema, type GazetteConfig } from '../../schemas/gazette-config.ts';

/**
 * Where the config is: DATA_DIR (when it holds one), else `<CONTENT_DIR>/data/` (default
 * ./content, as src/content.config.ts finds the collections). A DATA_DIR of fixture records
 * without a gazette.json still gets the ingest's config from the content folder.
 */
export function gazetteConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const contentDir = (env.CONTENT_DIR ?? './content').replace(/\/+$/, '');
  const candidates = [...(env.DATA_DIR ? [`${env.DATA_DIR.replace(/\/+$/, '')}/gazette.json`] : []), `${contentDir}/data/gazette.json`];
  return resolve(candidates.find((path) => existsSync(path)) ?? candidates.at(-1)!);
}

/** Read and validate a gazette.json; a missing or invalid file stops the build, naming it. */
export function readGazetteConfig(path = gazetteConfigPath()): GazetteConfig {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: expected the gazette's config (the ingest writes it from seeds/gazette.yaml: npm run ingest): ${error instanceof Error ? error.message : error}`);
  }
  const parsed = GazetteConfigSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${path}: not a valid gazette config: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

let config: GazetteConfig | undefined;

/** The gazette's config, read once. */
export function gazette(): GazetteConfig {
  config ??= readGazetteConfig();
  return config;
}

/** Organization category labels in the order the 机构 index and /api/organizations.json list them. */
export function categoryLabels(): string[] {
  return categoryOrder(gazette());
}
