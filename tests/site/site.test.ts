// The built site in dist/ (made by `npm run build`, which CI runs before `npm test`): open
// data, notice pages, the no-loss check over the real pages, and determinism of a rebuild.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkLinks } from '../../scripts/check/links.ts';
import type { NoticeRecord } from '../../lib/notice-record.ts';
import { checkNoLoss } from '../../scripts/check/no-loss.ts';
import { checkHeaderLinesOnSite } from '../../scripts/check/headers.ts';
import { fixtures, nodeBin, root } from '../helpers.ts';
import { astroBuild, buildEnv, buildSite, dist, hashTree } from './build.ts';

let notices: NoticeRecord[];
const page = (url: string) => fromHtml(readFileSync(join(dist, url, 'index.html'), 'utf8'));

beforeAll(() => {
  if (!existsSync(join(dist, 'api/notices.json'))) throw new Error('dist/ is missing: run `npm run build` before `npm test`');
  notices = JSON.parse(readFileSync(join(dist, 'api/notices.json'), 'utf8'));
});

describe('dist/api/notices.json', () => {
  test('has one record per notice with the documented fields', () => {
    expect(notices).toHaveLength(14);
    for (const n of notices) {
      expect(Object.keys(n)).toEqual(expect.arrayContaining(['id', 'docNo', 'title', 'issuer', 'date', 'type', 'gazette', 'url']));
      expect(n.url).toMatch(/^\/notices\/2022\/weizheng(?:ban)?-\d+\/$/);
      expect(existsSync(join(dist, n.url, 'index.html'))).toBe(true);
    }
    expect(notices.find((n) => n.docNo === '威政办字〔2022〕25号')?.url).toBe('/notices/2022/weizhengban-25/');
  });
});

describe('notice pages', () => {
  test('are Chinese pages (for Pagefind segmentation) titled with the notice title', () => {
    for (const n of notices) {
      const tree = page(n.url);
      expect(select('html', tree)?.properties.lang).toBe('zh-CN');
      expect(toText(select('h1', tree)!)).toBe(n.title);
      expect(select('[data-pagefind-body]', tree)).toBeTruthy();
    }
  });

  test('have a section per 附件, with the recovered lists and tables', () => {
    const tree = page('/notices/2022/weizheng-16/');
    expect(selectAll('section[id^="attachment-"]', tree).map((s) => s.properties.id)).toEqual(['attachment-1', 'attachment-2']);
    const members = selectAll('#attachment-1 li', tree).map((li) => toText(li));
    expect(members[0]).toBe('组长：高凯英 县委副书记、政府县长');
    expect(members).toHaveLength(27);
    const contacts = page('/notices/2022/weizhengban-27/');
    expect(selectAll('#attachment-1 tbody tr', contacts)).toHaveLength(12);
    expect(selectAll('#attachment-1 thead th', contacts).map((th) => toText(th))).toEqual(['序号', '单位', '主管领导', '联系电话', '联络人', '联系电话']);
    // Unrecoverable tables stay verbatim, marked with the reason.
    const verbatim = select('#attachment-3 figure.source-lines[data-reason]', page('/notices/2022/weizheng-19/'))!;
    expect(verbatim).toBeTruthy();
    // …and say so to the reader, with the seed lines (a caption the no-loss check leaves out).
    expect(toText(select('figcaption[data-generated]', verbatim)!)).toContain('原文照录（第 1983–2010 行）');
  });

  test('the exact index is built, and the stock Pagefind index is not shipped', () => {
    expect(existsSync(join(dist, 'search/exact/core.json'))).toBe(true);
    expect(existsSync(join(dist, 'pagefind'))).toBe(false);
  });
});

describe('no-loss check over the built pages', () => {
  test('holds for every notice', () => {
    const { problems, checked } = checkNoLoss(root, dist);
    expect(problems).toEqual([]);
    expect(checked).toBe(14);
  });

  test('fails, naming the seed line, when a page loses a paragraph', () => {
    const copy = mkdtempSync(join(tmpdir(), 'dist-'));
    cpSync(dist, copy, { recursive: true });
    const file = join(copy, 'notices/2022/weizheng-16/index.html');
    const html = readFileSync(file, 'utf8');
    const lost = html.replace(/<p>[^<]*（三）实施范围[^<]*<\/p>|<h4[^>]*>（三）实施范围。<\/h4>/, '');
    expect(lost).not.toBe(html);
    writeFileSync(file, lost);
    const { problems } = checkNoLoss(root, copy);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'seeds/weixian-gazette-2022-02.txt', line: 88 });
    expect(problems[0].message).toContain('/notices/2022/weizheng-16/: expected “（三）实施范围。');
  });
});

describe('header-line check over the built site (a merge the no-loss check cannot see)', () => {
  test('every 文号 line of the seed heads its own notice page', () => {
    const { problems, checked } = checkHeaderLinesOnSite(root, dist);
    expect(problems).toEqual([]);
    expect(checked).toBe(14);
  });

  test('fails, naming the seed line, when one page holds two notices', () => {
    const copy = mkdtempSync(join(tmpdir(), 'dist-'));
    cpSync(join(dist, 'api'), join(copy, 'api'), { recursive: true });
    // The first page swallows the second notice: its span runs to the second one's end.
    const [first, second, ...rest] = notices;
    const merged = [{ ...first, source: { ...first.source, lines: [first.source.lines[0], second.source.lines[1]] } }, ...rest];
    writeFileSync(join(copy, 'api/notices.json'), JSON.stringify(merged));
    const { problems } = checkHeaderLinesOnSite(root, copy);
    // The second notice (威政字〔2022〕18号) prints its 文号 line at seed line 1165.
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'seeds/weixian-gazette-2022-02.txt:1165: /notices/2022/weizheng-16/: expected the 文号 line “威政字〔2022〕18 号 2022 年 4 月 18 日” to head its own notice, but it is inside the page of 威政字〔2022〕16号 — two notices merged into one page',
    ]);
  });
});

describe('link check over the built pages', () => {
  test('every internal link and fragment resolves and every asset is local', () => {
    const { problems, links } = checkLinks(dist);
    expect(problems).toEqual([]);
    expect(links).toBeGreaterThan(100);
  });

  test('names the page and link of a broken link, a missing fragment and a remote asset', () => {
    const copy = mkdtempSync(join(tmpdir(), 'dist-'));
    cpSync(dist, copy, { recursive: true });
    const file = join(copy, 'index.html');
    const html = readFileSync(file, 'utf8').replace('</main>', '<a href="notices/2022/nope/">x</a><a href="notices/2022/weizheng-16/#missing">y</a><img src="https://cdn.example.org/x.png" alt=""></main>');
    writeFileSync(file, html);
    expect(checkLinks(copy).problems).toEqual([
      { page: '/', link: 'src="https://cdn.example.org/x.png"', message: 'asset loaded from another host' },
      { page: '/', link: 'notices/2022/nope/', message: 'no such file: notices/2022/nope/index.html' },
      { page: '/', link: 'notices/2022/weizheng-16/#missing', message: 'no element with id “missing” on notices/2022/weizheng-16/index.html' },
    ]);
  });
});

describe('link check: a link is resolved once per depth, folder or page, never for the wrong one', () => {
  test('the same written link from pages at one depth, in two folders, and in one folder', () => {
    const copy = mkdtempSync(join(tmpdir(), 'dist-'));
    cpSync(dist, copy, { recursive: true });
    const add = (rel: string, links: string) => {
      const file = join(copy, rel);
      writeFileSync(file, readFileSync(file, 'utf8').replace('</main>', `${links}</main>`));
    };
    // Climbing to the root: the same target from both notices; climbing less: each its own folder's.
    add('notices/2022/weizheng-16/index.html', '<a href="../../../people/">a</a><a href="../weizheng-16/">b</a><a href="./#cover">c</a>');
    add('notices/2022/weizheng-18/index.html', '<a href="../../../people/">a</a><a href="../weizheng-16/">b</a><a href="./#cover">c</a>');
    // /index.html and /404.html share a folder: `#only-home` is on the home page only.
    add('index.html', '<a id="only-home" href="#only-home">h</a>');
    add('404.html', '<a href="#only-home">h</a>');
    expect(checkLinks(copy).problems).toEqual([{ page: '/404.html', link: '#only-home', message: 'no element with id “only-home” on 404.html' }]);
  });
});

describe('line addresses of a seed view', () => {
  test('#L<n> resolves for every line the numbered lists declare, and not before the first or past the last', () => {
    const copy = mkdtempSync(join(tmpdir(), 'dist-'));
    cpSync(dist, copy, { recursive: true });
    const seed = readFileSync(join(root, 'seeds/weixian-gazette-2022-02.txt'), 'utf8').replace(/\n$/, '').split('\n');
    const file = join(copy, 'index.html');
    // The lists are empty (filled in the browser): the lines are those their data-lines declare.
    const links = [0, 1, seed.length, seed.length + 1].map((n) => `<a href="seeds/weixian-gazette-2022-02/#L${n}">${n}</a>`).join('');
    writeFileSync(file, readFileSync(file, 'utf8').replace('</main>', `${links}</main>`));
    expect(checkLinks(copy).problems).toEqual([
      { page: '/', link: 'seeds/weixian-gazette-2022-02/#L0', message: 'no element with id “L0” on seeds/weixian-gazette-2022-02/index.html' },
      { page: '/', link: `seeds/weixian-gazette-2022-02/#L${seed.length + 1}`, message: `no element with id “L${seed.length + 1}” on seeds/weixian-gazette-2022-02/index.html` },
    ]);
  });
});

describe('building', () => {
  test('is deterministic: a fresh build (own cache) gives a byte-identical dist/', () => {
    const { out } = buildSite(join(root, 'seeds'));
    expect(hashTree(out)).toEqual(hashTree(dist));
  }, 120_000);

  test('text that looks like code or markup reaches the page as text', () => {
    const { out } = buildSite(join(fixtures, 'seeds/hostile'));
    const tree = fromHtml(readFileSync(join(out, 'notices/2023/weizheng-9/index.html'), 'utf8'));
    const body = select('.notice-body', tree)!;
    expect(selectAll('script, img', body)).toEqual([]);
    const text = toText(body);
    expect(text).toContain('import x from "y"');
    expect(text).toContain('export const a = 1');
    expect(text).toContain('正文含{1+1}与<img src=x onerror=alert(1)>以及*星号*和_下划线_还有#井号。');
    expect(toText(select('h1', tree)!)).toBe('关于规范{props}与<script>alert(1)</script>写法的通知');
    // A printed web address and e-mail run on into Chinese text: no link is made of them (GFM's
    // autolinks would take the Chinese text into the address), and GFM's marks stay text.
    expect(text).toContain('详见网址：http://www.example.gov.cn/zwgk与邮箱wxzf@example.cn，~~删除线~~与[^1]脚注，- [ ]方框。');
    expect(selectAll('a, del, sup, input', body)).toEqual([]);
  }, 120_000);
});

describe('a rebuild, with Astro’s cache (the content layer’s data store) warm', () => {
  test('shows a change of the knowledge base on every page naming it, and equals a fresh build', () => {
    const { work, out } = buildSite(join(root, 'seeds'));
    const env = buildEnv({ SEEDS_DIR: join(work, 'seeds'), CONTENT_DIR: join(work, 'content'), OUT_DIR: out, ASTRO_CACHE_DIR: join(work, 'cache'), INGEST_CACHE_DIR: join(work, 'ingest-cache') });
    // A person renamed in the knowledge base: the pages naming them must show the new name.
    const peopleFile = join(work, 'content/data/people.json');
    writeFileSync(peopleFile, readFileSync(peopleFile, 'utf8').replace('"name": "高凯英"', '"name": "高凯瑛"'));
    astroBuild(env);
    const people = JSON.parse(readFileSync(peopleFile, 'utf8')) as { name: string; notices: string[] }[];
    const naming = people.find((p) => p.name === '高凯瑛')!.notices.map((id) => `/notices/${id.slice(0, 4)}/${id.slice(5)}/`);
    expect(naming.length).toBeGreaterThan(0);
    for (const url of naming) expect(readFileSync(join(out, url, 'index.html'), 'utf8')).toContain('高凯瑛');
    // Every page the same bytes as a build from an empty cache writes.
    const fresh = join(work, 'fresh');
    astroBuild({ ...env, OUT_DIR: fresh, ASTRO_CACHE_DIR: join(work, 'fresh-cache') });
    const pages = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([file]) => file.endsWith('.html')));
    expect(Object.keys(pages(hashTree(fresh))).length).toBeGreaterThan(300);
    expect(pages(hashTree(out))).toEqual(pages(hashTree(fresh)));
  }, 180_000);
});

describe('the search index built beside Astro (scripts/build.ts)', () => {
  /** postbuild, and what scripts/build.ts gives it: the pages' folded texts as the index's, and the built bundle. */
  async function indexedSite() {
    const { postbuild } = await import('../../scripts/postbuild.ts');
    const { readPageTexts } = await import('../../scripts/check/source-text.ts');
    const { fold } = await import('../../scripts/search/search-api.js');
    const urls = notices.map((n) => n.url);
    const texts = new Map([...readPageTexts(dist, urls, '/')].map(([url, text]) => [url, fold(text)]));
    const result = { notices: urls.length, units: 0, parts: 1, outputPath: join(dist, 'search/exact'), bytes: 0 };
    return { postbuild, urls, texts, result };
  }

  test('fails the build when a page shows other text than its index entry was built from, naming the page', async () => {
    const { postbuild, urls, texts, result } = await indexedSite();
    // The texts of the pages themselves pass…
    await expect(postbuild(dist, { searchIndex: { texts, ready: { result } } })).resolves.toContain(`postbuild: every notice page shows exactly the text its search index entry was built from (${urls.length} page(s))`);
    // …one character more in one notice's index text does not…
    const url = '/notices/2022/weizhengban-25/';
    texts.set(url, texts.get(url)!.replace('药品', '药品药'));
    const bundle = hashTree(result.outputPath);
    await expect(postbuild(dist, { searchIndex: { texts, ready: { result } } })).rejects.toThrow(/the search index was built from other text than 1 page\(s\) show:\n {2}\/notices\/2022\/weizhengban-25\/: from character \d+, the index has “药/);
    // …and no excerpt is cut from the text that does not match (the excerpts' thread compares first).
    expect(hashTree(result.outputPath)).toEqual(bundle);
  }, 60_000);

  test('compares the pages whose excerpts the index cut from the text they show too, naming the page', async () => {
    const { postbuild, urls, texts, result } = await indexedSite();
    const { readPageTexts } = await import('../../scripts/check/source-text.ts');
    const { pageDigest } = await import('../../scripts/search/excerpts.ts');
    // Every page's excerpts cut by the index from its present text: none is cut now…
    const excerpted = new Map([...readPageTexts(dist, urls, '/')].map(([url, page]) => [url, pageDigest(page)]));
    const lines = await postbuild(dist, { searchIndex: { texts, ready: { result, excerpted } } });
    expect(lines.join('\n')).toMatch(new RegExp(`^postbuild: search excerpts: ${urls.length} notice\\(s\\) as the index cut them \\(their page shows that text\\), 0 cut from their page's own text on their own thread \\[\\d+ ms\\]$`, 'm'));
    // …one whose excerpts were cut from other text than its page shows is cut again, from the page
    // (here the bundle's excerpts are the pages' own already: the same bytes)…
    const bundle = hashTree(result.outputPath);
    const other = new Map([...excerpted, ['/notices/2022/weizhengban-25/', pageDigest('另一段文字')]]);
    const again = await postbuild(dist, { searchIndex: { texts, ready: { result, excerpted: other } } });
    expect(again.join('\n')).toMatch(new RegExp(`^postbuild: search excerpts: ${urls.length - 1} notice\\(s\\) as the index cut them \\(their page shows that text\\), 1 cut from their page's own text on their own thread \\[\\d+ ms\\]$`, 'm'));
    expect(hashTree(result.outputPath)).toEqual(bundle);
    // …and one page whose index text differs is still found, on this thread.
    const url = '/notices/2022/weizhengban-25/';
    texts.set(url, texts.get(url)!.replace('药品', '药品药'));
    await expect(postbuild(dist, { searchIndex: { texts, ready: { result, excerpted } } })).rejects.toThrow(/the search index was built from other text than 1 page\(s\) show:\n {2}\/notices\/2022\/weizhengban-25\/: from character \d+, the index has “药/);
  }, 60_000);

  test('checks every page’s links while the index is still being built, and the search page’s once its preloads are written', async () => {
    const { postbuild, texts, result } = await indexedSite();
    const copy = mkdtempSync(join(tmpdir(), 'weixian-links-'));
    try {
      cpSync(dist, copy, { recursive: true });
      // A notice page linking to a page that is not there, and an index without the engine the
      // search page's preloads name: both found, the second only once the index is in place.
      const notice = join(copy, 'notices/2022/weizhengban-25/index.html');
      writeFileSync(notice, readFileSync(notice, 'utf8').replace('</main>', '<a href="/notices/2022/gone/">x</a></main>'));
      const bundle = join(copy, 'search/exact');
      rmSync(join(bundle, 'pagefind.js'));
      let finish!: () => void;
      const later = new Promise<{ result: typeof result }>((resolve) => (finish = () => resolve({ result: { ...result, outputPath: bundle } })));
      const checking = postbuild(copy, { searchIndex: { texts, ready: later } });
      setTimeout(finish, 500);
      await expect(checking).rejects.toThrow('link check failed with 2 problem(s):\n  /notices/2022/weizhengban-25/: /notices/2022/gone/: no such file: notices/2022/gone/index.html\n  /search/: /search/exact/pagefind.js: no such file: search/exact/pagefind.js');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);

  test('checks the pages while the index is still being built, and fails with the index when it fails', async () => {
    const { postbuild, urls, texts, result } = await indexedSite();
    // The index comes after the checks have begun: the same lines as with the index given.
    let finish!: () => void;
    const later = new Promise<{ result: typeof result }>((resolve) => (finish = () => resolve({ result })));
    const checking = postbuild(dist, { searchIndex: { texts, ready: later } });
    setTimeout(finish, 200);
    await expect(checking).resolves.toContain(`postbuild: every notice page shows exactly the text its search index entry was built from (${urls.length} page(s))`);
    // An index that fails fails the checks with its own error…
    await expect(postbuild(dist, { searchIndex: { texts, ready: Promise.reject(new Error('exact index: Pagefind stopped')) } })).rejects.toThrow('exact index: Pagefind stopped');
    // …and the process ends: the excerpts' thread, started before the index was known to fail, is
    // stopped rather than left waiting for its work (which would keep the build running for ever).
    // (A file, not `-e`: worker threads inherit `--input-type`, and would not start.)
    const folder = mkdtempSync(join(tmpdir(), 'weixian-index-fails-'));
    const script = join(folder, 'postbuild.mjs');
    // The pages' own texts as the index's (they pass), so that the index's failure is the one met.
    writeFileSync(script, `import { postbuild } from ${JSON.stringify(join(root, 'scripts/postbuild.ts'))};
      const texts = new Map(${JSON.stringify([...texts])});
      await postbuild(${JSON.stringify(dist)}, { searchIndex: { texts, ready: Promise.reject(new Error('index failed')) } }).catch((e) => console.log('failed:', e.message));`);
    try {
      expect(execFileSync(nodeBin, [script], { encoding: 'utf8', timeout: 30_000 }).trim()).toBe('failed: index failed');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 90_000);
});
