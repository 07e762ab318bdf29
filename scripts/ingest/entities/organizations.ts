// Organization names: the reviewed alias table (data/organization-aliases.json) and the rules
// that read an organization out of a post (`县司法局局长`), a task list (`责任单位：…`) or a
// table cell. Every printed form resolves to one canonical name; a name the table does not know
// is kept as printed, so nothing is merged without review.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EvidenceSchema, OrganizationCategorySchema } from '../../../schemas/entities.ts';

export const AliasTableSchema = z.object({
  organizations: z.array(
    z.object({
      name: z.string(),
      aliases: z.array(z.string()),
      category: OrganizationCategorySchema,
      merges: z.array(z.object({ aliases: z.array(z.string()), evidence: z.string(), sources: z.array(EvidenceSchema) })),
    }),
  ),
});
export type AliasTable = z.infer<typeof AliasTableSchema>;
export type Category = z.infer<typeof OrganizationCategorySchema>;

export function loadAliasTable(file = join(import.meta.dirname, '..', '..', '..', 'data', 'organization-aliases.json')): AliasTable {
  return AliasTableSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

// A unit name ends in one of these; used only for names the table does not know.
const UNIT = '(?:分公司|有限公司|公司|办事处|支行|管委会|委员会|办公室|中心|大队|中队|分局|局|部|办|站|社|台|院|联)';
const UNIT_NAME = new RegExp(`^[\\u3400-\\u9fff]{1,24}?${UNIT}`);
// Words that make a list item a class of bodies, not one body: 各乡镇, 相关乡镇政府, 县直有关部门.
const GENERIC = /^(各|相关|有关|县直|县有关|县政府有关|县各|其他)|(有关部门|相关部门|成员单位|职能部门|部门)$/;
// Posts that name no organization but belong to the county government / party committee.
const GOVERNMENT_POST = /^(政府)?(常务)?副?县长$/;

export class OrgResolver {
  /** Printed form → canonical name. */
  readonly canonical = new Map<string, string>();
  readonly category = new Map<string, Category>();
  /** Forms longest first, for scanning text. */
  private forms: string[] = [];

  constructor(table: AliasTable) {
    for (const o of table.organizations) {
      this.category.set(o.name, o.category);
      for (const form of [o.name, ...o.aliases]) {
        if (this.canonical.has(form) && this.canonical.get(form) !== o.name) throw new Error(`organization-aliases.json: ${form} is listed under ${this.canonical.get(form)} and ${o.name}`);
        this.canonical.set(form, o.name);
      }
    }
    this.sortForms();
  }

  private sortForms(): void {
    this.forms = [...this.canonical.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  }

  /** The canonical name of a printed form; a county body printed without 县 (公安局) also counts. */
  resolve(form: string): string | undefined {
    return this.canonical.get(form) ?? this.canonical.get(`县${form}`);
  }

  /** The longest known form at the start of `text` (also with 县 prefixed), as [canonical, printed length]. */
  prefix(text: string): [string, number] | undefined {
    for (const form of this.forms) {
      if (text.startsWith(form)) return [this.canonical.get(form)!, form.length];
      if (form.startsWith('县') && form.length > 2 && text.startsWith(form.slice(1))) return [this.canonical.get(form)!, form.length - 1];
    }
    return undefined;
  }

  /** Register a body the table does not know, under its printed name, with a rule-made category. */
  register(name: string): string {
    if (!this.canonical.has(name)) {
      this.canonical.set(name, name);
      this.category.set(name, categoryOf(name));
      this.sortForms();
    }
    return this.canonical.get(name)!;
  }

  /** One 责任单位 item (`县商务局按职责分工负责`, `招商选资服务中心`) → canonical name, or undefined for a class of bodies. */
  listItem(item: string): string | undefined {
    const text = item.trim().replace(/等.*$/, '');
    if (!text || GENERIC.test(text)) return undefined;
    const known = this.prefix(text);
    if (known) return known[0];
    return new RegExp(`^[\\u3400-\\u9fff]{2,24}${UNIT}$`).test(text) ? this.register(text) : undefined;
  }

  /** The organization of each post in a title: `县政府副县长、公安局局长` → [威县人民政府, 县公安局]. */
  postOrgs(title: string): string[] {
    const orgs: string[] = [];
    for (const post of title.replace(/（[^）]*）/g, '').split('、')) {
      const known = this.prefix(post);
      if (known) orgs.push(known[0]);
      else if (GOVERNMENT_POST.test(post)) orgs.push(this.resolve('县政府')!);
      else {
        const unit = UNIT_NAME.exec(post);
        // A group named in a post (县城区防汛抗旱指挥部指挥长) is not an organization.
        if (unit && unit[0].length < post.length && !GENERIC.test(unit[0]) && !/指挥部$|领导小组$/.test(unit[0])) orgs.push(this.register(unit[0]));
      }
    }
    return [...new Set(orgs)];
  }

  /** Every known form in `text`, longest first and never overlapping, with its offset. */
  scan(text: string): { name: string; form: string; at: number }[] {
    const found: { name: string; form: string; at: number }[] = [];
    const taken = new Array<boolean>(text.length).fill(false);
    for (const form of this.forms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
        if (taken.slice(at, at + form.length).some(Boolean)) continue;
        // 市市场监督管理局 is the city's bureau, not the county's 市场监督管理局.
        if (!form.startsWith('县') && !form.startsWith('威县') && text[at - 1] === '市') continue;
        for (let k = at; k < at + form.length; k++) taken[k] = true;
        found.push({ name: this.canonical.get(form)!, form, at });
      }
    }
    return found.sort((a, b) => a.at - b.at);
  }
}

export function categoryOf(name: string): Category {
  if (/^(县委|县政府|威县人民政府|县人大|县政协)$/.test(name)) return '县领导和县政府';
  if (/^[\u3400-\u9fff]{2,4}[镇乡]$/.test(name)) return '乡镇';
  if (/(公司|支行|银行|办事处)$/.test(name)) return '企业与其他';
  // 项目办, 招商选资服务中心: county offices printed without 县.
  return /^(威县|县)/.test(name) || /(局|办|中心|部|站|队)$/.test(name) ? '县直部门' : '企业与其他';
}
