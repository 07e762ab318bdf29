// Personnel lists (领导小组 / 指挥部 / 联络员名单): `组 长：高凯英 县委副书记、政府` + `县长`.
// The PDF wrapped each title at the title column's width, so a member can span several lines;
// those lines must be joined back without swallowing the paragraph that follows the list.
import { normalizeTitle } from './parse-header.ts';
import { displayWidth } from './text-width.ts';
import type { Block, Member, SourceLine } from './types.ts';

type Personnel = Extract<Block, { kind: 'personnel' }>;

// Role words a list labels its members with; the label may be padded (`副 指 挥 长：`).
const ROLE = /^(常务)?副?(组长|指挥长|主任)$|^成员$|^联络员$/;
const LABEL = /^([\u3400-\u9fff](?: ?[\u3400-\u9fff]){1,5}) ?([：:]) ?/;
const CJK_CHAR = /^[\u3400-\u9fff]$/;
const TITLE_START = /^[\u3400-\u9fff（(]/;
// A wrapped title never contains these; a paragraph or a `主要职责：` line does.
const SENTENCE_PUNCTUATION = /[。，,；;：:！？]/;
const HEADING = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十百]+[章节条]|附\s*件)/;
// A new notice opens with its issuer (`威县人民政府办公室`) directly followed by its title
// (`关于…的通知`, `印发关于…`); an issuer-like line inside a list or table is not followed so.
const ISSUER = /^[\u3400-\u9fff]*(人民政府|办公室|委员会)$/;

/** Does line i open the next notice? Lists and tables never run across one. */
export function startsNotice(lines: SourceLine[], i: number): boolean {
  return ISSUER.test(lines[i].text) && /^(印发)?关于/.test(lines[i + 1]?.text ?? '');
}
// How far (in ems) a line may end left of the list's right edge and still count as full:
// the PDF breaks before a character that would not fit, and titles are set in a narrow
// column whose right edge moves by an em or two between lines.
const FULL_SLACK = 2;
// A wrapped title line stays inside the title column; allow one em for a closing bracket.
const COLUMN_SLACK = 1;

// Common single-character surnames (百家姓 plus every surname printed in the seed's lists).
const SURNAMES = new Set(
  (
    '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏窦章云苏潘葛' +
    '奚范彭郎鲁韦昌马苗凤花方俞任袁柳鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安乐于时傅皮卞齐康' +
    '伍余元卜顾孟平黄和穆萧尹姚邵汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝' +
    '闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯管卢莫房裘缪干解应' +
    '宗丁宣邓郁单杭洪包诸左石崔吉龚程嵇邢裴陆荣翁荀羊甄曲封储靳段富巫乌焦巴弓牧山谷车侯宓' +
    '蓬全班仰秋仲伊宫宁仇栾暴甘厉戎祖武符刘景詹束龙叶幸司韶黎薄印宿白怀蒲邰从鄂索咸籍赖卓' +
    '蔺屠蒙池乔阴胥苍闻莘党翟谭贡劳姬申扶堵冉宰郦雍桑桂濮牛寿通边扈燕冀浦尚农温别庄晏柴瞿' +
    '阎充慕连茹习艾鱼容向古易慎戈廖庾终居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩' +
    '聂晁勾敖融冷訾辛阚那简饶空曾沙养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公仝付'
  ).split(''),
);
const COMPOUND_SURNAME = /^(欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐)/;
// 2–3 CJK characters is also the shape of 县长, 常屯乡, 水务局: endings of units and posts.
const UNIT_OR_POST_END = /[局部办委会室站所队院校厅处科股组乡镇村县市区省长员任记书理事]$/;

/** Is `name` (padding already removed: `韩超`) a person's name rather than a unit or post? */
export function isPersonName(name: string): boolean {
  if (!/^[\u3400-\u9fff]+$/.test(name)) return false;
  if (name.length === 4) return COMPOUND_SURNAME.test(name);
  if (name.length < 2 || name.length > 3) return false;
  return SURNAMES.has(name[0]) && !UNIT_OR_POST_END.test(name);
}

/** A name as printed on its own (a table cell): `罗向军`, or `张 桐` with its padding. */
export function personNameOf(text: string): string | null {
  const name = /^[\u3400-\u9fff] [\u3400-\u9fff]$/.test(text) ? text.replace(' ', '') : text;
  return isPersonName(name) ? name : null;
}

interface MemberLine {
  role?: string;
  /** The label as printed, whitespace removed: `组长：`. */
  label?: string;
  name: string;
  title: string;
  /** Width of everything before the title: label, name and the gap. */
  titleStart: number;
  titleWidth: number;
}

/** `[label：]name title` — null unless the line names a person followed by a title. */
function parseMemberLine(text: string): MemberLine | null {
  let rest = text;
  let role: string | undefined;
  let label: string | undefined;
  const labelMatch = LABEL.exec(text);
  if (labelMatch) {
    role = labelMatch[1].replace(/ /g, '');
    if (!ROLE.test(role)) return null;
    label = role + labelMatch[2];
    rest = text.slice(labelMatch[0].length);
  }
  const tokens = rest.split(/ +/);
  // `韩 超 县政府办公室主任`: two single characters are one padded 2-character name.
  const padded = tokens.length > 2 && CJK_CHAR.test(tokens[0]) && CJK_CHAR.test(tokens[1]);
  const name = padded ? tokens[0] + tokens[1] : tokens[0];
  const titleTokens = tokens.slice(padded ? 2 : 1);
  if (!isPersonName(name) || titleTokens.length === 0 || !TITLE_START.test(titleTokens[0])) return null;
  const printedTitle = titleTokens.join(' ');
  const titleAt = text.length - printedTitle.length;
  return {
    role,
    label,
    name,
    title: normalizeTitle(printedTitle),
    titleStart: displayWidth(text.slice(0, titleAt)),
    titleWidth: displayWidth(printedTitle),
  };
}

/** Join a wrapped title line: no space, except between two Latin/digit words. */
function joinTitle(title: string, more: string): string {
  const space = /[A-Za-z0-9]$/.test(title) && /^[A-Za-z0-9]/.test(more.trim()) ? ' ' : '';
  return normalizeTitle(title + space + more);
}

/** A list without role labels takes its role from its caption (`…联络员名单`). */
function captionRole(lines: SourceLine[], start: number): string {
  const caption = lines.slice(Math.max(0, start - 2), start).map((l) => l.text).join('');
  return /联络员/.test(caption) ? '联络员' : '成员';
}

export function matchPersonnel(lines: SourceLine[], start: number): { block: Personnel; end: number } | null {
  const first = parseMemberLine(lines[start].text);
  if (!first) return null;
  let role = first.role ?? captionRole(lines, start);
  // Lines after a role label are set right of it, so they start `indent` ems in.
  let indent = 0;
  // The list's right edge: where its first line ends. Lines are compared by right edge,
  // never by raw width, because member lines are indented by the label's width.
  const rightEdge = displayWidth(lines[start].text);
  const members: (Member & { titleStart: number; titleWidth: number })[] = [];
  let previousEdge = 0;
  let i = start;
  for (; i < lines.length; i++) {
    const { text, line } = lines[i];
    const parsed = parseMemberLine(text);
    if (parsed) {
      const lineIndent = parsed.label ? 0 : indent;
      if (parsed.role) role = parsed.role;
      if (parsed.label) indent = displayWidth(text) - displayWidth(text.slice(LABEL.exec(text)![0].length));
      members.push({
        role,
        ...(parsed.label ? { label: parsed.label } : {}),
        name: parsed.name,
        title: parsed.title,
        lines: [line, line],
        titleStart: lineIndent + parsed.titleStart,
        titleWidth: parsed.titleWidth,
      });
      previousEdge = lineIndent + displayWidth(text);
      continue;
    }
    // A line that is not a member line continues the previous member's title only if
    // (1) the previous line ran to the list's right edge — the PDF wrapped it, it did not end;
    // (2) the line fits in that member's title column — wrapped text stays in its column,
    //     while a following paragraph (`县行政执法协调监督工作体系建设`) is as wide as the page;
    // (3) it reads like a title fragment: no sentence punctuation, no heading marker, and not a
    //     new notice's issuer.
    const member = members[members.length - 1];
    const full = previousEdge >= rightEdge - FULL_SLACK;
    const fits = displayWidth(text) <= member.titleWidth + COLUMN_SLACK;
    const fragment =
      !SENTENCE_PUNCTUATION.test(text) && !HEADING.test(text) && !startsNotice(lines, i);
    if (!(full && fits && fragment)) break;
    member.title = joinTitle(member.title, text);
    member.lines[1] = line;
    previousEdge = member.titleStart + displayWidth(text);
  }
  // Without a role label, a single name line is too weak a signal: require a real list.
  if (!first.label && members.length < 3) return null;
  return {
    block: {
      kind: 'personnel',
      members: members.map(({ titleStart, titleWidth, ...m }) => m),
      lines: [lines[start].line, lines[i - 1].line],
    },
    end: i,
  };
}

/** Per member, the text to print: `组长：高凯英 县委副书记、政府县长` or `樊彦平 县政府副县长、公安局局长`. */
export function personnelText(block: Personnel): string[] {
  return block.members.map((m) => `${m.label ?? ''}${m.name}${m.title ? ` ${m.title}` : ''}`);
}
