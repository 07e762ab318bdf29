// `astro build` for scripts/build.ts, at log level `warn`: Astro's info log is a line per page and
// per build phase (400 lines for one issue), and the build prints its own summary instead. The
// CLI can only be `--silent` (which would hide warnings and errors too) or `--verbose`, so the
// log level is set through Astro's JavaScript API. Flags: `--silent`, `--verbose` (every page, as
// `astro build` prints them), `--force` (clears the content layer cache).
import type { AstroInlineConfig } from 'astro';

// Rolldown (Vite's bundler, native) allocates with mimalloc, which by default backs its arenas with
// transparent huge pages: at 100 issues ~900 MB of 2 MB pages stayed resident after the bundle,
// through the whole render (peak RSS 1.9 GB). Without them the freed memory goes back to the
// system: peak 1.6 GB, no slower. Set before the native module loads — it reads its options then.
process.env.MIMALLOC_ALLOW_THP ??= '0';
const { build } = await import('astro');

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (!['--silent', '--verbose', '--force'].includes(arg)) throw new Error(`scripts/astro-build.ts: unknown flag ${arg} (known: --silent, --verbose, --force)`);
}
const config: AstroInlineConfig = {
  logLevel: args.has('--verbose') ? 'info' : args.has('--silent') ? 'silent' : 'warn',
  ...(args.has('--force') ? { force: true } : {}),
};
await build(config);
// The build's peak memory, for scripts/build.ts's step line (it started this process with an IPC
// channel): resident set size in KiB, the same measure as GNU time's %M.
// Not when the parent has gone (its own failure is what the person sees).
if (process.connected) process.send?.({ maxRSS: process.resourceUsage().maxRSS });
