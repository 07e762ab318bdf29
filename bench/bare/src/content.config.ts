// BARE_CONTENT: the folder of plain MDX notices the benchmark writes.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  notices: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: process.env.BARE_CONTENT ?? './content' }) }),
};
