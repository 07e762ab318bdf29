// Reads one notice's blocks in order for people and groups: personnel lists (with the group
// their caption or heading names), the sentences that set a group or its office up, and the
// patterns that name a person in running text. Tables and raw blocks: see read-tables.ts.
import type { BuiltNotice } from '../built-notice.ts';
import type { Block, SourceLine } from '../types.ts';
import { captionGroup, GroupBook } from './groups.ts';
import type { NoticeGroups } from './groups.ts';
import { acceptName } from './mentions.ts';
import type { Mention } from './mentions.ts';
import type { OrgResolver } from './organizations.ts';
import type { Place } from './place.ts';

const GROUP_END = '(?:领导小组|总指挥部|指挥部|委员会)';
const ROLE_AFTER = /任((?:常务)?副?(?:组长|主任|指挥长|总指挥))/;
// `办公室常务副主任由董明善同志兼任`, `办公室副主任由王立晗、安书光…同志兼任`.
const SERVES = /((?:常务)?副?主任)由([^。；由]*?)同志兼任/g;
const CONTACT = /联系人[：:]\s*([\u4e00-\u9fff]{2,4}?)[，,；;）)]/g;

/** The patterns that name the place (威县, its short form 县) in front of a group, a post or a role. */
interface Patterns {
  /** `成立…的威县…领导小组` / `成立威县…领导小组`: the group a sentence sets up. */
  setup: RegExp;
  /** `[X]办公室设在Y` / `[X]下设办公室，设在Y` / `…地点在Y`. */
  office: RegExp;
  /** `县公安局副局长王贵成、` / `公安局长樊彦平同志任组长`: a post, then the name. */
  postName: RegExp;
  /** `牵头县领导：林毅`, and the role it gives. */
  lead: RegExp;
  leadRole: string;
  /** `总路长：高凯英县政府县长`, `县级路长：潘国军县政府副县长`. */
  roadChief: RegExp;
}

const patternsOf = new WeakMap<Place, Patterns>();

function patterns(place: Place): Patterns {
  let p = patternsOf.get(place);
  if (!p) {
    const own = `(?:${place.name}|${place.short})`;
    const s = place.short;
    p = {
      setup: new RegExp(`成立(?:[^。]*?的)?(${own}?[^，。；、由以的任为（(]{2,40}?${GROUP_END})`, 'g'),
      office: new RegExp(`(${own}?[^，。；、由]{0,40}?(?:${GROUP_END}|路长))?(?:下设)?办公室[，、]?(?:设在|地点在)([^，。；,、]+)`),
      postName: new RegExp(`(局长|${s}长|大队长|中队长|主任|书记|部长|经理|政委)([\\u4e00-\\u9fff]{2,3}?)(?=同志|[、，。；）]|任)`, 'g'),
      lead: new RegExp(`牵头${s}领导[：:]\\s*([^；;）)]+)`, 'g'),
      leadRole: `牵头${s}领导`,
      roadChief: new RegExp(`((?:总|${s}级|乡级|村级)路长)[：:]([\\u4e00-\\u9fff]{2,3}?)(?=${s}|政府)([\\u4e00-\\u9fff、]*?)(?=主要职责|$)`, 'g'),
    };
    patternsOf.set(place, p);
  }
  return p;
}

/** The seed line of `needle` inside a block: the source line in its range where the block text's
 *  offset `at` falls (counting non-space characters, which the reflow keeps), or else the first
 *  line that contains it. */
export function lineOf(source: SourceLine[], range: [number, number], needle: string, text?: string, at?: number): number {
  const inRange = linesIn(source, range);
  if (text !== undefined && at !== undefined) {
    // Walk the lines that make up the text (a heading sharing the block's first line is skipped)
    // until the offset's non-space position is passed.
    const ink = inkOf(text);
    const target = inkBefore(text, at);
    let pos = 0;
    for (const l of inRange) {
      const part = lineInk(l);
      if (!ink.startsWith(part, pos)) continue;
      pos += part.length;
      if (pos > target) return l.line;
    }
  }
  const probe = needle.slice(0, 2);
  return (inRange.find((l) => lineInk(l).includes(needle)) ?? inRange.find((l) => l.text.includes(probe)) ?? inRange[0])?.line ?? range[0];
}

/** A source line without its spaces, made once per line (a block's names each walk its lines). */
const lineInks = new WeakMap<SourceLine, string>();
function lineInk(l: SourceLine): string {
  let ink = lineInks.get(l);
  if (ink === undefined) lineInks.set(l, (ink = l.text.replace(/\s+/g, '')));
  return ink;
}

/** How many non-space characters of `text` come before offset `at`: counted once per text (the last one asked for kept). */
let lastCounts: [string, Int32Array] = ['', new Int32Array(1)];
function inkBefore(text: string, at: number): number {
  if (lastCounts[0] !== text) {
    const counts = new Int32Array(text.length + 1);
    for (let k = 0; k < text.length; k++) counts[k + 1] = counts[k]! + (/\s/.test(text[k]!) ? 0 : 1);
    lastCounts = [text, counts];
  }
  return lastCounts[1][at]!;
}

/** A notice's source lines are in seed order: those of a block's range found by bisection, not by
 *  scanning the whole notice for each name in it (a notice of 2,000 lines names hundreds). */
function linesIn(source: SourceLine[], [first, last]: [number, number]): SourceLine[] {
  if (!inOrder(source)) return source.filter((l) => l.line >= first && l.line <= last);
  const from = (line: number) => {
    let lo = 0;
    let hi = source.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (source[mid]!.line < line) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return source.slice(from(first), from(last + 1));
}

const ordered = new WeakMap<SourceLine[], boolean>();
function inOrder(source: SourceLine[]): boolean {
  let known = ordered.get(source);
  if (known === undefined) ordered.set(source, (known = source.every((l, k) => k === 0 || source[k - 1]!.line <= l.line)));
  return known;
}

/** A text without its spaces (the last one asked for kept: the names of one block come together). */
let lastInk: [string, string] = ['', ''];
function inkOf(text: string): string {
  if (lastInk[0] !== text) lastInk = [text, text.replace(/\s+/g, '')];
  return lastInk[1];
}

export function readNotice(built: BuiltNotice, book: GroupBook, orgs: OrgResolver): Mention[] {
  const { notice } = built;
  const ctx: NoticeGroups = { notice: notice.id, date: notice.date, title: notice.title, attached: notice.attachments.map((a) => captionGroup(a)?.name).filter((n): n is string => !!n) };
  const out: Mention[] = [];
  const base = { notice: notice.id, date: notice.date };
  for (const section of built.sections) {
    let heading: string | undefined;
    section.blocks.forEach((block: Block) => {
      if (block.kind === 'heading') heading = block.text;
      if (block.kind === 'personnel') {
        // The group: a heading that names one (28号 一、…领导小组), else the 附件 caption,
        // else the notice title (关于调整威县防汛抗旱指挥部组成人员的通知).
        const named = (heading && captionGroup(heading)) || (section.title && captionGroup(section.title)) || captionGroup(notice.title.replace(/^关于调整|^关于/, '').replace(/(组成人员|成员)?的通知$/, ''));
        const group = named ? book.ensure(named.name, ctx) : undefined;
        for (const m of block.members) {
          const org = orgs.postOrg(m.title);
          out.push({ ...base, name: m.name, line: m.lines[0], source: 'list', role: named?.role ?? m.role, title: m.title || undefined, org, group, list: `${notice.id}:${block.lines[0]}` });
        }
      }
      if (block.kind === 'paragraph' || block.kind === 'heading') out.push(...readText(block.text, block.lines, built.source, ctx, book, orgs));
    });
  }
  return out;
}

function readText(text: string, range: [number, number], source: SourceLine[], ctx: NoticeGroups, book: GroupBook, orgs: OrgResolver): Mention[] {
  const out: Mention[] = [];
  const base = { notice: ctx.notice, date: ctx.date, source: 'text' as const };
  const at = (name: string, offset?: number) => lineOf(source, range, name, text, offset);
  const { setup: SETUP, office: OFFICE, postName: POST_NAME, lead: LEAD, leadRole, roadChief: ROAD_CHIEF } = patterns(orgs.place);
  let main: string | undefined;
  for (const m of text.matchAll(SETUP)) {
    const kind = /(领导小组|指挥部|委员会)$/.exec(m[1])![1];
    // The list in the 附件 is the same group, under its proper name (19号 prints a typo here).
    main ??= book.ensure(ctx.attached.find((n) => n.endsWith(kind)) ?? m[1], ctx);
  }
  // The pattern needs 办公室: most paragraphs have none, and it is slow to fail at every place.
  const office = text.includes('办公室') ? OFFICE.exec(text) : null;
  let officeKey: string | undefined;
  if (office) officeKey = book.office(office[1], ctx, orgs.prefix(office[2])?.[0] ?? orgs.listItem(office[2]));
  const officeAt = office?.index ?? Infinity;
  for (const m of text.matchAll(POST_NAME)) {
    const name = m[2];
    const nameAt = m.index + m[1].length;
    // `副县长任主任`: 任 here means "serves as", not the surname 任.
    if (!acceptName(name) || /^任(常务)?副?(组长|主任|指挥长|总指挥)/.test(text.slice(nameAt))) continue;
    const start = Math.max(...['，', '。', '；', '由', '（'].map((d) => text.lastIndexOf(d, m.index))) + 1;
    const title = text.slice(start, m.index + m[1].length);
    const rest = text.slice(m.index + m[0].length).split(/[。；]/)[0];
    const role = ROLE_AFTER.exec(rest)?.[1];
    const group = role ? (m.index > officeAt ? officeKey : (main ?? ctx.primary)) : undefined;
    out.push({ ...base, name, line: at(name, nameAt), role, title, org: orgs.postOrg(title), group });
  }
  for (const m of text.matchAll(SERVES)) {
    let offset = m.index + m[1].length + 1;
    for (const raw of m[2].split('、')) {
      const name = raw.trim();
      if (acceptName(name)) out.push({ ...base, name, line: at(name, offset), role: m[1], group: officeKey });
      offset += raw.length + 1;
    }
  }
  for (const m of text.matchAll(LEAD)) {
    for (const name of m[1].split('、').map((s) => s.trim())) if (acceptName(name)) out.push({ ...base, name, line: at(name, m.index + m[0].indexOf(name)), role: leadRole });
  }
  for (const m of text.matchAll(CONTACT)) if (acceptName(m[1])) out.push({ ...base, name: m[1], line: at(m[1], m.index + m[0].indexOf(m[1])), role: '联系人' });
  for (const m of text.matchAll(ROAD_CHIEF)) {
    if (acceptName(m[2])) out.push({ ...base, name: m[2], line: at(m[2], m.index + m[1].length + 1), role: m[1], title: m[3], org: orgs.postOrg(m[3]) });
  }
  return out;
}
