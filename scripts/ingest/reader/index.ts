// Reading one gazette issue is a unified pipeline: a parser and one plugin per step, each in its
// own file under ./plugins/, building one tree (./types.ts) and reporting every problem as a
// vfile message on its seed line.
//
//   parse-seed   bytes → lines (UTF-8, or a problem naming the encoding)
//   furniture    running headers, page numbers, blank lines out; the 公报期号
//   corrections  the archivist's corrections file, validated
//   split        notices from their headers; every 文号 line heads one, or is a problem
//   header       发文机关, 标题, 文号, 成文日期, 主送机关, 文种
//   sections     covering text, the document issued, each 附件
//   blocks       headings, paragraphs, personnel lists, tables → mdast blocks
//   corrected-blocks  the archivist's names on a list line, a kept table's columns
//   frontmatter  the validated record of each notice
//   no-loss      every character of the source on the page, in order
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Gazette } from '../../../schemas/notice.ts';
import type { PlacedCorrection } from '../../../schemas/corrections.ts';
import type { BuiltNotice } from '../built-notice.ts';
import type { Problem } from '../types.ts';
import { blocks } from './plugins/blocks.ts';
import { correctedBlocks } from './plugins/corrected-blocks.ts';
import { corrections } from './plugins/corrections.ts';
import { frontmatter } from './plugins/frontmatter.ts';
import { furniture } from './plugins/furniture.ts';
import { header } from './plugins/header.ts';
import { noLoss } from './plugins/no-loss.ts';
import { parseSeed } from './plugins/parse-seed.ts';
import { sections } from './plugins/sections.ts';
import { split } from './plugins/split.ts';
import { problemsOf } from './report.ts';
import { builtNotice, type IssueTree, type ReaderOptions } from './types.ts';

export type { ReaderOptions } from './types.ts';

/** The processor that reads one issue; `runSync` it on the tree its parser makes. */
export function gazetteReader(options: ReaderOptions) {
  return unified()
    .use(parseSeed)
    .use(furniture, options)
    .use(corrections, options)
    .use(split)
    .use(header)
    .use(sections)
    .use(blocks, options)
    .use(correctedBlocks)
    .use(frontmatter)
    .use(noLoss);
}

export interface IssueReading {
  problems: Problem[];
  notices: BuiltNotice[];
  gazette?: Gazette;
  corrections: PlacedCorrection[];
  tree: IssueTree;
}

/** One issue, `file` as shown to users (`seeds/x.txt`): its notices and every problem found. */
export function readIssue(file: string, bytes: Uint8Array, options: ReaderOptions): IssueReading {
  const vfile = new VFile({ path: file, value: bytes });
  const processor = gazetteReader(options);
  const tree = processor.runSync(processor.parse(vfile), vfile) as unknown as IssueTree;
  const notices = tree.children.map((n) => builtNotice(tree, n)).filter((n): n is BuiltNotice => n !== undefined);
  return { problems: problemsOf(vfile), notices, gazette: tree.data.gazette, corrections: tree.data.corrections, tree };
}
