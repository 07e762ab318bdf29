// The notice text's typography compiled into its MDX (src/integrations/body-typography.ts): on text
// laid out as the ingest writes it — Markdown paragraphs, lists and tables, and the JSX tables it
// rebuilds — with lines from the seed (27号's 联络表, 44号's dates).
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { bodyTypography } from '../../src/integrations/body-typography.ts';

const features = { gfm: true, smartPunctuation: false };
const html = (markdown: string, plugins = [bodyTypography()]) => markdownToHtml(markdown, { hastPlugins: plugins as never, features }).html;
const text = (h: string) => h.replace(/<[^>]*>/g, '');

describe('Markdown', () => {
  const markdown = [
    '## 2022年6月21日前完成',
    '',
    '根据威政字〔2022〕16号，联系电话13930918781，联络人[刘艳菊 18032958861](../../../people/liu-yanju/)。',
    '',
    '- 共14件',
    '',
    '  于2022 年 4 月 8 日报送',
    '',
    '| 序号 | 单位 | 电话 |',
    '| --- | --- | --- |',
    '| 1 | 县财政局 | 0319-6128888 |',
  ].join('\n');

  test('runs on one line and tel: links in paragraphs, list items and cells; headings left alone', () => {
    expect(html(markdown)).toBe(
      [
        '<h2>2022年6月21日前完成</h2>',
        '<p>根<span class="nw">据威政字〔2022〕16号</span>，联系电话<a class="nw tel" href="tel:13930918781">13930918781</a>，联络人<a href="../../../people/liu-yanju/">刘艳菊 <span class="nw">18032958861</span></a>。</p>',
        '<ul>',
        '<li>',
        '<p>共<span class="nw">14件</span></p>',
        '<p>于<span class="nw">2022 年 4 月 8 日</span>报送</p>',
        '</li>',
        '</ul>',
        '<div class="table-scroll" tabindex="0"><table>',
        '<thead>',
        '<tr>',
        '<th>序号</th>',
        '<th>单位</th>',
        '<th>电话</th>',
        '</tr>',
        '</thead>',
        '<tbody>',
        '<tr>',
        '<td class="num">1</td>',
        '<td>县财政局</td>',
        '<td class="num"><a class="nw tel" href="tel:03196128888">0319-6128888</a></td>',
        '</tr>',
        '</tbody>',
        '</table></div>',
        '',
      ].join('\n'),
    );
  });

  test('not a character of the text changes', () => {
    expect(text(html(markdown))).toBe(text(html(markdown, [])));
  });
});

describe('MDX tables the ingest rebuilt (JSX)', () => {
  const mdx = [
    '<div className="table-scroll" tabindex="0">',
    '  <table data-lines="7138-7266">',
    '    <tbody>',
    '      <tr>',
    '        <td>',
    '          2',
    '        </td>',
    '',
    '        <td>',
    '          13930918781',
    '        </td>',
    '',
    '        <td>',
    '          县财政局',
    '        </td>',
    '      </tr>',
    '    </tbody>',
    '  </table>',
    '</div>',
  ].join('\n');
  const code = mdxToJs(mdx, { hastPlugins: [bodyTypography()] as never, features, jsxImportSource: 'astro', elementAttributeNameCase: 'html' }).code;

  test('numeric cells are marked, the phone is a tel: link, the box is not added twice', () => {
    expect(code.match(/className: "num"/g)).toHaveLength(2);
    expect(code).toContain('href: "tel:13930918781"');
    expect(code.match(/table-scroll/g)).toHaveLength(1);
  });
});
