// Organization names: the reviewed alias table (data/organization-aliases.json) and the rules
// that read an organization out of a post (`县司法局局长`), a task list (`责任单位：…`) or a
// table cell. Every printed form resolves to one canonical name; a name the table does not know
// is kept as printed, so nothing is merged without review.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { EvidenceSchema, OrganizationCategorySchema } from '../../../schemas/entities.ts';
import type { GazetteConfig } from '../../../schemas/gazette-config.ts';
import { Place } from './place.ts';

export const AliasTableSchema = z.object({
  /** The place whose bodies the table names (威县): it applies to that place's gazette only. */
  place: z.string().min(1),
  organizations: z.array(
    z.object({
      name: z.string(),
      aliases: z.array(z.string()),
      /** One of the category labels of the gazette's config (seeds/gazette.yaml `categories`). */
      category: OrganizationCategorySchema,
      merges: z.array(z.object({ aliases: z.array(z.string()), evidence: z.string(), sources: z.array(EvidenceSchema) })),
    }),
  ),
});
export type AliasTable = z.infer<typeof AliasTableSchema>;
export type Category = string;

export const ALIAS_FILE = join(import.meta.dirname, '..', '..', '..', 'data', 'organization-aliases.json');

/** A problem with the alias table, at a line of its file (shown relative to the project). */
export interface AliasProblem {
  file: string;
  line: number;
  message: string;
}

/**
 * The reviewed alias table, validated against the gazette's config: every category must be one
 * of the config's labels. A table written for another place (its `place` is not the config's) is
 * not applied — its merges and categories say nothing about this place's bodies. Every problem is
 * reported with its line: `data/organization-aliases.json:12: 县委组织部: expected a category …`.
 */
export function readAliasTable(config: GazetteConfig, file = ALIAS_FILE): { table?: AliasTable; problems: AliasProblem[] } {
  const shown = relative(join(import.meta.dirname, '..', '..', '..'), file) || file;
  const problem = (line: number, message: string): AliasProblem => ({ file: shown, line, message });
  let text: string;
  let data: unknown;
  try {
    text = readFileSync(file, 'utf8');
    data = JSON.parse(text);
  } catch (error) {
    return { problems: [problem(1, `expected the reviewed alias table as JSON: ${error instanceof Error ? error.message : error}`)] };
  }
  const lineOfEntry = (k: number) => {
    const name = (data as { organizations?: { name?: unknown }[] }).organizations?.[k]?.name;
    const at = typeof name === 'string' ? text.search(new RegExp(`"name"\\s*:\\s*${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)) : -1;
    return at < 0 ? 1 : text.slice(0, at).split('\n').length;
  };
  const parsed = AliasTableSchema.safeParse(data);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const k = issue.path[0] === 'organizations' && typeof issue.path[1] === 'number' ? issue.path[1] : -1;
        return problem(k >= 0 ? lineOfEntry(k) : 1, `${issue.path.join('.')}: ${issue.message}`);
      }),
    };
  }
  const table = parsed.data;
  if (table.place !== config.place.name) return { table: { place: table.place, organizations: [] }, problems: [] };
  const labels = new Place(config).order;
  const problems = table.organizations.flatMap((o, k) =>
    labels.includes(o.category) ? [] : [problem(lineOfEntry(k), `${o.name}: expected a category label of gazette.yaml (${labels.join('、')}), found “${o.category}”`)],
  );
  return problems.length > 0 ? { problems } : { table, problems };
}

/** The alias table for `config` (see readAliasTable); throws its problems, one `file:line: message` per line. */
export function loadAliasTable(config: GazetteConfig, file = ALIAS_FILE): AliasTable {
  const { table, problems } = readAliasTable(config, file);
  if (!table) throw new Error(problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  return table;
}

// A unit name ends in one of these; used only for names the table does not know.
const UNIT = '(?:分公司|有限公司|公司|办事处|支行|管委会|委员会|办公室|办公厅|中心|大队|中队|分局|局|厅|部|办|站|社|台|院|联)';
const UNIT_NAME = new RegExp(`^[\\u3400-\\u9fff]{1,24}?${UNIT}`);
// A body named whole (an issuer, a 主送机关): a unit, or a government or party committee.
const BODY_NAME = new RegExp(`^[\\u3400-\\u9fff]{2,30}(?:${UNIT.slice(3, -1)}|人民政府|政府|党委|委)$`);

export class OrgResolver {
  /** Printed form → canonical name. */
  readonly canonical = new Map<string, string>();
  readonly category = new Map<string, Category>();
  /** The gazette's place: whose a body is, and the category rules. */
  readonly place: Place;
  /** Forms longest first, for scanning text. */
  private forms: string[] = [];
  // Words that make a list item a class of bodies, not one body: 各乡镇, 相关乡镇政府, 县直有关部门.
  private readonly generic: RegExp;
  // Posts that name no organization but belong to the place's government: 副县长, 政府县长, 县政府副县长.
  private readonly governmentPost: RegExp;
  // A party post (县委副书记, 县委常委, 镇党委书记, 党组书记): printed first in a combined title.
  private readonly partyPost: RegExp;

  constructor(table: AliasTable, config: GazetteConfig) {
    this.place = new Place(config);
    const s = this.place.short;
    this.generic = new RegExp(`^(各|相关|有关|${s}直|${s}有关|${s}政府有关|${s}各|其他)|(有关部门|相关部门|成员单位|职能部门|部门)$`);
    this.governmentPost = new RegExp(`^(${s}?政府)?(常务)?副?${s}长$`);
    this.partyPost = new RegExp(`^(中共)?(${s}委|[\\u3400-\\u9fff]*(党委|党组|党工委|纪委))`);
    for (const o of table.organizations) {
      this.category.set(o.name, o.category);
      for (const form of [o.name, ...o.aliases]) {
        if (this.canonical.has(form) && this.canonical.get(form) !== o.name) throw new Error(`organization-aliases.json: ${form} is listed under ${this.canonical.get(form)} and ${o.name}`);
        this.canonical.set(form, o.name);
      }
    }
    for (const name of this.canonical.keys()) this.place.learn(name);
    this.sortForms();
  }

  private sortForms(): void {
    this.forms = [...this.canonical.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  }

  /** The canonical name of a printed form; a body of this place printed without its short form (公安局) also counts. */
  resolve(form: string): string | undefined {
    return this.canonical.get(form) ?? this.canonical.get(`${this.place.short}${form}`);
  }

  /** The longest known form at the start of `text` (also with the short form prefixed), as [canonical, printed length]. */
  prefix(text: string): [string, number] | undefined {
    const s = this.place.short;
    for (const form of this.forms) {
      if (text.startsWith(form)) return [this.canonical.get(form)!, form.length];
      if (form.startsWith(s) && form.length > s.length + 1 && text.startsWith(form.slice(s.length))) return [this.canonical.get(form)!, form.length - s.length];
    }
    return undefined;
  }

  /** The place's government: what a 县长 post belongs to (县政府 in the table, else the publisher). */
  government(): string {
    return this.resolve(`${this.place.short}政府`) ?? this.resolve(this.place.publisher) ?? this.register(this.place.publisher);
  }

  /** A body named whole — an issuer, a 主送机关 — as its canonical name; undefined for a class of bodies. */
  body(name: string): string | undefined {
    const text = name.trim();
    if (!text || this.generic.test(text)) return undefined;
    return this.resolve(text) ?? (BODY_NAME.test(text) ? this.register(text) : undefined);
  }

  /** Register a body the table does not know, under its printed name, with a rule-made category. */
  register(name: string): string {
    if (!this.canonical.has(name)) {
      this.canonical.set(name, name);
      this.category.set(name, this.place.categoryOf(name));
      this.place.learn(name);
      this.sortForms();
    }
    return this.canonical.get(name)!;
  }

  /** One 责任单位 item (`县商务局按职责分工负责`, `招商选资服务中心`) → canonical name, or undefined for a class of bodies. */
  listItem(item: string): string | undefined {
    const text = item.trim().replace(/等.*$/, '');
    if (!text || this.generic.test(text)) return undefined;
    const known = this.prefix(text);
    if (known) return known[0];
    return new RegExp(`^[\\u3400-\\u9fff]{2,24}${UNIT}$`).test(text) ? this.register(text) : undefined;
  }

  /** The organization of each post in a title: `县政府副县长、公安局局长` → [the place's government, 县公安局]. */
  postOrgs(title: string): string[] {
    const orgs: string[] = [];
    for (const post of title.replace(/（[^）]*）/g, '').split('、')) {
      const known = this.prefix(post);
      if (known) orgs.push(known[0]);
      else if (this.governmentPost.test(post)) orgs.push(this.government());
      else {
        // The unit after another place's name (邢台市|教育局副局长: never 邢台 read as a 台).
        const lead = this.place.otherPlaceLength(post);
        const found = UNIT_NAME.exec(post.slice(lead));
        const unit = found && post.slice(0, lead + found[0].length);
        // A group named in a post (县城区防汛抗旱指挥部指挥长) is not an organization.
        if (unit && unit.length < post.length && !this.generic.test(unit) && !/指挥部$|领导小组$/.test(unit)) orgs.push(this.register(unit));
      }
    }
    return [...new Set(orgs)];
  }

  /**
   * The organization of the post a person holds in a notice's lists: a combined title prints the
   * party post first and the post of the body the person works for after it (`县委副书记、政府县长`
   * is the head of the county government, not of 县委), so the first post that is not a party post
   * gives it; a title of party posts only gives its first.
   */
  postOrg(title: string): string | undefined {
    const posts = title.replace(/（[^）]*）/g, '').split('、');
    const first = posts.find((post) => !this.partyPost.test(post) && this.postOrgs(post).length > 0);
    return this.postOrgs(first ?? title)[0];
  }

  /**
   * Every known form in `text`, longest first and never overlapping, with its offset. A form of
   * this place's body printed right after another place's name is not this place's: 市市场监管局
   * is the city's bureau, 兰陵县自然资源和规划局 another county's. When that place is named in
   * full (兰陵县, 邢台市) or by a parent's short form (市), the other body is registered under its
   * printed name and found instead.
   */
  scan(text: string): { name: string; form: string; at: number }[] {
    const found: { name: string; form: string; at: number }[] = [];
    const taken = new Array<boolean>(text.length).fill(false);
    const free = (from: number, to: number) => !taken.slice(from, to).some(Boolean);
    const take = (from: number, to: number) => {
      for (let k = from; k < to; k++) taken[k] = true;
    };
    // The forms as they are now: a body registered while scanning is found by the rule that registered it.
    for (const form of this.forms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
        if (!free(at, at + form.length)) continue;
        const start = this.place.otherBefore(text, at, form);
        if (start !== undefined) {
          const printed = text.slice(start, at + form.length);
          if (!free(start, at + form.length)) continue;
          const name = this.canonical.get(printed) ?? this.register(printed);
          take(start, at + form.length);
          found.push({ name, form: printed, at: start });
          continue;
        }
        take(at, at + form.length);
        found.push({ name: this.canonical.get(form)!, form, at });
      }
    }
    return found.sort((a, b) => a.at - b.at);
  }
}
