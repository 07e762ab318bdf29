// The same text for the bare stack: each notice as an MDX page of plain paragraphs (its title,
// then every recovered block's text), written from an mdast tree so the text stays text.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Root } from 'mdast';
import { blockText } from '../scripts/ingest/built-notice.ts';
import type { BuiltNotice } from '../scripts/ingest/built-notice.ts';

export function writeBareContent(notices: BuiltNotice[], dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const n of notices) {
    const texts = [n.notice.title, ...n.sections.flatMap((s) => [s.title ?? '', ...s.blocks.map(blockText)])].filter(Boolean);
    const tree: Root = { type: 'root', children: texts.map((t) => ({ type: 'paragraph', children: [{ type: 'text', value: t }] })) };
    writeFileSync(join(dir, `${n.notice.id}.mdx`), toMarkdown(tree, { extensions: [mdxToMarkdown()] }));
  }
}
