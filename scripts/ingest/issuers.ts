// 发文机关 lines: a line that is nothing but the name of one body (威县人民政府, 中共威县县委办公室,
// 威县防汛抗旱指挥部, 邢台市教育局), or of several bodies issuing jointly, separated by spaces.
// Any body of a party committee, people's congress (or one of its sessions: …第一次会议),
// government, office, department or coordinating body counts; a name is recognized by how Chinese organ names end, never by a list.
import { foldForMatching } from './fold.ts';

/** How organ names end, longest first where one ends another. */
const ORGAN_END = [
  '人民代表大会常务委员会', '人民政府', '政府', '办公室', '办公厅', '常务委员会', '委员会', '常委会', '人大',
  '政协', '党委', '党组', '工委', '纪委', '监委', '县委', '市委', '省委', '区委', '州委', '旗委', '盟委',
  '指挥部', '领导小组', '工作小组', '小组', '工作组', '联席会议', '会议', '大会', '局', '厅', '委', '办', '署', '院', '所',
  '中心', '公司', '集团', '站', '队', '处', '会', '社', '庭',
];
const NAME = new RegExp(`^[\\u3400-\\u9fff]{1,40}?(?:${ORGAN_END.join('|')})$`);
/** Words that make a line a title, a heading or a sentence, never a name. */
const NOT_A_NAME = /关于|印发|转发|批转|[，。；：、！？“”《》]/;
/** A name that says whose it is: 中共…, 中国共产党…, or a place (威县…, 邢台市…, 河北省…). */
const FULL_NAME = /^(?:中共|中国共产党|[\u3400-\u9fff]{1,8}?(?:省|市|县|区|旗|州|盟|自治州|自治县))/;

/** The last characters organ names end in (folded): most lines are ruled out by this alone. */
const LAST = new Set(ORGAN_END.map((e) => e.at(-1)!));

/** The bodies a line names (one, or several issuing jointly), or undefined. */
export function issuerNames(text: string): string[] | undefined {
  const trimmed = text.trimEnd();
  if (!LAST.has(foldForMatching(trimmed.at(-1) ?? ''))) return undefined;
  const names = trimmed.trim().split(/[\s\u3000]+/).filter(Boolean);
  if (names.length === 0) return undefined;
  // A padded name (`威 县 人 民 政 府`) is one name: join single characters.
  const joined = names.every((n) => n.length === 1) ? [names.join('')] : names;
  for (const name of joined) {
    const folded = foldForMatching(name);
    if (NOT_A_NAME.test(folded) || !NAME.test(folded)) return undefined;
  }
  return joined;
}

/** A 署名 line: the issuer's name, perhaps marked as sealed (`…办公室（代章）`). */
export function signatureNames(text: string): string[] | undefined {
  return issuerNames(text.replace(/[（(](?:代章|盖章|印章|章)[）)]\s*$/, ''));
}

/** Is each name a full one (with its party or place), as a second issuer line above must be? */
export function fullIssuerNames(names: string[]): boolean {
  return names.every((n) => FULL_NAME.test(foldForMatching(n)));
}
