// Steps that run on dist/ after `astro build`: `node scripts/postbuild.ts [distDir]`.
// Each step is an exported function so further checks (e.g. the no-loss check over dist/)
// can be added to `postbuild()` and reused from tests.
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { checkLinks } from './check/links.ts';
import { checkNoLoss } from './check/no-loss.ts';
import { formatProblem } from './ingest/run.ts';
import { basePathOf, buildExactIndex } from './search/build.ts';

export interface SearchIndexResult {
  /** Pages in the search index: only pages with `data-pagefind-body`, i.e. notice pages. */
  pages: number;
  /** HTML files Pagefind read, indexed or not. */
  files: number;
  /** Where the bundle was written: `<dist>/pagefind`. */
  outputPath: string;
}

/** Fail with every message Pagefind reported, not just the first. */
function check(step: string, errors: string[] | undefined): void {
  if (errors && errors.length > 0) {
    throw new Error(`pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
  }
}

/**
 * Build the Pagefind search index for the site in `distDir` into `<distDir>/pagefind`.
 * Any previous bundle is removed first, so a stale fragment can never survive a rebuild.
 */
export async function buildSearchIndex(distDir = 'dist'): Promise<SearchIndexResult> {
  const outputPath = path.join(distDir, 'pagefind');
  if (!(await stat(distDir).catch(() => undefined))?.isDirectory()) {
    throw new Error(`${distDir}/ does not exist: run \`astro build\` first`);
  }
  await rm(outputPath, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({});
    check('createIndex', errors);
    if (!index) throw new Error('pagefind createIndex returned no index');

    // Only notice pages carry data-pagefind-body, so only they are given to Pagefind: letting it
    // read every page of the site (thousands of entity, browse and seed pages at 100 issues)
    // cost minutes and indexed nothing more.
    const notices = JSON.parse(await readFile(path.join(distDir, 'api', 'notices.json'), 'utf8')) as { url: string }[];
    const basePath = basePathOf();
    let read = 0;
    for (const n of notices) {
      const content = await readFile(path.join(distDir, n.url.slice(basePath.length), 'index.html'), 'utf8');
      const added = await index.addHTMLFile({ url: n.url, content });
      check('addHTMLFile', added.errors);
      read++;
    }

    const written = await index.writeFiles({ outputPath });
    check('writeFiles', written.errors);

    // The entry file knows how many pages actually made it into the index (per language).
    const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((sum, lang) => sum + lang.page_count, 0);
    return { pages, files: read, outputPath };
  } finally {
    // The Node API drives a native Pagefind process; stop it so this script can exit.
    await pagefind.close();
  }
}

/**
 * Every notice page must be searchable: the index must hold exactly as many pages as
 * /api/notices.json lists notices (a page missing `data-pagefind-body`, or an extra page
 * carrying it, shows up here).
 */
export async function checkSearchCoverage(distDir: string, indexed: number): Promise<void> {
  const notices = JSON.parse(await readFile(path.join(distDir, 'api', 'notices.json'), 'utf8')) as unknown[];
  if (indexed !== notices.length) {
    throw new Error(`pagefind indexed ${indexed} page(s) but api/notices.json lists ${notices.length} notice(s)`);
  }
}

/** All post-build steps, in order. Returns the lines to print. */
export async function postbuild(distDir = 'dist'): Promise<string[]> {
  // Nothing lost: checked on the built pages before anything else, naming seed lines on failure.
  // SITE_BASE is a path (/gazette/) or a full URL; page URLs in the API carry its path.
  const basePath = basePathOf();
  // Seeds are read from the project folder (NO_LOSS_ROOT: a test build's own folder).
  // Each step is timed: the build benchmark reads these lines to show where the time goes.
  const ms: Record<string, number> = {};
  const timed = async <T>(step: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      ms[step] = Math.round(performance.now() - start);
    }
  };
  const noLoss = await timed('no-loss', () => checkNoLoss(process.env.NO_LOSS_ROOT ?? path.resolve(import.meta.dirname, '..'), distDir, basePath));
  if (noLoss.problems.length > 0) {
    throw new Error(`no-loss check failed on ${noLoss.problems.length} notice(s):\n  ${noLoss.problems.map(formatProblem).join('\n  ')}`);
  }
  const search = await timed('pagefind', () => buildSearchIndex(distDir));
  await checkSearchCoverage(distDir, search.pages);
  const exact = await timed('exact-index', () => buildExactIndex(distDir));
  // Last, over everything written: every internal link and fragment resolves (the search
  // bundles included), and every asset is local.
  const links = await timed('links', () => checkLinks(distDir, basePath));
  if (links.problems.length > 0) {
    throw new Error(`link check failed with ${links.problems.length} problem(s):\n  ${links.problems.map((p) => `${p.page}: ${p.link}: ${p.message}`).join('\n  ')}`);
  }
  return [
    `postbuild: no-loss check passed for ${noLoss.checked} notice page(s) [${ms['no-loss']} ms]`,
    `postbuild: pagefind indexed ${search.pages} page(s) (of ${search.files} HTML files) into ${search.outputPath}/ [${ms.pagefind} ms]`,
    `postbuild: exact search index: ${exact.notices} notice(s), ${exact.units} unit(s), ${exact.bytes} bytes in ${exact.outputPath} [${ms['exact-index']} ms]`,
    `postbuild: link check passed: ${links.links} internal link(s) on ${links.pages} page(s), all assets local [${ms.links} ms]`,
  ];
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    for (const line of await postbuild(process.argv[2] ?? 'dist')) console.log(line);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
