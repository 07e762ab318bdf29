// The bare stack the build benchmark compares with: plain Astro + MDX, one page per notice with
// its text as paragraphs, nothing else. Built with `astro build --root bench/bare`.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
