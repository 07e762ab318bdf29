// The gazette's identity is data (seeds/gazette.yaml): a mistake in it is a problem with that
// file's line and what to write, listed before anything is read or written.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteConfig, parseGazetteConfig } from '../../schemas/gazette-config.ts';
import { formatProblem } from '../../scripts/ingest/run.ts';
import { ingestDir, newSeedsDir, root } from '../helpers.ts';

const good = readFileSync(join(root, 'seeds/gazette.yaml'), 'utf8');
const problemsOf = (text: string) => parseGazetteConfig(text, 'seeds/gazette.yaml').problems.map(formatProblem);

describe('seeds/gazette.yaml', () => {
  it('the real one is valid', () => {
    expect(loadGazetteConfig(join(root, 'seeds')).problems).toEqual([]);
  });

  it('a missing value, a misspelt key, a space in a name and two categories with one label are each named with their line', () => {
    const text = good
      .replace('  short: 县                      # 县政府, 县公安局: how the county\'s own texts name its bodies\n', '')
      .replace('  publisher: 威县人民政府', '  publisher: 威县 人民政府\n  pubisher: x')
      .replace('label: 乡镇', 'label: 县直部门');
    expect(text).not.toBe(good);
    expect(problemsOf(text)).toEqual([
      'seeds/gazette.yaml:6: gazette.publisher: expected Chinese characters only, without spaces',
      'seeds/gazette.yaml:5: gazette: expected none of “pubisher” here: a misspelt key? (allowed keys are in the schema\'s comments)',
      'seeds/gazette.yaml:9: place.short: expected this to be given (string), found nothing',
      'seeds/gazette.yaml:17: categories: expected a different label for each category',
    ]);
  });

  it('broken YAML is named with its line', () => {
    expect(problemsOf('gazette:\n  name: [威县\n')).toEqual([expect.stringMatching(/^seeds\/gazette\.yaml:[23]: expected valid YAML: /)]);
  });

  it('a misspelt key stops the ingest with the file, the line and what was expected', () => {
    const dir = newSeedsDir();
    writeFileSync(join(dir, 'gazette.yaml'), good.replace(/^gazette:/m, 'gazete:'));
    expect(ingestDir(dir).problems.map(formatProblem)).toEqual([
      'seeds/gazette.yaml:4: gazette: expected this to be given (object), found nothing',
      'seeds/gazette.yaml:4: expected none of “gazete” here: a misspelt key? (allowed keys are in the schema\'s comments)',
    ]);
  });

  it('a seeds folder without it says where the gazette is described', () => {
    const dir = newSeedsDir();
    writeFileSync(join(dir, 'weixian-gazette-2023-01.txt'), '正文。\n');
    rmSync(join(dir, 'gazette.yaml'));
    expect(ingestDir(dir).problems.map(formatProblem)).toEqual([
      'seeds/gazette.yaml:1: expected the gazette\'s config here (its name, place, issuers and categories; see README “Configuring another county”), found no file',
    ]);
  });
});
