// The shortcut text handler (scripts/ingest/text-handler.ts) writes exactly what
// mdast-util-to-markdown's own handler writes: the same texts, in the places the emitter puts text
// (paragraphs, headings, list items, links, table cells inside JSX), with and without characters
// that need escaping.
import type { PhrasingContent, Root } from 'mdast';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { expect, test } from 'vitest';
import { text } from '../../scripts/ingest/text-handler.ts';

const TEXTS = [
  '现将有关事项通知如下。',
  '威政办字〔2022〕25号',
  '2022年3月1日',
  '1. 一条',
  '1．全角点',
  'import x from "y"',
  'export const a = 1',
  '正文含{1+1}与<img src=x>以及*星号*和_下划线_还有#井号。',
  '反斜杠\\与\\{',
  '竖线|在文字中',
  '&amp;与&#x69;',
  '    缩进四格',
  '- 列表样',
  '+ 加号',
  '# 井号开头',
  '> 引用样',
  '===',
  'a_b_c',
  '[链接](http://x.example/)',
  '结尾空格  ',
  '甲\n乙',
  '`代码`',
  '~~删除~~',
  '！？：；、（）《》',
];

const ESM = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

/** The same phrasing in every place the emitter writes text. */
function treeOf(value: string): Root {
  const t = (): PhrasingContent[] => [{ type: 'text', value }];
  const between = (): PhrasingContent[] => [{ type: 'text', value }, { type: 'link', url: '../x/', children: [{ type: 'text', value }] }, { type: 'text', value }];
  return {
    type: 'root',
    children: [
      { type: 'paragraph', children: t() },
      { type: 'paragraph', children: between() },
      { type: 'heading', depth: 3, children: t() },
      { type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'strong', children: t() }, ...t()] }] }] },
      { type: 'mdxJsxFlowElement', name: 'td', attributes: [], children: [{ type: 'paragraph', children: t() }] },
    ],
  };
}

test('the same MDX as to-markdown’s own text handler, for every text in every place', () => {
  for (const value of TEXTS) {
    const options = { extensions: [mdxToMarkdown(), { unsafe: ESM }], bullet: '-' as const, rule: '-' as const, fences: true };
    const own = toMarkdown(treeOf(value), options);
    const fast = toMarkdown(treeOf(value), { ...options, handlers: { text } });
    expect(fast, value).toBe(own);
  }
});

test('the shortcut is taken only for text with no character an escaping rule is about', () => {
  // With no unsafe patterns but the backslash's, Chinese text is returned as it is, and a
  // backslash still goes through `safe`.
  const calls: string[] = [];
  const state = { unsafe: [{ character: '*' }], indexStack: [0], safe: (v: string) => (calls.push(v), `safe(${v})`) } as never;
  expect(text({ type: 'text', value: '现将有关事项通知如下。' }, undefined, state, {} as never)).toBe('现将有关事项通知如下。');
  expect(text({ type: 'text', value: '星*号' }, undefined, state, {} as never)).toBe('safe(星*号)');
  expect(text({ type: 'text', value: '反\\斜' }, undefined, state, {} as never)).toBe('safe(反\\斜)');
  expect(calls).toEqual(['星*号', '反\\斜']);
});
