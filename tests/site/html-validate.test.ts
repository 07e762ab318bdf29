// Every HTML page of the built dist/ is valid under html-validate's `recommended` rules
// (.htmlvalidate.json, the project's one config: the CLI `npx html-validate dist` reads it too).
// Errors are listed by page and rule, with the element, so a failure says what to fix where.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type Message } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { root } from '../helpers.ts';
import { dist } from './build.ts';

const config = JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8'));
const validator = new HtmlValidate(config);

/** The errors (not warnings) html-validate reports for one document, one line each. */
async function errors(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((r) => r.messages.filter((m: Message) => m.severity === 2).map((m: Message) => `${name}:${m.line}: ${m.ruleId}: ${m.message} (${m.selector ?? ''})`));
}

beforeAll(() => {
  if (!existsSync(join(dist, 'api/notices.json'))) throw new Error('dist/ is missing: run `npm run build` before `npm test`');
});

describe('html-validate (recommended rules)', () => {
  test('finds the faults this site had, so a clean report means something', async () => {
    // One of each fault html-validate found in the site before they were fixed at their source:
    // a heading id from a numbered heading, an aria-label on a list, a search form's empty action.
    const page = (body: string) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
    expect(await errors(page('<main></main>'), 'ok')).toEqual([]);
    expect((await errors(page('<h2 id="1梳理权责清单">1. 梳理权责清单</h2>'), 'id')).join()).toMatch(/valid-id/);
    expect((await errors(page('<ol aria-label="第 1–9 行"><li>x</li></ol>'), 'aria')).join()).toMatch(/aria-label-misuse/);
    expect((await errors(page('<form action="" method="get"><button type="submit">检索</button></form>'), 'form')).join()).toMatch(/attribute-allowed-values/);
  });

  test('reports no error on any page of the build', async () => {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
    // Every kind of page is here: home, issues, notices, browse, entities, references, seeds, search, 404.
    for (const kind of ['index.html', 'notices/', 'people/', 'organizations/', 'groups/', 'references/', 'browse/', 'issues/', 'seeds/', 'search/index.html', '404.html']) {
      expect(pages.some((p) => p.startsWith(kind)), kind).toBe(true);
    }
    const found = (await Promise.all(pages.map((p) => errors(readFileSync(join(dist, p), 'utf8'), p)))).flat();
    expect(found).toEqual([]);
  });
});
