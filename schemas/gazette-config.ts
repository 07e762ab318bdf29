// GazetteConfigSchema: the gazette's identity — its name, the place it belongs to, its issuers
// and 机关代字, and how its organizations are grouped — kept as data in `seeds/gazette.yaml`
// beside the issues it describes, never in code. The ingest reads it with `loadGazetteConfig`,
// which reports a bad file as `seeds/gazette.yaml:LINE: …` problems, and copies the validated
// config to content/data/gazette.json, where the site reads it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseYamlWith, type YamlProblem } from './yaml.ts';

const Han = z.string().regex(/^[\u3400-\u9fff]+$/, 'expected Chinese characters only, without spaces');

/** The categories an organization can fall in; each gets its label (and order) from the config. */
export const CATEGORY_KINDS = ['leadership', 'departments', 'townships', 'elsewhere', 'other'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export const GazetteConfigSchema = z.strictObject({
  gazette: z.strictObject({
    /** The title printed in every running header, without 《》: 威县人民政府公报. */
    name: Han,
    /** The body that publishes it (the feed's author). */
    publisher: Han,
  }),
  place: z.strictObject({
    /** The place the gazette belongs to, in full: 威县. */
    name: Han,
    /**
     * How its own texts name it in front of a body: 县 (县政府, 县公安局). A body printed with
     * this (or with the full name) is this place's; one printed with another place's name is not.
     */
    short: Han.max(2),
    /** The places above it, nearest first (邢台市, 河北省): their bodies are never this place's. */
    parents: z.array(Han),
  }),
  /** 发文机关 of this place, with the 机关代字 each uses in its 文号, as printed (威政办字). Their notices keep the plain URL when another 机关代字 sounds the same. */
  issuers: z
    .array(z.strictObject({ name: Han, docPrefixes: z.array(Han).default([]) }))
    .min(1, 'expected at least one issuer (the body that publishes the gazette)'),
  /** Labels of the organization categories, in the order the site lists them. */
  categories: z.strictObject({
    /** The place's leadership and government; `names` are the bodies counted here (县委, 县政府 …). */
    leadership: z.strictObject({ label: Han, names: z.array(Han).min(1) }),
    /** Departments of this place's government (县直部门). */
    departments: z.strictObject({ label: Han }),
    /** Townships (乡镇) of this place. */
    townships: z.strictObject({ label: Han }),
    /** Bodies of other places: higher levels (市, 省, 国务院) and other counties. */
    elsewhere: z.strictObject({ label: Han }),
    /** Companies, banks and anything else. */
    other: z.strictObject({ label: Han }),
  }).refine((c) => new Set(Object.values(c).map((k) => k.label)).size === Object.keys(c).length, 'expected a different label for each category'),
});

export type GazetteConfig = z.infer<typeof GazetteConfigSchema>;

/** Where the config lives: beside the issues it describes. */
export const CONFIG_FILE = 'gazette.yaml';

export type ConfigProblem = YamlProblem;

/**
 * Read and validate `<seedsDir>/gazette.yaml`. `shownAs` is the path used in messages
 * (`seeds/gazette.yaml`), never an absolute one. Every problem carries the line of the value
 * it is about.
 */
export function loadGazetteConfig(seedsDir: string, shownAs = `seeds/${CONFIG_FILE}`): { config?: GazetteConfig; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = readFileSync(join(seedsDir, CONFIG_FILE), 'utf8');
  } catch {
    return {
      problems: [{ file: shownAs, line: 1, message: `expected the gazette's config here (its name, place, issuers and categories; see README “Configuring another county”), found no file` }],
    };
  }
  return parseGazetteConfig(text, shownAs);
}

/** Validate the text of a gazette.yaml; see `loadGazetteConfig`. */
export function parseGazetteConfig(text: string, shownAs: string): { config?: GazetteConfig; problems: ConfigProblem[] } {
  const { value, problems } = parseYamlWith(GazetteConfigSchema, text, shownAs);
  return { config: value, problems };
}
