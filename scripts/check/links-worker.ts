// The link check on a worker thread: postbuild runs it on the second core while the exact
// index is built (which waits on Pagefind most of the time).
import { parentPort, workerData } from 'node:worker_threads';
import { checkLinks } from './links.ts';

const { dist, base, pages } = workerData as { dist: string; base: string; pages: string[] };
// Timed here: the result reaches postbuild only when its own thread is free again (it writes the
// search excerpts meanwhile), so a time taken there would be that thread's, not the check's.
const start = performance.now();
const result = checkLinks(dist, base, pages);
parentPort!.postMessage({ ...result, ms: Math.round(performance.now() - start) });
