// The knowledge base the ingest extracts from the notices: people, organizations, groups
// (领导小组, 指挥部, 办公室 …) with Popolo-style memberships, and citations. Written as JSON under
// content/data/ and read by the site through content collections; one schema per concern.
import { z } from 'zod';
import { CATEGORY_KINDS, type GazetteConfig } from './gazette-config.ts';
import { IsoDateSchema } from './notice.ts';

/** URL-safe id: lowercase pinyin words joined by `-`, e.g. `gao-kaiying`, `xian-sifa-ju`. */
export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase slug like gao-kaiying');

/** Where a fact was read: the notice and the seed line. */
export const EvidenceSchema = z.object({
  notice: z.string(),
  line: z.number().int().min(1),
});

/** One role a person holds, as one notice states it. */
export const RoleSchema = z.object({
  notice: z.string(),
  /** The notice's 成文日期: the role is stated as of this date. */
  date: IsoDateSchema,
  /** Group id when the role is in a group (组长 of 威县防汛抗旱指挥部). */
  group: SlugSchema.optional(),
  /** Role in the group, or in the table/text: 组长, 副指挥长, 成员, 联络员, 主管领导, 联络人, 牵头县领导 … */
  role: z.string().optional(),
  /** Post as printed: 县委副书记、政府县长. */
  title: z.string().optional(),
  /** Organization id of the post (县司法局 for 县司法局局长). */
  organization: SlugSchema.optional(),
  /** How it was found. */
  source: z.enum(['list', 'table', 'text']),
  line: z.number().int().min(1),
});

export const PersonSchema = z.object({
  id: SlugSchema,
  name: z.string().regex(/^[\u4e00-\u9fff]{2,4}$/),
  /** Roles in time order (date, then notice, then line). */
  roles: z.array(RoleSchema),
  /** Every notice whose text names this person, in corpus order. */
  notices: z.array(z.string()),
  /** Honest flags about conflicting data, e.g. two posts at different organizations in one list. */
  flags: z.array(z.object({ message: z.string(), evidence: z.array(EvidenceSchema) })),
});

/**
 * An organization's category: one of the labels of the gazette's config (seeds/gazette.yaml
 * `categories`, e.g. 县直部门). Which labels exist is the config's to say: the ingest checks each
 * record against them (organizationSchemaFor), and the site lists the categories in their order.
 */
export const OrganizationCategorySchema = z.string().regex(/^[\u3400-\u9fff]+$/, 'expected a category label of the gazette config (Chinese characters)');

/** The config's category labels, in the order the site lists them (leadership, departments, townships, elsewhere, other). */
export function categoryOrder(config: Pick<GazetteConfig, 'categories'>): string[] {
  return CATEGORY_KINDS.map((kind) => config.categories[kind].label);
}

export const TaskSchema = z.object({
  notice: z.string(),
  line: z.number().int().min(1),
  /** The task as printed (a heading, table row or sentence) — short. */
  task: z.string(),
  /** 牵头 (leads) or 责任/配合 (shares). */
  lead: z.boolean(),
});

export const OrganizationSchema = z.object({
  id: SlugSchema,
  /** Canonical name: the fullest common form, e.g. 县卫生健康局. */
  name: z.string(),
  /** Every other name it appears under in the corpus (县卫健局 …). */
  aliases: z.array(z.string()),
  category: OrganizationCategorySchema,
  /** Notices that name it (under any alias), in corpus order. */
  notices: z.array(z.string()),
  /** Notices it issued (发文机关). */
  issued: z.array(z.string()),
  tasks: z.array(TaskSchema),
});

/** OrganizationSchema whose category must be one of `config`'s labels. */
export function organizationSchemaFor(config: Pick<GazetteConfig, 'categories'>) {
  const [first, ...rest] = categoryOrder(config);
  return OrganizationSchema.extend({ category: z.enum([first!, ...rest]) });
}

/** Popolo membership: who held which role in which group, from which notice, since when. */
export const MembershipSchema = z.object({
  person_id: SlugSchema,
  /** Organization of the person's post, when known. */
  organization_id: SlugSchema.optional(),
  /** Group id. */
  group: SlugSchema,
  role: z.string(),
  /** Post as printed. */
  post: z.string().optional(),
  notice: z.string(),
  start_date: IsoDateSchema,
  /** Set when a later notice changed the group and this membership is not in it any more. */
  end_date: IsoDateSchema.optional(),
  line: z.number().int().min(1),
});

export const GroupSchema = z.object({
  id: SlugSchema,
  name: z.string(),
  /** 领导小组, 指挥部, 办公室, 委员会 … */
  kind: z.string(),
  /** Organization the group (or its office) is set up in, e.g. 办公室设在县司法局. */
  organization: SlugSchema.optional(),
  /** Notices that set the group up or changed it, in date order. */
  events: z.array(z.object({ notice: z.string(), date: IsoDateSchema, action: z.enum(['成立', '调整', '名单']) })),
  memberships: z.array(MembershipSchema),
});

export const CitationSchema = z.object({
  /** `doc-<slug of the normalized 文号>` or `title-<hash>`. */
  id: SlugSchema,
  kind: z.enum(['docNo', 'title']),
  /** Display text: the normalized 文号, or the title without 《》. */
  label: z.string(),
  /** The id of the notice in the corpus it resolves to, if any. */
  notice: z.string().optional(),
  /** Notices that cite it, with the seed line of each citation. */
  citedBy: z.array(EvidenceSchema),
});

export type Role = z.infer<typeof RoleSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
export type Membership = z.infer<typeof MembershipSchema>;
export type Group = z.infer<typeof GroupSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type Task = z.infer<typeof TaskSchema>;
