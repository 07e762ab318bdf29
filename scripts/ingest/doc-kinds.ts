// What a title says the document is. 《党政机关公文处理工作条例》 (2012) names 15 文种; a gazette
// also prints the documents a notice issues or a body adopts (办法, 规定, 方案 …) under their own
// title. Titles are matched folded (traditional → simplified), after any closing qualifiers in
// brackets: …管理办法（试行）, …公告（第 1 号）, …规定（2022 年修订）.
import { foldForMatching } from './fold.ts';

/** The 15 文种 of the 条例, in its order. */
export const DOC_TYPES = ['决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'] as const;

/** Kinds of document a notice issues (印发…办法的通知) or a gazette prints on their own. */
export const ISSUED_KINDS = [
  '办法', '规定', '细则', '方案', '规划', '计划', '条例', '规则', '制度', '标准', '章程', '纲要', '要点',
  '清单', '目录', '预案', '指南', '准则', '守则', '公约', '措施', '决议', '意见',
] as const;

const QUALIFIERS = /(?:[（(][^（()）]{1,20}[）)])+$/;
const TYPE_END = new RegExp(`(?:${[...DOC_TYPES].sort((a, b) => b.length - a.length).join('|')})$`);
const ISSUED_END = new RegExp(`(?:${[...ISSUED_KINDS].join('|')})$`);

export interface TitleKind {
  /** The 文种 (通知, 批复 …) or, for a document printed on its own, its kind (办法, 方案 …). */
  type: string;
  /** True for a 文种 of the 条例, false for an issued document's kind. */
  isDocType: boolean;
}

/** The kind a title ends in, or undefined when it ends in neither a 文种 nor a document kind. */
export function titleKind(title: string): TitleKind | undefined {
  const folded = foldForMatching(title).replace(QUALIFIERS, '');
  const type = TYPE_END.exec(folded)?.[0];
  if (type) return { type, isDocType: true };
  // 命令 as a government prints it: its name and 令 (威县人民政府令), a serial number below.
  if (/(?:政府|委员会|部|局|厅|署|行|院)令$/.test(folded)) return { type: '命令', isDocType: true };
  const issued = ISSUED_END.exec(folded)?.[0];
  return issued ? { type: issued, isDocType: false } : undefined;
}
