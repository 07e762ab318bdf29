// The reading of an issue as a unified pipeline (scripts/ingest/reader/): one tree, issue →
// notice → section → mdast blocks with their seed lines, and problems as vfile messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { loadGazetteConfig } from '../../schemas/gazette-config.ts';
import { readIssue } from '../../scripts/ingest/reader/index.ts';
import { matchers, root } from '../helpers.ts';

const { config } = loadGazetteConfig(join(root, 'seeds'));
const options = { config: config!, matchers };

describe('readIssue', () => {
  it('builds one tree for the seed: 14 notices, each of sections of mdast blocks placed on their seed lines', () => {
    const bytes = readFileSync(join(root, 'seeds/weixian-gazette-2022-02.txt'));
    const { tree, problems, notices } = readIssue('seeds/weixian-gazette-2022-02.txt', bytes, options);
    expect(problems).toEqual([]);
    expect(tree.type).toBe('issue');
    expect(tree.children).toHaveLength(14);
    const first = tree.children[0];
    // The first notice starts at the seed's first line (its issuer) and its header is read.
    expect(first.position.start.line).toBe(1);
    expect(first.data.header?.docNo).toBe('威政字〔2022〕16号');
    expect(first.children.map((s) => s.data.kind)).toEqual(['cover', 'document', 'attachment', 'attachment']);
    // Blocks are mdast: the covering text opens with the 主送机关 paragraph (seed line 8).
    const [recipients] = first.children[0].children;
    expect(recipients.type).toBe('paragraph');
    expect(recipients.position.start.line).toBe(8);
    expect(toMarkdown(recipients, { extensions: [mdxToMarkdown(), gfmTableToMarkdown()] }).trim()).toBe('各乡、镇人民政府，县政府有关部门：');
    // The personnel list of the 领导小组 (附件 1) is an mdast list.
    const lists = first.children.flatMap((s) => s.children).filter((b) => b.type === 'list');
    expect(lists).toHaveLength(1);
    expect(notices.map((n) => n.notice.id)).toContain('2022-weizhengban-25');
  });

  it('reports problems as messages on their seed line, and drops a notice whose header cannot be read', () => {
    const text = ' 威县人民政府\n\n关于甲事项的通知\n\n威政字〔2023〕5 号 2023 年 2 月 30 日\n\n正文。\n';
    const { problems, notices, tree } = readIssue('seeds/weixian-gazette-2023-01.txt', new TextEncoder().encode(text), options);
    expect(problems).toEqual([{ file: 'seeds/weixian-gazette-2023-01.txt', line: 5, message: 'expected a real calendar date, found 2023 年 2 月 30 日 (2023-2-30 does not exist)' }]);
    expect(tree.children).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('keeps the 署名 and the 成文日期 under it as lines of their own, however short the text', () => {
    const text = ' 威县人民政府\n\n关于某某事项的公告\n\n现将有关事项公告如下。特此公告。\n\n威县人民政府\n\n2023 年 1 月 9 日\n';
    const { problems, notices } = readIssue('seeds/weixian-gazette-2023-01.txt', new TextEncoder().encode(text), options);
    expect(problems).toEqual([]);
    expect(notices[0].sections[0].blocks).toEqual([
      { kind: 'paragraph', text: '现将有关事项公告如下。特此公告。', lines: [5, 5] },
      { kind: 'paragraph', text: '威县人民政府', lines: [7, 7] },
      { kind: 'paragraph', text: '2023年1月9日', lines: [9, 9] },
    ]);
  });
});
