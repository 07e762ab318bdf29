// A tiny static file server for dist/ (no dependencies): `node scripts/serve.ts [port]`.
// Used to preview the build and by browser tests, through `startServer()`.
// Only binds to 127.0.0.1 by default; it is a preview tool, not a production server.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  // The seeds' archival copies (src/integrations/archive.ts): a file to download, sent as is.
  '.gz': 'application/gzip',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  // Pagefind's index files: already compressed by Pagefind and decoded by its own JS,
  // so they must go out as opaque bytes, without a Content-Encoding header.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface ServerOptions {
  /** Directory to serve. Default `dist`. */
  root?: string;
  /** Port; 0 picks a free one (useful in tests). Default 4321. */
  port?: number;
  host?: string;
  /** URL prefix the site was built with (SITE_BASE); stripped from request paths. Default `/`. */
  base?: string;
  /**
   * Gzip text responses (HTML, JS, CSS, JSON, SVG, XML, text, WebAssembly) for clients that accept
   * it, as a static host does — the slow-phone benchmark measures what a reader would download.
   * Default off: tests read plain bodies.
   */
  compress?: boolean;
}

/** Types a static host compresses; Pagefind's own index files are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm|manifest\+json)|image\/svg)/;

export interface ServerHandle {
  /** `http://127.0.0.1:<port><base>` */
  url: string;
  port: number;
  close(): Promise<void>;
}

async function fileAt(file: string): Promise<string | undefined> {
  try {
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

export async function startServer(options: ServerOptions = {}): Promise<ServerHandle> {
  const root = path.resolve(options.root ?? 'dist');
  const host = options.host ?? '127.0.0.1';
  let base = options.base ?? '/';
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base += '/';

  function send(req: http.IncomingMessage, res: http.ServerResponse, head: boolean, status: number, file: string): void {
    const type = contentType(file);
    const gzip = options.compress === true && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    if (head) return void res.end();
    const body = createReadStream(file).on('error', () => res.destroy());
    (gzip ? body.pipe(createGzip()) : body).pipe(res);
  }

  async function notFound(req: http.IncomingMessage, res: http.ServerResponse, head: boolean): Promise<void> {
    const page = await fileAt(path.join(root, '404.html'));
    if (page) return send(req, res, head, 404, page);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(head ? undefined : 'Not found\n');
  }

  const server = http.createServer(async (req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      return res.end();
    }
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400);
      return res.end();
    }
    // Outside the base (or `/base` without its slash) is not part of the site.
    if (`${decoded}/` === base) {
      res.writeHead(301, { Location: base });
      return res.end();
    }
    if (!decoded.startsWith(base) || decoded.includes('\0')) return notFound(req, res, head);

    const target = path.join(root, decoded.slice(base.length));
    // path.join normalizes `..`; anything that still escapes root is refused.
    if (target !== root && !target.startsWith(root + path.sep)) return notFound(req, res, head);

    if (await isDirectory(target)) {
      // The site is built with trailingSlash: 'always'; redirect so relative links resolve.
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` });
        return res.end();
      }
      const index = await fileAt(path.join(target, 'index.html'));
      return index ? send(req, res, head, 200, index) : notFound(req, res, head);
    }
    const file = await fileAt(target);
    return file ? send(req, res, head, 200, file) : notFound(req, res, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4321, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}${base}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** SITE_BASE may be a path or a full URL (see astro.config.mjs); only its path matters here. */
function basePath(siteBase: string | undefined): string {
  if (!siteBase) return '/';
  return /^https?:\/\//.test(siteBase) ? new URL(siteBase).pathname : siteBase;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const port = Number(process.env.PORT ?? process.argv[2] ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: invalid port ${JSON.stringify(process.env.PORT ?? process.argv[2])}`);
    process.exit(1);
  }
  const { url, close } = await startServer({ root: 'dist', port, base: basePath(process.env.SITE_BASE) });
  console.log(`serving dist/ at ${url}`);
  const stop = () => void close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
