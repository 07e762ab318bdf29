// Shared by the fixture tests: a case is `input.txt` (seed line number, TAB, text as after
// furniture removal) and `output.json` (what the matcher found), regenerated with UPDATE=1.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripFurniture } from '../../scripts/ingest/strip-furniture.ts';
import type { SourceLine } from '../../scripts/ingest/types.ts';

export function fixtureCases(kind: string): { name: string; dir: string; lines: SourceLine[] }[] {
  const root = join(import.meta.dirname, '..', 'fixtures', kind);
  return readdirSync(root).sort().map((name) => {
    const dir = join(root, name);
    const lines = readFileSync(join(dir, 'input.txt'), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => {
        const tab = l.indexOf('\t');
        return { line: Number(l.slice(0, tab)), text: l.slice(tab + 1), pageStart: false };
      });
    return { name, dir, lines };
  });
}

/** Compare with output.json, or write it when UPDATE=1 (review the diff before committing). */
export function expectedOutput(dir: string, actual: unknown): unknown {
  const file = join(dir, 'output.json');
  if (process.env.UPDATE === '1' || !existsSync(file)) {
    writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    return actual;
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Call a matcher at every index, skipping what it consumed, as the structure step does. */
export function scan<T extends { end: number }>(lines: SourceLine[], match: (l: SourceLine[], i: number) => T | null) {
  const found: (T & { start: number })[] = [];
  for (let i = 0; i < lines.length; ) {
    const m = match(lines, i);
    if (m) {
      found.push({ start: i, ...m });
      i = m.end;
    } else i++;
  }
  return found;
}

export const seedLines = (): SourceLine[] =>
  stripFurniture(
    readFileSync(join(import.meta.dirname, '..', '..', 'seeds', 'weixian-gazette-2022-02.txt'), 'utf8').split(/\r?\n/),
  ).lines;

/** Non-whitespace characters, for the no-loss invariants. */
export const ink = (texts: string[]): string => texts.join('').replace(/\s+/g, '');
