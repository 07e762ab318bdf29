// Step 2: page furniture out — running headers, page numbers, blank lines, page-start spaces
// (../../strip-furniture.ts) — and the 公报期号 read from the running headers, which must name
// this gazette (seeds/gazette.yaml), or from the file name.
import type { VFile } from 'vfile';
import type { Gazette } from '../../../../schemas/notice.ts';
import { stripFurniture, type Furniture } from '../../strip-furniture.ts';
import { report } from '../report.ts';
import type { IssueTree, ReaderOptions } from '../types.ts';

export function furniture(options: ReaderOptions) {
  return (tree: IssueTree, file: VFile): void => {
    if (tree.data.raw.length === 0) return;
    const found = stripFurniture(tree.data.raw);
    tree.data.furniture = found;
    tree.data.lines = found.lines;
    tree.data.gazette = gazetteOf(file, found, options.config.gazette.name);
  };
}

function gazetteOf(file: VFile, furniture: Furniture, name: string): Gazette | undefined {
  const [first, ...rest] = furniture.headers;
  for (const h of furniture.headers) {
    if (h.name !== name) report(file, h.line, `expected the running header to name 《${name}》 (seeds/gazette.yaml), found 《${h.name}》 — is this an issue of another gazette, or is gazette.name in seeds/gazette.yaml wrong?`);
  }
  for (const h of rest) {
    if (h.year !== first.year || h.number !== first.number) report(file, h.line, `expected every running header to name ${first.year} 年第 ${first.number} 号 (as on line ${first.line}), found ${h.year} 年第 ${h.number} 号`);
  }
  if (first) return { year: first.year, number: first.number };
  const named = /(\d{4})-(\d{1,3})\.txt$/.exec(file.path);
  if (named) return { year: Number(named[1]), number: Number(named[2]) };
  report(file, 1, `expected a running header like 《${name}》2022 年第 2 号, or a file name ending in -YYYY-NN.txt, to tell the gazette issue`);
  return undefined;
}
