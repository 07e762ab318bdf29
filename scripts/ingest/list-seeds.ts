// Which files in seeds/ are gazette issues. Every `*.txt` (lower case) is one, read in name order;
// `gazette.yaml` and `<issue>.corrections.yaml` belong beside them. Anything else is not read —
// and says so: a file named `X.TXT` is a problem (it looks like an issue the build would
// silently leave out), other files are listed as skipped with the reason, for the caller to
// print as notes. A folder without any issue is a problem too.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './types.ts';

export interface SkippedFile {
  /** As shown to users: `seeds/notes.md`, `seeds/old/` for a folder. */
  file: string;
  reason: string;
}

export interface SeedList {
  /** File names (not paths) of the issues to read, sorted. */
  seeds: string[];
  problems: Problem[];
  skipped: SkippedFile[];
}

const COMPANIONS = /^(gazette\.yaml|.+\.corrections\.yaml)$/;

/**
 * `seedsDir` is where to look; `shownDir` how messages name it (never an absolute path).
 * The companions are not checked here, only recognised: their readers report their problems.
 */
export function listSeeds(seedsDir: string, shownDir = 'seeds'): SeedList {
  const list: SeedList = { seeds: [], problems: [], skipped: [] };
  let names: string[];
  try {
    names = readdirSync(seedsDir).sort();
  } catch {
    list.problems.push({ file: `${shownDir}/`, line: 1, message: `expected a folder ${shownDir}/ holding the gazette issues (*.txt), found none — create it and add an issue's text, then build again` });
    return list;
  }
  const shown = (name: string) => `${shownDir}/${name}`;
  for (const name of names) {
    const kind = kindOf(join(seedsDir, name));
    if (kind === 'folder') {
      list.skipped.push({ file: `${shown(name)}/`, reason: `a folder: only the files directly in ${shownDir}/ are read` });
    } else if (kind === 'missing') {
      list.skipped.push({ file: shown(name), reason: 'a link to a file that does not exist' });
    } else if (name.endsWith('.txt')) {
      list.seeds.push(name);
    } else if (COMPANIONS.test(name)) {
      continue;
    } else if (/\.txt$/i.test(name)) {
      const fixed = `${name.slice(0, -4)}.txt`;
      list.problems.push({ file: shown(name), line: 1, message: `expected the file name to end in .txt (lower case) — rename it to ${fixed}, or it is not read` });
    } else {
      list.skipped.push({ file: shown(name), reason: skipReason(name, shownDir) });
    }
  }
  // A corrections file whose issue is not there corrects nothing: worth a note, not a failure.
  for (const name of names) {
    const issue = /^(.+)\.corrections\.yaml$/.exec(name)?.[1];
    if (issue && !list.seeds.includes(`${issue}.txt`) && kindOf(join(seedsDir, name)) === 'file') {
      list.skipped.push({ file: shown(name), reason: `corrects ${shown(`${issue}.txt`)}, which is not there` });
    }
  }
  list.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (list.seeds.length === 0) {
    list.problems.push({
      file: `${shownDir}/`,
      line: 1,
      message: `expected at least one gazette issue (*.txt) in ${shownDir}/, found none — add an issue's PDF-extracted text as ${shownDir}/<name>-YYYY-NN.txt (UTF-8), then build again`,
    });
  }
  return list;
}

function skipReason(name: string, shownDir: string): string {
  const lower = name.toLowerCase();
  if (/\.txt\.[^.]+$|~$|\.(bak|orig|old|swp|tmp)$/.test(lower)) return 'a backup or temporary copy, not read (only *.txt files are issues)';
  if (lower.endsWith('.pdf')) return 'a PDF, not read: the build reads the text extracted from it, as a .txt file';
  if (lower === 'gazette.yml') return `not read: the gazette's settings are read from ${shownDir}/gazette.yaml`;
  if (lower.endsWith('.corrections.yml')) return `not read: corrections are read from ${name.slice(0, -4)}.yaml`;
  return 'not an issue (only *.txt files are read)';
}

function kindOf(path: string): 'file' | 'folder' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing'; // a dangling symbolic link
  }
}
