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
]);

export const CorrectionsSchema = z.strictObject({
  corrections: z.array(CorrectionSchema),
});

export type Correction = z.infer<typeof CorrectionSchema>;

/** `seeds/x.txt` → `seeds/x.corrections.yaml`. */
export function correctionsFileOf(seedFile: string): string {
  return seedFile.replace(/\.txt$/, '.corrections.yaml');
}

export function parseCorrections(text: string, shownAs: string): { corrections?: Correction[]; problems: YamlProblem[] } {
  const { value, problems } = parseYamlWith(CorrectionsSchema, text, shownAs);
  return { corrections: value?.corrections, problems };
}
