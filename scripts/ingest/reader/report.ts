// Problems found while reading are vfile messages placed on their seed line; the ingest prints
// them as `file:line: message`. A message about another file (the seed's corrections file)
// names that file.
import type { VFile } from 'vfile';
import type { Problem } from '../types.ts';

export function report(file: VFile, line: number, message: string, about?: string): void {
  const m = file.message(message, { place: { line: Math.max(1, line), column: 1 } });
  if (about) m.file = about;
}

export function problemsOf(file: VFile): Problem[] {
  return file.messages.map((m) => ({ file: m.file || file.path, line: m.line ?? 1, message: m.reason }));
}
