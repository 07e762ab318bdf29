// NoticeSchema: the frontmatter of one notice MDX file under content/notices/.
// The ingest script validates what it writes with it, and src/content.config.ts validates
// what Astro reads with it, so the two can never drift apart.
import { z } from 'zod';

/** 文号, normalized: `威政办字〔2022〕25号` — full-width 〔〕, no spaces. */
export const DocNoSchema = z
  .string()
  .regex(/^[\u3400-\u9fff]+〔\d{4}〕\d+号$/, 'expected a 文号 like 威政办字〔2022〕25号');

/** An ISO calendar date that exists (2022-02-30 does not). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date like 2022-04-26')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'expected a calendar date that exists');

/** 公报期号: 2022 年第 2 号. */
export const GazetteSchema = z.object({
  year: z.number().int().min(1949).max(2200),
  number: z.number().int().min(1),
});

export const PersonnelMemberSchema = z.object({
  role: z.string().min(1),
  name: z.string().min(2).max(4),
  title: z.string(),
});

export const NoticeSchema = z.object({
  /**
   * Stable id from the 文号 (`2022-weizhengban-25`), or for a notice without one from its 文种,
   * date and a tag of issuer and title (`2022-tonggao-0408-123456`); see scripts/ingest/notice-id.ts.
   */
  id: z.string().regex(/^\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an id like 2022-weizhengban-25'),
  /** 文号; absent when the notice prints none (公告 and 通告 often do not). */
  docNo: DocNoSchema.optional(),
  title: z.string().min(1),
  /** The 文号 and 成文日期 as printed under the title (PDF spaces removed): the page shows this. */
  printed: z.object({
    docNo: z.string().min(1).optional(),
    date: z.string().min(1).optional(),
    /** A 公告/通告's serial number line: `（第34号）`. */
    serial: z.string().min(1).optional(),
    /** A masthead of issuer + 文种 (`…指挥部通告`), printed above the serial and the title. */
    masthead: z.string().min(1).optional(),
    /** The issuer is printed only in the title (`…会议关于…的决议`), not on a line of its own. */
    issuerInTitle: z.literal(true).optional(),
  }),
  /** 发文机关: the first (lead) issuer. */
  issuer: z.string().min(1),
  /** Every 发文机关 in printed order: one, or several for a joint notice. */
  issuers: z.array(z.string().min(1)).min(1),
  /** 成文日期. */
  date: IsoDateSchema,
  /** 文种, read from the end of the title. */
  type: z.string().min(1),
  /** 主送机关, as printed, split at the enumeration commas. */
  recipients: z.array(z.string()),
  /** 附件 titles, in order. */
  attachments: z.array(z.string()),
  gazette: GazetteSchema,
  /** Position of this notice in its gazette issue, 1-based (printed order). */
  order: z.number().int().min(1),
  /** Where the text came from: seed file and inclusive line range. */
  source: z.object({
    file: z.string().regex(/^seeds\/[^/]+\.txt$/),
    lines: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    /** The printed page of the gazette the notice starts on (scripts/ingest/printed-pages.ts);
     *  absent when the seed prints no page number to count from. */
    page: z.number().int().min(1).optional(),
  }),
  /** People named in personnel lists, with their role in the group. */
  personnel: z.array(PersonnelMemberSchema),
});

export type Notice = z.infer<typeof NoticeSchema>;
export type Gazette = z.infer<typeof GazetteSchema>;
