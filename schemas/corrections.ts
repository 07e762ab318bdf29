// CorrectionsSchema: what an archivist corrects in the reading of one gazette issue, kept in
// `seeds/<issue>.corrections.yaml` beside the seed — never in the seed, which is the record,
// and never in code. Every correction names the seed line it is about and says why; the ingest
// applies it, lists it in the review report, and reports one that no longer applies.
import { z } from 'zod';
import { parseYamlWith, type YamlProblem } from './yaml.ts';

const Line = z.number().int().min(1, 'expected a seed line number (1 or more)');
const Why = z.string().min(1, 'expected a reason, for the next archivist');

export const CorrectionSchema = z.discriminatedUnion('kind', [
  /** A line that opens with a 文号 (or reads like a header) but is body text. */
  z.strictObject({ kind: z.literal('not-a-header'), line: Line, why: Why }),
  /** A notice starts at this line (its 发文机关 line, or its title when the issuer is in it) that the reader did not see. */
  z.strictObject({ kind: z.literal('notice-starts'), line: Line, why: Why }),
  /**
   * The people a line of a personnel list names, in printed order, when the reader split them
   * wrongly (`欧阳明月` read as 欧阳明; two names glued to a title). Each must be printed on the
   * line; what follows a name up to the next one is that person's title.
   */
  z.strictObject({
    kind: z.literal('names'),
    line: Line,
    names: z.array(z.string().regex(/^[\u3400-\u9fff·]{2,6}$/, 'expected a name of 2–6 Chinese characters')).min(1),
    /** Their role, for a line that prints no role label (a list the reader did not see as one). */
    role: z.string().regex(/^[\u3400-\u9fff]{1,8}$/, 'expected a role such as 成员 or 副组长').optional(),
    why: Why,
  }),
  /** Lines the reader took for a personnel list that are not one: they become paragraphs. */
  z.strictObject({ kind: z.literal('not-a-list'), lines: z.tuple([Line, Line]), why: Why }),
  /**
   * A table the reader kept as source lines (its review lists them), rebuilt. With `columns`:
   * the lines from `lines[0]` to `lines[1]` hold one cell each, row after row, the first row
   * being the header (a table whose cells never wrap). With `heads`: the column heads as
   * printed, in order, for a 序号 table whose rows the reader reads from the widths of their
   * lines but whose heads it could group more than one way; and `widths`, each column's printed
   * width in characters (0 where not measured), where the lines alone admit more than one reading.
   * With `heads` and `rows`: a table without a 序号 column, whose rows start where the archivist
   * sees them start — each a seed line (a row whose cells are all printed), or `{ line, at, merged }`:
   * `at` the text the row starts at when the line above it runs into it (`应疫苗`), `merged` the
   * heads of the columns whose cell is merged with the one above (empty in this row). `byHand`:
   * heads of columns whose lines were broken by hand (short centred or letter-spaced lines that
   * need not fill the column); `shortLines`: seed lines that end short of their column's edge.
   */
  z.strictObject({
    kind: z.literal('table'),
    lines: z.tuple([Line, Line]),
    columns: z.number().int().min(2, 'expected at least 2 columns').max(20).optional(),
    heads: z.array(z.string().min(1)).min(2, 'expected at least 2 heads').max(20).optional(),
    widths: z.array(z.number().min(0).max(100)).optional(),
    rows: z
      .array(z.union([Line, z.strictObject({ line: Line, at: z.string().min(1).optional(), merged: z.array(z.string().min(1)).min(1).optional() })]))
      .min(1, 'expected the line each row starts on')
      .optional(),
    byHand: z.array(z.string().min(1)).min(1).optional(),
    shortLines: z.array(Line).min(1).optional(),
    why: Why,
  }),
]);

export const CorrectionsSchema = z.strictObject({
  corrections: z.array(CorrectionSchema),
});

export type Correction = z.infer<typeof CorrectionSchema>;
/** A correction and the line of the corrections file it is written on. */
export type PlacedCorrection = Correction & { at: number };

/** The seed lines a correction is about: [first, last]. */
export function correctionLines(c: Correction): [number, number] {
  return 'lines' in c ? c.lines : [c.line, c.line];
}

/** `seeds/x.txt` → `seeds/x.corrections.yaml`. */
export function correctionsFileOf(seedFile: string): string {
  return seedFile.replace(/\.txt$/, '.corrections.yaml');
}

/** The corrections, each with the line of the corrections file it is written on. */
export function parseCorrections(text: string, shownAs: string): { corrections?: PlacedCorrection[]; problems: YamlProblem[] } {
  const { value, problems, lineOf } = parseYamlWith(CorrectionsSchema, text, shownAs);
  return { corrections: value?.corrections.map((c, k) => ({ ...c, at: lineOf(['corrections', k]) })), problems };
}
