// Groups (领导小组, 指挥部, 委员会 and their 办公室) as notices set them up, list them and change
// them. A group is identified across notices by its normalized name (groupKey), so a later
// 调整 notice updates the same group; applyHistory then ends the memberships it dropped.
import type { Membership } from '../../../schemas/entities.ts';
import { groupKey, groupKind } from './mentions.ts';
import type { Place } from './place.ts';

export type Action = '成立' | '调整' | '名单';

export interface GroupDraft {
  key: string;
  name: string;
  kind: string;
  /** Canonical organization name the group (or office) is set up in. */
  organization?: string;
  events: { notice: string; date: string; action: Action }[];
}

/** What a notice knows about its groups while its blocks are read in order. */
export interface NoticeGroups {
  notice: string;
  date: string;
  title: string;
  /** Group names its 附件 titles announce (威县…领导小组成员名单 → 威县…领导小组). */
  attached: string[];
  /** The first group the notice names: what `领导小组下设办公室` refers to. */
  primary?: string;
}

export class GroupBook {
  readonly groups = new Map<string, GroupDraft>();
  private readonly place: Place;
  /** A parent named only by its kind (县领导小组, 指挥部): the notice's first group is meant. */
  private readonly bareKind: RegExp;

  constructor(place: Place) {
    this.place = place;
    this.bareKind = new RegExp(`^(${place.short})?(领导小组|总指挥部|指挥部|委员会)$`);
  }

  /** The group `name` as `ctx` names it; records the notice's event once. */
  ensure(name: string, ctx: NoticeGroups): string {
    const key = groupKey(name, this.place);
    let g = this.groups.get(key);
    if (!g) {
      g = { key, name, kind: groupKind(name) ?? '领导小组', events: [] };
      this.groups.set(key, g);
    }
    if (!g.events.some((e) => e.notice === ctx.notice)) g.events.push({ notice: ctx.notice, date: ctx.date, action: actionOf(ctx.title, key, this.place) });
    ctx.primary ??= key;
    return key;
  }

  /** The office of a group (`…领导小组下设办公室`), set up in `organization`. */
  office(parent: string | undefined, ctx: NoticeGroups, organization?: string): string {
    const parentName = parent && !this.bareKind.test(parent) ? parent : this.groups.get(ctx.primary ?? '')?.name;
    const key = this.ensure(`${parentName ?? ''}办公室`, ctx);
    const g = this.groups.get(key)!;
    if (organization) g.organization ??= organization;
    return key;
  }
}

/** 调整 when the notice changes this group (关于调整X…的通知), 成立 when it sets it up, else 名单. */
function actionOf(title: string, key: string, place: Place): Action {
  const changed = /调整(.+?)(组成人员|成员)?的通知$/.exec(title);
  if (changed && key.startsWith(groupKey(changed[1], place))) return '调整';
  if (/调整/.test(title)) return '名单';
  return '成立';
}

/** A list caption as a group name: strips `附件 1:` and `成员名单` / `联络员名单` / `名单`. */
export function captionGroup(caption: string): { name: string; role?: string } | undefined {
  const text = caption.replace(/^附件\s*\d*\s*[：:]\s*/, '').replace(/^[一二三四五六七八九十\d]+[、.．]\s*|^[（(][一二三四五六七八九十\d]+[)）]\s*/, '').trim();
  const liaison = /联络员名单$/.test(text);
  const name = text.replace(/(联络员名单|组成人员名单|成员名单|名单)$/, '');
  return groupKind(name) ? { name, ...(liaison ? { role: '联络员' } : {}) } : undefined;
}

/**
 * Memberships of a group over its versions: each notice that lists members is a version; a
 * membership (person and role) that a later version of a 调整 or 名单 event does not repeat
 * ends on that version's date. Memberships of the same notice are one version.
 */
export function applyHistory(memberships: Membership[], events: GroupDraft['events']): Membership[] {
  const listed = [...new Set(memberships.map((m) => m.notice))];
  const order = events.filter((e) => listed.includes(e.notice)).sort((a, b) => a.date.localeCompare(b.date) || a.notice.localeCompare(b.notice));
  // Each version's (person, role) keys and position, computed once: per membership they made
  // this quadratic in a group's history.
  const keys = new Map<string, Set<string>>();
  for (const m of memberships) {
    if (!keys.has(m.notice)) keys.set(m.notice, new Set());
    keys.get(m.notice)!.add(`${m.person_id}|${m.role}`);
  }
  const position = new Map(order.map((e, k) => [e.notice, k]));
  return memberships.map((m) => {
    const at = position.get(m.notice) ?? -1;
    const next = order.slice(at + 1).find((e) => e.date > m.start_date);
    if (!next || keys.get(next.notice)?.has(`${m.person_id}|${m.role}`)) return m;
    return { ...m, end_date: next.date };
  });
}
