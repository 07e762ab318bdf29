// The stock Pagefind index (Chinese segmentation) of the notice pages, into <dist>/pagefind/.
// Not part of `npm run build`: the site searches with the exact index (./build.ts). It is built
// only by `npm run bench:search`, which compares the two over the same dist/ — and shows why the
// stock index is not shipped (precision 0.20–0.93 on names; it also cost a third of the build).
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { basePathOf, pagefindCheck, readNotices } from './build.ts';

const check = (step: string, errors: string[] | undefined) => pagefindCheck('', step, errors);

/** Index every notice page (their `data-pagefind-body` article) into `<distDir>/pagefind`; returns the page count. */
export async function buildStockIndex(distDir = 'dist'): Promise<number> {
  const outputPath = path.join(distDir, 'pagefind');
  if (!(await stat(distDir).catch(() => undefined))?.isDirectory()) throw new Error(`${distDir}/ does not exist: run \`npm run build\` first`);
  await rm(outputPath, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({});
    check('createIndex', errors);
    if (!index) throw new Error('pagefind createIndex returned no index');
    const basePath = basePathOf();
    const notices = await readNotices(distDir);
    for (const n of notices) {
      const content = await readFile(path.join(distDir, n.url.slice(basePath.length), 'index.html'), 'utf8');
      check('addHTMLFile', (await index.addHTMLFile({ url: n.url, content })).errors);
    }
    check('writeFiles', (await index.writeFiles({ outputPath })).errors);
    const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((sum, lang) => sum + lang.page_count, 0);
    if (pages !== notices.length) throw new Error(`pagefind indexed ${pages} page(s) but api/notices.json lists ${notices.length} notice(s)`);
    return pages;
  } finally {
    // The Node API drives a native Pagefind process; stop it so the caller can exit.
    await pagefind.close();
  }
}
