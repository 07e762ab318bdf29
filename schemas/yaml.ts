// Reviewed YAML input (the gazette's config, a seed's corrections) read against a zod schema,
// with every problem placed on the line of the value it is about: `seeds/gazette.yaml:7: …`.
// Messages go through a friendly error map, so an archivist reads what to write, not zod's
// internals.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';

export interface YamlProblem {
  file: string;
  line: number;
  message: string;
}

/** Zod's issue → a sentence for the person editing the file. */
function friendly(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type' && value === undefined) return `expected this to be given (${issue.expected}), found nothing`;
  if (issue.code === 'unrecognized_keys') return `expected none of ${issue.keys.map((k) => `“${k}”`).join(', ')} here: a misspelt key? (allowed keys are in the schema's comments)`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, found ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`;
  return issue.message;
}

export interface YamlRead<T> {
  value?: T;
  problems: YamlProblem[];
  /** The line of the value at a path (`['corrections', 2]`), for problems found later. */
  lineOf: (path: PropertyKey[]) => number;
}

export function parseYamlWith<T extends z.ZodType>(schema: T, text: string, shownAs: string): YamlRead<z.infer<T>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const lineOf = (path: PropertyKey[]) => lineAt(nodeAt(doc.contents, path)?.range?.[0]);
  if (doc.errors.length > 0) {
    return { lineOf, problems: doc.errors.map((e) => ({ file: shownAs, line: lineAt(e.pos[0]), message: `expected valid YAML: ${e.message.split('\n')[0]}` })) };
  }
  const data = doc.toJS();
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, problems: [], lineOf };
  return {
    lineOf,
    problems: result.error.issues.map((issue) => {
      const node = nodeAt(doc.contents, issue.path);
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return { file: shownAs, line: lineAt(node?.range?.[0]), message: `${where}${friendly(issue, valueAt(data, issue.path))}` };
    }),
  };
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** The deepest YAML node along `path` (the parent when the key itself is missing). */
function nodeAt(root: unknown, path: PropertyKey[]): YamlNode | undefined {
  let node = root as YamlNode | undefined;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) next = node.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.value;
    else if (isSeq(node)) next = node.items[Number(key)];
    if (!next) return node;
    node = next as YamlNode;
  }
  return node;
}
