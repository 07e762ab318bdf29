// The link check on a worker thread: postbuild runs it on the second core while the exact
// index is built (which waits on Pagefind most of the time).
import { parentPort, workerData } from 'node:worker_threads';
import { checkLinks } from './links.ts';

const { dist, base, pages } = workerData as { dist: string; base: string; pages: string[] };
parentPort!.postMessage(checkLinks(dist, base, pages));
