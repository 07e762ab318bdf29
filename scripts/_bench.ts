import { mdxToJs } from 'satteri';
import { readFileSync, readdirSync } from 'node:fs';
import { bodyTypography } from '../src/integrations/body-typography.ts';
import { headingIds } from '../src/integrations/heading-ids.ts';
const dir = '/tmp/weixian-bench/n100/content/notices';
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).slice(0, Number(process.argv[2] ?? 400));
const srcs = files.map((f) => readFileSync(`${dir}/${f}`, 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
for (const mode of ['none', 'typo', 'none', 'typo']) {
  const t = performance.now(); let bytes = 0;
  for (const src of srcs) {
    const r = await mdxToJs(src, { hastPlugins: mode === 'typo' ? [headingIds(), bodyTypography()] : [headingIds()], jsxImportSource: 'astro', elementAttributeNameCase: 'html', features: { gfm: true, smartPunctuation: false }, optimizeStatic: { component: 'Fragment', prop: 'set:html' } });
    bytes += r.code.length;
  }
  console.log(mode, Math.round(performance.now() - t), 'ms', bytes);
}
