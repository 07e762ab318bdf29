// The heap budget of the Astro build (scripts/build.ts starts scripts/astro-build.ts with
// `--max-old-space-size`). Left alone on a 24 GB machine, V8 lets Astro's heap grow to 700 MB at
// 100 issues although what is live stays under 450 MB: it grows the heap rather than collect.
// With a budget it collects sooner — at 100 issues the build's peak fell from 1.65 to 1.55 GB with
// 1,024 MB (1.48 GB with 700), for a fraction of a second of collection. The budget follows the
// content Astro reads (the MDX and content/data/), with room to spare: 16 MiB per MiB of content,
// at least 1,024 MiB — 2.3 times what is live at 100 issues. Should a gazette need more (notices
// far longer than the seed's), V8 stops the build for want of heap, and scripts/build.ts builds
// again without a budget and says so.

/** MiB of heap per MiB of content (MDX and content/data/ together). */
export const HEAP_PER_CONTENT = 16;
/** The smallest budget, in MiB. */
export const MIN_HEAP_MIB = 1024;

/**
 * The heap budget in MiB for an Astro build over `contentBytes` of content, or undefined for none.
 * ASTRO_HEAP_MIB (`env`) sets it instead: a number of MiB, or 0 for no budget; anything else throws.
 */
export function astroHeapMiB(contentBytes: number, env: string | undefined = process.env.ASTRO_HEAP_MIB): number | undefined {
  if (env !== undefined && env !== '') {
    const n = Number(env);
    if (!Number.isInteger(n) || n < 0) throw new Error(`ASTRO_HEAP_MIB=${JSON.stringify(env)}: expected a whole number of MiB for the Astro build's heap (0: no limit)`);
    return n === 0 ? undefined : n;
  }
  return Math.max(MIN_HEAP_MIB, Math.ceil((HEAP_PER_CONTENT * contentBytes) / 2 ** 20));
}

/** Did a process end for want of heap? V8 aborts (SIGABRT; 134 through a shell). */
export function ranOutOfHeap(code: number | null, signal: NodeJS.Signals | null): boolean {
  return signal === 'SIGABRT' || code === 134;
}
