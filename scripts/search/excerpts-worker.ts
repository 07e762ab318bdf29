// The search excerpts of an index built from the ingest's text, cut again from the pages' own text
// where a page shows other text than the index cut them from, on a worker thread (writePageExcerpts
// in ./excerpts.ts): postbuild starts it with the checks, so its modules load while the pages are
// parsed, and gives it the pages to cut once they are parsed and the index is in place; meanwhile
// its own thread checks that nothing was lost — the cutting does not wait for those checks. It first compares each of
// its pages' text with the text the index was built from, and cuts nothing unless all agree:
// excerpts are never cut from a text that does not match its index entry.
import { parentPort } from 'node:worker_threads';
import { differingTexts } from '../check/index-texts.ts';
import { receiveWork } from '../worker.ts';
import { writePageExcerpts } from './excerpts.ts';

/** What postbuild gives the worker. */
export interface ExcerptsTask {
  bundleDir: string;
  /** The text of each notice page to cut, by URL (the others are left as they are). */
  pageTexts: ReadonlyMap<string, string>;
  basePath: string;
  /** The folded texts the index was built from, by URL: those of the pages to cut. */
  indexed: ReadonlyMap<string, string>;
}

/** What it posts back: the pages whose text is not the index's, or the excerpts it cut. */
export type ExcerptsResult = { differ: string[] } | { cut: string[]; ms: number };

const { bundleDir, pageTexts, basePath, indexed } = await receiveWork<ExcerptsTask>();
const differ = differingTexts(pageTexts, indexed);
if (differ.length > 0) parentPort!.postMessage({ differ } satisfies ExcerptsResult);
else {
  // Timed here, as the link check is: the thread that waits for it is busy with other checks.
  const start = performance.now();
  // The folded texts just found equal to the pages' are not folded again.
  const cut = await writePageExcerpts(bundleDir, pageTexts, basePath, { folded: indexed, partial: true });
  parentPort!.postMessage({ cut, ms: Math.round(performance.now() - start) } satisfies ExcerptsResult);
}
