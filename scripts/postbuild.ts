// Steps that run on dist/ after `astro build`: `node scripts/postbuild.ts [distDir]`.
// Each step is an exported function so further checks (e.g. the no-loss check over dist/)
// can be added to `postbuild()` and reused from tests.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLinks, htmlFiles } from './check/links.ts';
import { checkNoLoss } from './check/no-loss.ts';
import { checkHeaderLinesOnSite } from './check/headers.ts';
import { readPageTexts } from './check/source-text.ts';
import { formatProblem } from './ingest/run.ts';
import { onWorker, startWorker } from './worker.ts';
import { basePathOf, buildExactIndex, installSearchApi, type ExactIndexResult } from './search/build.ts';
import type { ExcerptsResult, ExcerptsTask } from './search/excerpts-worker.ts';
import { cutFrom } from './search/excerpts.ts';
import { differingTexts } from './check/index-texts.ts';
import { SEARCH_PAGE, writeSearchPreloads } from './search/preloads.ts';

/** The exact index once its bundle is in place in dist/, and the excerpts already cut. */
export interface ReadyIndex {
  result: ExactIndexResult;
  /**
   * Notices whose excerpts the index cut (scripts/build.ts: from the text each page would show),
   * by URL, with the digest (pageDigest) of the text they were cut from: not cut again when their
   * page shows that text; cut from the page when it does not.
   */
  excerpted?: ReadonlyMap<string, string>;
}

export interface PostbuildOptions {
  /**
   * The exact index built from the ingest's texts (scripts/build.ts builds it while Astro renders):
   * it is not built again, and the folded text of each notice page must equal the text it was
   * built from, by notice URL.
   */
  searchIndex?: {
    texts: ReadonlyMap<string, string>;
    /**
     * The index once in place — or the promise of it: the checks that need only the pages (parsing
     * them, nothing lost, the 文号 lines) run meanwhile; the excerpts and the link check (which
     * follows the search page's preloads into the bundle) wait for it.
     */
    ready: ReadyIndex | Promise<ReadyIndex>;
  };
}

/** All post-build steps, in order. Returns the lines to print. */
export async function postbuild(distDir = 'dist', options: PostbuildOptions = {}): Promise<string[]> {
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
  const root = process.env.NO_LOSS_ROOT ?? path.resolve(import.meta.dirname, '..');
  const given = options.searchIndex;
  const indexReady = given ? Promise.resolve(given.ready) : undefined;
  // Settled here too, so a failing step before it is awaited is not also an unhandled rejection.
  indexReady?.catch(() => {});
  // The link check reads every page on its own thread: it needs nothing the other steps make but
  // /search-api.js, put in place first, and — when the index is given — the index's bundle and
  // the search page's preloads naming its files, written once the index is in place. Its pages
  // are listed now, before the exact index (when built here) writes and removes folders in dist/
  // — walking dist/ while that happens could meet a folder that is gone. A given index is built
  // outside dist/ and moved in whole: every page but the search page (the only one linking into
  // the index) is checked now, while the index finishes, and the search page once its preloads
  // are written.
  installSearchApi(distDir);
  type Links = ReturnType<typeof checkLinks> & { ms: number };
  const checkLinksOnWorker = (pages: string[]) => onWorker<Links>(new URL('./check/links-worker.ts', import.meta.url), { dist: distDir, base: basePath, pages });
  const pages = htmlFiles(distDir);
  const searchPage = path.join(distDir, SEARCH_PAGE);
  const linksDone: Promise<Links> = indexReady
    ? Promise.all([
        checkLinksOnWorker(pages.filter((p) => p !== searchPage)),
        indexReady.then(() => {
          writeSearchPreloads(distDir, basePath);
          const start = performance.now();
          return { ...checkLinks(distDir, basePath, pages.filter((p) => p === searchPage)), ms: Math.round(performance.now() - start) };
        }),
      ]).then(([rest, search]) => ({ problems: [...rest.problems, ...search.problems], pages: rest.pages + search.pages, links: rest.links + search.links, ms: rest.ms + search.ms }))
    : checkLinksOnWorker(pages);
  linksDone.catch(() => {});
  // Each notice page is parsed once; the no-loss check and the exact index share its text.
  // Nothing lost is checked first of the steps on this thread, naming seed lines on failure.
  const urls = (JSON.parse(await readFile(path.join(distDir, 'api', 'notices.json'), 'utf8')) as { url: string }[]).map((n) => n.url);
  // The excerpts' thread (below) starts now: its modules load while the pages are parsed.
  const excerptWorker = given ? startWorker<ExcerptsResult>(new URL('./search/excerpts-worker.ts', import.meta.url)) : undefined;
  excerptWorker?.done.catch(() => {});
  const texts = await timed('parse', () => readPageTexts(distDir, urls, basePath)).catch((error: unknown) => {
    excerptWorker?.stopUnlessGiven();
    throw error;
  });
  // An index built from the ingest's text has its excerpts cut from the text each page would show;
  // a page that shows another has them cut from its own text, on a worker thread once the index is
  // in place, while this one checks the pages. Each page's text must be the text its index entry
  // was built from (folded): all are compared here (below), the pages to cut again by the worker
  // too — only they go there: at 1,000 issues all the texts twice over would be 800 MB more — which
  // compares them first and cuts nothing unless all agree. An index built here takes them from the
  // pages.
  const excerptsPlan = given && indexReady?.then(({ result, excerpted }) => {
    const pageTexts = new Map<string, string>();
    const indexed = new Map<string, string>();
    for (const [url, page] of texts) {
      if (cutFrom(excerpted, url, page)) continue;
      pageTexts.set(url, page);
      const text = given.texts.get(url);
      if (text !== undefined) indexed.set(url, text);
    }
    excerptWorker!.give({ bundleDir: result.outputPath, pageTexts, basePath, indexed } satisfies ExcerptsTask);
  });
  const excerptsDone = excerptsPlan?.then(() => excerptWorker!.done);
  excerptsDone?.catch(() => {});
  const checkPages = async () => {
    const noLoss = await timed('no-loss', () => checkNoLoss(root, distDir, basePath, texts));
    if (noLoss.problems.length > 0) {
      throw new Error(`no-loss check failed on ${noLoss.problems.length} notice(s):\n  ${noLoss.problems.map(formatProblem).join('\n  ')}`);
    }
    // …and no two notices merged into one page: every 文号 line of the seeds heads its own page.
    const headers = await timed('headers', () => checkHeaderLinesOnSite(root, distDir));
    if (headers.problems.length > 0) {
      throw new Error(`header-line check failed on ${headers.problems.length} line(s):\n  ${headers.problems.map(formatProblem).join('\n  ')}`);
    }
    // Every page against the text its index entry was built from: the index's texts are given, so
    // this is done while the index may still be written, not after it.
    const differing = (differ: string[]) => new Error(`the search index was built from other text than ${differ.length} page(s) show:\n  ${differ.join('\n  ')}`);
    const differ = given ? differingTexts(texts, given.texts) : [];
    if (differ.length > 0) throw differing(differ);
    await excerptsPlan;
    const excerpts = await excerptsDone;
    if (excerpts && 'differ' in excerpts) throw differing(excerpts.differ);
    return { noLoss, headers, excerpts: excerpts as Exclude<ExcerptsResult, { differ: string[] }> | undefined };
  };
  // A failed check returns only once the index and the excerpts' thread are done (a thread still
  // waiting for its work is stopped): nothing is written into dist/ after.
  const { noLoss, headers, excerpts } = await checkPages().finally(async () => {
    await indexReady?.catch(() => {});
    excerptWorker?.stopUnlessGiven();
    await excerptsDone?.catch(() => {});
  });
  const [index, links] = await Promise.all([indexReady ?? timed('exact-index', async () => ({ result: await buildExactIndex(distDir, root, texts) }) as ReadyIndex), linksDone]);
  const exact = index.result;
  if (!given) writeSearchPreloads(distDir, basePath);
  if (links.problems.length > 0) {
    throw new Error(`link check failed with ${links.problems.length} problem(s):\n  ${links.problems.map((p) => `${p.page}: ${p.link}: ${p.message}`).join('\n  ')}`);
  }
  return [
    `postbuild: parsed ${texts.size} notice page(s) [${ms.parse} ms]`,
    `postbuild: no-loss check passed for ${noLoss.checked} notice page(s) [${ms['no-loss']} ms]`,
    `postbuild: header-line check passed: each of ${headers.checked} 文号 line(s) heads its own notice page [${ms.headers} ms]`,
    given
      ? `postbuild: every notice page shows exactly the text its search index entry was built from (${given.texts.size} page(s))`
      : `postbuild: exact search index: ${exact.notices} notice(s), ${exact.units} unit(s), ${exact.bytes} bytes${exact.parts > 1 ? ` (${exact.parts} parts)` : ''} in ${exact.outputPath} [${ms['exact-index']} ms]`,
    ...(excerpts ? [`postbuild: search excerpts: ${texts.size - excerpts.cut.length} notice(s) as the index cut them (their page shows that text), ${excerpts.cut.length} cut from their page's own text on their own thread [${excerpts.ms} ms]`] : []),
    `postbuild: link check passed: ${links.links} internal link(s) on ${links.pages} page(s), all assets local, on its own thread [${links.ms} ms]`,
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
