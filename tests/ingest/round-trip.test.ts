// Every MDX file the ingest writes reads back — with Sätteri, the site's MDX parser, and where the
// writer escaped text also with unified + remark-parse and the MDX and GFM syntax — as the text
// and the structure that were meant: the committed content/ for
// the real seed, hostile text through the emitter, and MDX mutated to lose a paragraph or a
// heading (which must fail, saying where and what).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emitMdx } from '../../scripts/ingest/emit-mdx.ts';
import { Linker } from '../../scripts/ingest/link-mentions.ts';
import { checkRoundTrip, mdxReadersFor } from '../../scripts/ingest/round-trip.ts';
import { parseSiteMdx } from '../../lib/mdx.ts';
import { formatProblem } from '../../scripts/ingest/run.ts';
import type { Section, SourceLine } from '../../scripts/ingest/types.ts';
import { fixtures, ingestDir, root } from '../helpers.ts';

const pathOf = (id: string) => `notices/${id.slice(0, 4)}/${id.slice(5)}.mdx`;

const real = ingestDir(join(root, 'seeds'));

describe('the real seed', () => {
  const { notices, problems } = real;

  test('every MDX file in content/notices/ reads back as the ingest meant it', () => {
    expect(problems).toEqual([]);
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) {
      const mdx = readFileSync(join(root, 'content', pathOf(n.notice.id)), 'utf8');
      expect(checkRoundTrip(mdx, n).map(formatProblem), pathOf(n.notice.id)).toEqual([]);
    }
  });

  test('it holds every kind of block the check knows: tables, lists, verbatim figures', () => {
    const kinds = new Set(notices.flatMap((n) => n.sections.flatMap((s) => s.blocks.map((b) => b.kind))));
    expect([...kinds].sort()).toEqual(['heading', 'paragraph', 'personnel', 'raw', 'table']);
  });
});

describe('hostile text through the emitter and back', () => {
  const good = ingestDir(join(fixtures, 'seeds/good')).notices[0]!;
  const lines = (from: number, texts: string[]): SourceLine[] => texts.map((text, k) => ({ line: from + k, text, pageStart: false }));
  const HOSTILE = [
    '{x}',
    '{props.a}与{1+1}',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '</section>',
    '<section id="evil">',
    "import a from 'b'",
    'export const a = 1',
    'export default function () {}',
    '`代码`与```围栏```',
    '*星号*与**粗体**与_下划线_',
    '# 井号开头',
    '#不是标题',
    '标题尾部 #',
    '1. 不是列表',
    '- 不是列表',
    '+ 也不是',
    '> 不是引用',
    '---',
    '===',
    '    缩进四格',
    '[链接](http://x.example/)与![图](x.png)',
    '&amp;与&#x69;与&lt;',
    '反斜杠\\与\\{',
    '竖线|在文字中',
    '<!-- 注释 -->',
    '$数学$与~~删除~~',
    'http://example.com/a_b*c*',
    '甲\nimport b from "c"\nexport const d = 1',
  ];
  const table = {
    kind: 'table' as const,
    header: [['序号', '单位|部门', '{负责人}']],
    rows: [
      ['1', '县`公安`局', '*王*'],
      ['2', '', '&amp; <b>'],
      ['3', 'import x from "y"', '# 井号'],
    ],
    lines: [40, 48] as [number, number],
  };
  const sections: Section[] = [
    {
      kind: 'cover',
      id: 'cover',
      blocks: HOSTILE.map((text, k) => ({ kind: 'paragraph' as const, text, lines: [k + 1, k + 1] as [number, number] })),
    },
    {
      kind: 'document',
      id: 'document',
      title: '《{标题}》<b>与`代码`</b> #',
      blocks: [
        { kind: 'heading', depth: 3, marker: '一、', text: '一、{x} 与 <y> 与 *z* #', lines: [30, 30] },
        { kind: 'heading', depth: 4, marker: '（一）', text: "（一）import a from 'b'", lines: [31, 31] },
        {
          kind: 'personnel',
          members: [
            { role: '组长', name: '王*甲', title: '县长{x}', label: '组长：', lines: [32, 32] },
            { role: '组长', name: '李乙', title: '<b>副县长</b>', lines: [33, 33] },
            { role: '成员', name: '张丙', title: '', label: '成员:', lines: [34, 34] },
          ],
          lines: [32, 34],
        },
        table,
        { kind: 'paragraph', text: '# 末段', lines: [49, 49] },
      ],
    },
    {
      kind: 'attachment',
      id: 'attachment-1',
      title: '附件 1：export const x = 1',
      blocks: [
        {
          kind: 'raw',
          reason: 'a "quoted" reason with <tags> & {braces}',
          source: lines(50, ['```', '{x} <script>', 'import a from "b"', '</figure>', '~~~', '   缩进', '| a | b |']),
          lines: [50, 56],
        },
      ],
    },
  ];
  const notice = { ...good.notice, title: '关于"{x}"与: <y> # 的通知' };

  test('without links', () => {
    expect(checkRoundTrip(emitMdx(notice, sections), { notice, sections })).toEqual([]);
  });

  test('with links inside the hostile text', () => {
    const linker = new Linker([
      { form: '星号', path: 'people/xing-hao/' },
      { form: '县`公安`局', path: 'organizations/gong-an/' },
      { form: '{x}', path: 'references/x/' },
      { form: '王*甲', path: 'people/wang-jia/' },
    ]);
    const mdx = emitMdx(notice, sections, linker);
    expect(mdx).toContain('](../../../people/wang-jia/)');
    expect(checkRoundTrip(mdx, { notice, sections })).toEqual([]);
  });

  test('printed addresses and GFM marks stay text on the page (the site reads MDX with GFM on)', () => {
    const printed = ['网址：http://www.example.gov.cn/与*注*', '邮箱wx@example.cn与~~删~~', '见www.example.cn/a_b与[^1]'];
    const plain: Section[] = [{ kind: 'document', id: 'document', blocks: printed.map((text, k) => ({ kind: 'paragraph' as const, text, lines: [k + 1, k + 1] as [number, number] })) }];
    const mdx = emitMdx(notice, plain);
    expect(checkRoundTrip(mdx, { notice, sections: plain })).toEqual([]);
    // Read as the page reads it: three paragraphs of text alone — no link running on into the
    // Chinese text, no strikethrough, no footnote reference.
    const section = parseSiteMdx(mdx.slice(mdx.indexOf('\n---\n', 3) + 5)).children[0] as { children: { type: string; children: { type: string; value?: string }[] }[] };
    expect(section.children.map((p) => p.children.map((c) => `${c.type}:${c.value ?? ''}`).join(''))).toEqual(printed.map((text) => `text:${text}`));
  });

  test('remark-parse reads, beside the site’s parser, exactly the files with an escape', () => {
    expect(mdxReadersFor('<section id="a">\n\n县政府：现将有关事项通知如下。\n\n</section>\n')).toEqual(['the MDX parser']);
    expect(mdxReadersFor('正文含\\{1+1}')).toEqual(['the MDX parser', 'remark-parse (the MDX writer’s own parser)']);
    expect(mdxReadersFor('&#x69;mport a')).toEqual(['the MDX parser', 'remark-parse (the MDX writer’s own parser)']);
    expect(mdxReadersFor('甲&乙')).toEqual(['the MDX parser']);
    const hostile = emitMdx(notice, sections);
    expect(mdxReadersFor(hostile)).toHaveLength(2);
  });

  test('the hostile fixture seed, through the whole ingest', () => {
    const { notices, files } = ingestDir(join(fixtures, 'seeds/hostile'));
    for (const n of notices) expect(checkRoundTrip(files.get(pathOf(n.notice.id))!, n)).toEqual([]);
  });
});

describe('MDX that does not read back as written fails, saying where and what', () => {
  const { notices, files } = ingestDir(join(fixtures, 'seeds/good'));
  const [first, second] = notices as [(typeof notices)[0], (typeof notices)[0]];
  const mdxOf = (n: typeof first) => files.get(pathOf(n.notice.id))!;
  const check = (n: typeof first, mdx: string) => checkRoundTrip(mdx, n).map(formatProblem);

  test('the unchanged files pass', () => {
    expect(check(first, mdxOf(first))).toEqual([]);
    expect(check(second, mdxOf(second))).toEqual([]);
  });

  test('a dropped paragraph', () => {
    const mdx = mdxOf(first).replace('  为改善生态环境，现就开展2023年春季植树活动通知如下。\n\n', '');
    expect(check(first, mdx)).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2023-01.txt:11: expected the MDX of 威政字〔2023〕3号 (notices/2023/weizheng-3.mdx) to read back as written, but it found a heading (depth 2) “一、活动时间” where it expected a paragraph “为改善生态环境，现就开展2023年春季植…”",
      ]
    `);
  });

  test('a heading turned into a paragraph', () => {
    const mdx = mdxOf(second).replace('  ### 第一章 总则', '  第一章 总则');
    expect(check(second, mdx)).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2023-01.txt:37: expected the MDX of 威政办字〔2023〕7号 (notices/2023/weizhengban-7.mdx) to read back as written, but it found a paragraph “第一章 总则” where it expected a heading (depth 3) “第一章 总则”",
      ]
    `);
  });

  test('a heading at another depth', () => {
    const mdx = mdxOf(second).replace('  #### 第一条', '  ### 第一条');
    expect(check(second, mdx)).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2023-01.txt:39: expected the MDX of 威政办字〔2023〕7号 (notices/2023/weizhengban-7.mdx) to read back as written, but it found a heading (depth 3) “第一条” where it expected a heading (depth 4) “第一条”",
      ]
    `);
  });

  test('an escape lost: the text becomes an expression', () => {
    const mdx = mdxOf(first).replace('3月12日至3月31日。', '3月12日至{3}月31日。');
    expect(check(first, mdx)).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2023-01.txt:17: expected the MDX of 威政字〔2023〕3号 (notices/2023/weizheng-3.mdx) to read back as written, but it found a paragraph holding a {…} expression (run as code) “3” where it expected a paragraph “3月12日至3月31日。”",
      ]
    `);
  });

  test('a word changed inside a link', () => {
    const mdx = mdxOf(first).replace('[县政府]', '[县人民政府]');
    expect(check(first, mdx)).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2023-01.txt:9: expected the MDX of 威政字〔2023〕3号 (notices/2023/weizheng-3.mdx) to read back as written, but the paragraph reads “…、镇人民政府，县人民政府有关部门：” where “…、镇人民政府，县政府有关部门：” was written",
      ]
    `);
  });

  test('a section lost, and a broken frontmatter', () => {
    const mdx = mdxOf(second).replace(/<section id="document"[\s\S]*<\/section>\n/, '').replace('order: 2', 'order: 3');
    expect(check(second, mdx)).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2023-01.txt:23: expected the MDX of 威政办字〔2023〕7号 (notices/2023/weizhengban-7.mdx) to read back as written, but its frontmatter field order reads back as 3, not 2",
        "seeds/weixian-gazette-2023-01.txt:37: expected the MDX of 威政办字〔2023〕7号 (notices/2023/weizhengban-7.mdx) to read back as written, but it found the end of the notice where it expected <section id="document" className="notice-section notice-document">",
      ]
    `);
  });

  test('a tag left open', () => {
    const mdx = mdxOf(first).replace('</section>', '');
    expect(check(first, mdx)).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2023-01.txt:1: expected the MDX of 威政字〔2023〕3号 (notices/2023/weizheng-3.mdx) to read back as written, but the MDX parser rejects it at line 30 of the MDX: Expected a closing tag for \`<section>\`",
      ]
    `);
  });
});

describe('tables, lists and verbatim lines of the real seed, mutated', () => {
  const notice = (docNo: string) => real.notices.find((n) => n.notice.docNo === docNo)!;
  const check = (docNo: string, change: (mdx: string) => string) => {
    const n = notice(docNo);
    const mdx = real.files.get(pathOf(n.notice.id))!;
    const changed = change(mdx);
    expect(changed).not.toBe(mdx);
    return checkRoundTrip(changed, n).map(formatProblem);
  };

  test('a table row dropped', () => {
    expect(check('威政办字〔2022〕27号', (mdx) => mdx.replace(/\n {8}<tr>\n {10}<td>\n {12}2\n[\s\S]*?<\/tr>\n/, '\n'))).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2022-02.txt:7114: expected the MDX of 威政办字〔2022〕27号 (notices/2022/weizhengban-27.mdx) to read back as written, but it found a table of 12 rows × 6 cells where it expected a table of 13 rows × 6 cells: row 3 reads “3县城管局姜书俊主任科员…” where “2县公安局王贵成党委委员…” was written",
      ]
    `);
  });

  test('a table cell split in two', () => {
    expect(check('威政办字〔2022〕27号', (mdx) => mdx.replace('<td>\n            13930918781\n          </td>', '<td>\n            1393\n          </td>\n\n          <td>\n            0918781\n          </td>'))).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2022-02.txt:7114: expected the MDX of 威政办字〔2022〕27号 (notices/2022/weizhengban-27.mdx) to read back as written, but it found a table whose row 2 has 7 cells where it expected 6",
      ]
    `);
  });

  test('a list item dropped', () => {
    const n = real.notices.find((x) => x.sections.some((s) => s.blocks.some((b) => b.kind === 'personnel')))!;
    const inBody = (mdx: string) => mdx.slice(0, mdx.indexOf('<section')) + mdx.slice(mdx.indexOf('<section')).replace(/\n {2}- [^\n]*/, '');
    expect(check(n.notice.docNo!, inBody)).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2022-02.txt:818: expected the MDX of 威政字〔2022〕16号 (notices/2022/weizheng-16.mdx) to read back as written, but it found a list of 26 items where it expected 27: item 1 reads “副组长：张朝华县委常委、…” where “组长：高凯英县委副书记、…” was written",
      ]
    `);
  });

  test('a verbatim line changed', () => {
    // 19号's 治理措施 table is kept as source lines: one paragraph a line, grouped by row.
    const [problem, ...more] = check('威政字〔2022〕19号', (mdx) => mdx.replace('\n      威县\n', '\n      威县县\n'));
    expect(more).toEqual([]);
    expect(problem).toMatch(/^seeds\/weixian-gazette-2022-02\.txt:1937: expected the MDX of 威政字〔2022〕19号 \(notices\/2022\/weizheng-19\.mdx\) to read back as written, but the verbatim lines 1937-1978 read “.*威县县.*” where “.*威县⏎.*” was written$/);
  });

  test('a line moved to the next row, the text still in order', () => {
    // Row 1's last line (`水务局 董明善`) shown as row 2's first: same text, wrong grouping.
    const last = '\n\n      水务局 [董明善](../../../people/dong-mingshan/)\n    </div>\n';
    const [problem] = check('威政字〔2022〕19号', (mdx) =>
      mdx.replace(last, '\n    </div>\n').replace('<div className="source-row" data-lines="1949-1952">\n', '<div className="source-row" data-lines="1949-1952">\n      水务局 [董明善](../../../people/dong-mingshan/)\n\n'));
    expect(problem).toMatch(/the verbatim lines 1937-1978 read “.*” where “.*” was written$/);
  });
});

describe('escapes lost in the hostile fixture', () => {
  const { notices, files } = ingestDir(join(fixtures, 'seeds/hostile'));
  const n = notices[0]!;
  const mdx = files.get(pathOf(n.notice.id))!;
  const check = (from: string | RegExp, to: string) => {
    const changed = mdx.replace(from, to);
    expect(changed).not.toBe(mdx);
    return checkRoundTrip(changed, n).map(formatProblem);
  };

  test('* becomes emphasis', () => {
    expect(check('\\*星号\\*', '*星号*')).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2023-05.txt:13: expected the MDX of 威政字〔2023〕9号 (notices/2023/weizheng-9.mdx) to read back as written, but it found a paragraph holding emphasis (*…*) “星号” where it expected a paragraph “正文含{1+1}与<img src=x …”",
      ]
    `);
  });

  test('< becomes a tag the parser rejects', () => {
    expect(check('\\<img', '<img')).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2023-05.txt:1: expected the MDX of 威政字〔2023〕9号 (notices/2023/weizheng-9.mdx) to read back as written, but the MDX parser rejects it at line 36 of the MDX: Unexpected character after \`<\`, expected a valid JSX tag (note: to create a link in MDX, use \`[text](url)\`)",
      ]
    `);
  });

  test('an import at the top of the body runs as code', () => {
    expect(check('<section id="cover"', 'import x from "y"\n\n<section id="cover"')).toMatchInlineSnapshot(`
      [
        "seeds/weixian-gazette-2023-05.txt:7: expected the MDX of 威政字〔2023〕9号 (notices/2023/weizheng-9.mdx) to read back as written, but it found an import/export statement (run as code) “import x from "y"” where it expected <section id="cover" className="notice-section notice-cover">",
      ]
    `);
  });
});
