// People's names and the role labels of personnel lists, as data and rules rather than a list
// typed by hand.
//
// Surnames: the npm package `chinese-surnames` (1,062 surnames, 95 of them compound, MIT) plus
// the reviewed supplement `data/surnames-supplement.json` (what the package lacks, each entry with
// its reason and source). Two ways of asking:
//
// - `looksLikeName` — the layout already says "a name stands here" (the slot after a role label in
//   a personnel list, a name before its title): any surname of the dataset, any last character
//   (李会, 张书, 王任, 刘理), only post words (县长, 委员) and organization names (公安局) refused;
// - `isCommonName` — no layout around the text (a table cell, a match in running text): only the
//   surnames of the dataset's 百家姓 block (its first entries, 赵 … 司空) and the supplement, and no
//   ending that is the last character of a unit or post (局, 乡, 长, 书, 任 …), so the fragments
//   tables and sentences are made of (第四章, 合计, 建设, 业农, 水务局) are not read as people.
//
// Traditional characters are folded for matching only (OpenCC, Taiwan and Hong Kong standards →
// mainland): 張高麗 is matched as 张高丽, and stays 張高麗 wherever it is printed.
import surnameData from 'chinese-surnames/index.json' with { type: 'json' };
import { toSimplified } from './fold.ts';
import supplementData from '../../data/surnames-supplement.json' with { type: 'json' };

interface SupplementEntry {
  surname: string;
  kind: 'missing' | 'common';
  reason: string;
  source: string;
}

const dataset = surnameData as string[];
const supplement = (supplementData as { surnames: SupplementEntry[] }).surnames;

/** The dataset begins with the 百家姓 in its classic order, 赵钱孙李 … 桓公 and the compound
 *  surnames 万俟 … 司空 (440 entries; it files the classic's last compounds, 亓官 … 第五, and every
 *  other surname after them). The test suite checks both ends of the block. */
export const BAIJIAXING_END = dataset.indexOf('司空') + 1;

/** Every surname we accept in a name slot: the dataset and the supplement. */
export const SURNAMES: ReadonlySet<string> = new Set([...dataset, ...supplement.map((e) => e.surname)]);
/** The surnames accepted without a layout: the 百家姓 block and the reviewed supplement. */
export const COMMON_SURNAMES: ReadonlySet<string> = new Set([...dataset.slice(0, BAIJIAXING_END), ...supplement.map((e) => e.surname)]);
const LONGEST_SURNAME = Math.max(...[...SURNAMES].map((s) => s.length));

/** Traditional → simplified, character by character, so positions stay those of the print. */
export const fold = toSimplified;

const CJK_ONLY = /^[\u3400-\u9fff]+$/;

/** The surname `name` starts with (the longest one the data knows), or undefined. A character
 *  counts in its printed and in its folded form (乾 and 干 are both surnames). */
export function surnameOf(name: string, surnames: ReadonlySet<string> = SURNAMES): string | undefined {
  const simple = fold(name);
  for (let n = Math.min(LONGEST_SURNAME, name.length - 1); n >= 1; n--) {
    if (surnames.has(name.slice(0, n)) || surnames.has(simple.slice(0, n))) return name.slice(0, n);
  }
  return undefined;
}

// A post or a role, not a name, even where its first character is a surname (市长, 局长, 书记,
// 委员, 秘书长, 董事长): post words, optionally after the units and ranks they are posts of.
const POST_WORD = new RegExp(
  '^(?:常务|副|总|正|代|第一|执行|秘书|董事|理事|监事|指挥|[县市省区乡镇街局部处科股站所院校队组社行厅司村委办府党团会班家连营大中小])*' +
    '(?:长|主任|书记|委员|成员|组员|科员|干部|经理|主席|领导|同志|负责人|顾问|参谋|政委|专员|助理|秘书|干事|理事|董事|监事|总监|会计|出纳|司机|职员|主管|召集人|联络员|调研员|巡视员)$|^常务$',
);
// Organizations end so (公安局, 常屯乡, 县委); a name of three or more characters never does.
const ORGANIZATION_END = /[局厅处股室站所队院部办委乡镇村县区省市]$/;
// Without a layout, also the endings of posts and of the words a table or sentence is made of.
const UNIT_OR_POST_END = /[局部办委会室站所队院校厅处科股组乡镇村县市区省长员任记书理事]$/;

function nameShape(name: string, surnames: ReadonlySet<string>): boolean {
  if (!CJK_ONLY.test(name) || name.length < 2) return false;
  const surname = surnameOf(name, surnames);
  if (!surname) return false;
  const given = name.length - surname.length;
  // One or two characters of given name; a four-character name needs a compound surname.
  // 第四章, 第一组: an ordinal, whatever surname 第 may be.
  return given >= 1 && given <= 2 && !POST_WORD.test(fold(name)) && !/^第[一二三四五六七八九十百]/.test(name);
}

/** A name where the layout says a name stands: any surname, any last character. */
export function looksLikeName(name: string): boolean {
  return nameShape(name, SURNAMES) && !(name.length >= 3 && ORGANIZATION_END.test(fold(name)));
}

/** A name with no layout to vouch for it (a table cell, running text): the common surnames, and
 *  no ending a unit, post or common word has. */
export function isCommonName(name: string): boolean {
  return nameShape(name, COMMON_SURNAMES) && !UNIT_OR_POST_END.test(fold(name));
}

// A role label names a person's place in a group: it ends in a word for a person — 组长, 指挥长,
// 总指挥, 主任, 召集人, 秘书长, 委员, 成员, 顾问, 联络员, 主任委员, 办公室主任, 书记, 主席, 政委,
// 领导, 总监, 理事, 总经理 … — not in what a field holds (主要职责, 联系电话, 地址, 成员单位,
// 完成时限). Whether it opens a list is decided by what follows it: names (recover-personnel.ts).
const ROLE_END = /(?:长|员|任|人|问|挥|席|记|导|委|监|事|师|官|书|理|督)$/;

/** Is `label` (spaces removed, without its colon) a role in a personnel list? */
export function isRoleLabel(label: string): boolean {
  const simple = fold(label);
  return CJK_ONLY.test(simple) && simple.length >= 2 && simple.length <= 8 && ROLE_END.test(simple);
}
