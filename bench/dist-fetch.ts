// A `fetch` that serves dist/ for file: URLs (and http(s) URLs, by path under a base), counting
// the bytes it returns — what the benchmark and the Node tests give to /search-api.js.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DistFetch {
  fetch: typeof fetch;
  /** Bytes served since the last reset. */
  bytes: number;
  requests: string[];
  reset(): void;
}

/**
 * Files read at once, at most: a browser keeps a few connections per host, while a query naming
 * thousands of notices (a common word on a 1,000-issue site) would otherwise open a file for each
 * at the same moment and pass the process's limit (EMFILE).
 */
const OPEN_FILES = 256;

export function distFetch(dist: string, base = '/'): DistFetch {
  const root = path.resolve(dist);
  let open = 0;
  const waiting: (() => void)[] = [];
  const read = async (file: string) => {
    while (open >= OPEN_FILES) await new Promise<void>((go) => waiting.push(go));
    open++;
    try {
      return await readFile(file);
    } finally {
      open--;
      waiting.shift()?.();
    }
  };
  const counter: DistFetch = {
    bytes: 0,
    requests: [],
    reset() {
      counter.bytes = 0;
      counter.requests = [];
    },
    fetch: (async (input: string | URL | Request) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const file = url.protocol === 'file:' ? fileURLToPath(url) : path.join(root, decodeURIComponent(url.pathname).slice(base.length));
      if (!path.resolve(file).startsWith(root + path.sep)) return new Response('outside dist/', { status: 404 });
      try {
        const body = await read(file);
        counter.bytes += body.length;
        counter.requests.push(path.relative(root, file));
        return new Response(body, { status: 200 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        return new Response('not found', { status: 404 });
      }
    }) as typeof fetch,
  };
  return counter;
}
