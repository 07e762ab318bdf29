// A person as one place in one notice names them: the raw material of people, roles and
// memberships. Every extractor below returns these; extract-entities.ts merges them by name.
import { isPersonName } from '../recover-personnel.ts';

export interface Mention {
  name: string;
  notice: string;
  date: string;
  line: number;
  source: 'list' | 'table' | 'text';
  role?: string;
  title?: string;
  /** Canonical organization name of the post. */
  org?: string;
  /** Group key (see groupKey) when the role is in a group. */
  group?: string;
  /** Identity of the personnel list the mention came from, for the one-list conflict flag. */
  list?: string;
}

// Two-character strings that pass the surname test but are words in this corpus's tables
// and lists (房和 is a fragment of 县住房和城乡建设局): never a name on their own.
const NOT_NAMES = new Set(['房和', '方式', '时限', '计划', '明确', '高标', '包联', '安全', '任务', '成员', '常务', '主任', '组长', '各乡镇']);

/** A printed name we accept as a person: 2–4 CJK characters that pass isPersonName. */
export function acceptName(text: string): boolean {
  return /^[\u4e00-\u9fff]{2,4}$/.test(text) && !NOT_NAMES.has(text) && isPersonName(text);
}

/** Normalized group name, to match the list caption and the sentence that set it up: without
 *  the place's name or short form in front (威县…, 县…), quotes and 工作:
 *  威县“政银保”合作管理委员会 = 威县政银保合作管理委员会; 威县…工作领导小组 = 威县…领导小组. */
export function groupKey(name: string, place: { name: string; short: string }): string {
  const bare = name.startsWith(place.name) ? name.slice(place.name.length) : name.startsWith(place.short) ? name.slice(place.short.length) : name;
  return bare.replace(/[“”"《》\s]/g, '').replace(/工作/g, '');
}

/** Kind of a group from its name's ending. */
export function groupKind(name: string): string | undefined {
  return /(领导小组|指挥部|委员会|办公室)$/.exec(name)?.[1];
}
