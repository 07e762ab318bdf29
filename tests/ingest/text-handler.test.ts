// The shortcut text and link handlers (scripts/ingest/text-handler.ts) write exactly what
// mdast-util-to-markdown's own handlers write: the same texts, in the places the emitter puts text
// (paragraphs, headings, list items, links, table cells inside JSX), with and without characters
// that need escaping; and links to every kind of destination, at a line's start and within it.
import type { PhrasingContent, Root } from 'mdast';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { expect, test } from 'vitest';
import { link, text } from '../../scripts/ingest/text-handler.ts';

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

const DESTINATIONS = [
  '../../../people/han-chao/',
  '../../../notices/2022/weizheng-16/',
  '../../../citations/%E5%86%80%E6%94%BF/',
  '#h-1',
  'x_y~z',
  '1.',
  '-',
  '../a(b)/',
  '../a&amp;b/',
  '../a b/',
  'http://x.example/',
  'mailto:x@example.org',
  '',
];

/** Links with `label` to `url` where the emitter writes them: alone, at a line's start, between texts, in a cell. */
function linksTree(label: string, url: string, title?: string): Root {
  const a = (): PhrasingContent => ({ type: 'link', url, ...(title === undefined ? {} : { title }), children: [{ type: 'text', value: label }] });
  return {
    type: 'root',
    children: [
      { type: 'paragraph', children: [a()] },
      { type: 'paragraph', children: [{ type: 'text', value: '依据' }, a(), { type: 'text', value: '执行' }, a(), a()] },
      { type: 'paragraph', children: [{ type: 'text', value: '甲\n' }, a(), { type: 'text', value: ':' }] },
      { type: 'heading', depth: 2, children: [a()] },
      { type: 'mdxJsxFlowElement', name: 'td', attributes: [], children: [{ type: 'paragraph', children: [{ type: 'text', value: '（' }, a(), { type: 'text', value: '）' }] }] },
    ],
  };
}

test('the same MDX as to-markdown’s own link handler, for every destination, label and place', () => {
  const labels = ['韩超', '威政办字〔2022〕25号', '冀政办字[2022]9号', 'a]:b', '*强调*', 'http://x.example/', ...TEXTS.slice(0, 8)];
  const options = { extensions: [mdxToMarkdown(), { unsafe: ESM }], bullet: '-' as const, rule: '-' as const, fences: true };
  for (const url of DESTINATIONS) {
    for (const label of labels) {
      for (const title of [undefined, '', '标题']) {
        const own = toMarkdown(linksTree(label, url, title), options);
        const fast = toMarkdown(linksTree(label, url, title), { ...options, handlers: { text, link } });
        expect(fast, `${label} → ${url} (${title})`).toBe(own);
      }
    }
  }
});

test('the link shortcut is taken for the site\'s own paths within a line, and for nothing else', () => {
  const calls: string[] = [];
  const state = {
    createTracker: () => ({ move: (v: string) => v, current: () => ({}) }),
    enter: () => () => {},
    containerPhrasing: (node: { children: { value: string }[] }) => node.children[0]!.value,
  } as never;
  const at = (url: string, before: string, title?: string) => {
    try {
      return link({ type: 'link', url, ...(title ? { title } : {}), children: [{ type: 'text', value: '韩超' }] }, undefined, state, { before, after: '', line: 1, column: 1 } as never);
    } catch {
      calls.push(url);
      return 'own';
    }
  };
  expect(at('../../../people/han-chao/', '依据')).toBe('[韩超](../../../people/han-chao/)');
  // Each of these goes to to-markdown's own handler (which this fake state cannot run).
  expect([at('../a(b)/', '依据'), at('http://x.example/', '依据'), at('../../../people/han-chao/', '\n'), at('../../../people/han-chao/', '依据', '标题')]).toEqual(['own', 'own', 'own', 'own']);
  expect(calls).toEqual(['../a(b)/', 'http://x.example/', '../../../people/han-chao/', '../../../people/han-chao/']);
});
