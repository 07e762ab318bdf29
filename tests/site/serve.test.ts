// scripts/serve.ts: the preview server compresses text as a static host does only when asked
// (the slow-phone benchmark), and never Pagefind's own, already compressed, files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../scripts/serve.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'serve-'));
  writeFileSync(path.join(root, 'a.js'), 'export const a = "检索";\n'.repeat(50));
  writeFileSync(path.join(root, 'x.pf_index'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function get(url: string): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((done, fail) => {
    request(url, { headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

describe('preview server', () => {
  test('with compress: JavaScript goes out gzip, Pagefind chunks as they are', async () => {
    const server = await startServer({ root, port: 0, compress: true });
    try {
      const js = await get(`${server.url}a.js`);
      expect(js.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(js.body).toString('utf8')).toBe('export const a = "检索";\n'.repeat(50));
      const chunk = await get(`${server.url}x.pf_index`);
      expect(chunk.headers['content-encoding']).toBeUndefined();
      expect([...chunk.body]).toEqual([0x1f, 0x8b, 1, 2, 3]);
    } finally {
      await server.close();
    }
  });

  test('by default nothing is compressed', async () => {
    const server = await startServer({ root, port: 0 });
    try {
      const js = await get(`${server.url}a.js`);
      expect(js.headers['content-encoding']).toBeUndefined();
      expect(js.body.toString('utf8')).toContain('检索');
    } finally {
      await server.close();
    }
  });
});
