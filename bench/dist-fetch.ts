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

export function distFetch(dist: string, base = '/'): DistFetch {
  const root = path.resolve(dist);
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
        const body = await readFile(file);
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
