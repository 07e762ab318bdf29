// `astro build` for scripts/build.ts, at log level `warn`: Astro's info log is a line per page and
// per build phase (400 lines for one issue), and the build prints its own summary instead. The
// CLI can only be `--silent` (which would hide warnings and errors too) or `--verbose`, so the
// log level is set through Astro's JavaScript API. Flags: `--silent`, `--verbose` (every page, as
// `astro build` prints them), `--force` (clears the content layer cache).
import { build } from 'astro';

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (!['--silent', '--verbose', '--force'].includes(arg)) throw new Error(`scripts/astro-build.ts: unknown flag ${arg} (known: --silent, --verbose, --force)`);
}
await build({
  logLevel: args.has('--verbose') ? 'info' : args.has('--silent') ? 'silent' : 'warn',
  ...(args.has('--force') ? { force: true } : {}),
});
// The build's peak memory, for scripts/build.ts's step line (it started this process with an IPC
// channel): resident set size in KiB, the same measure as GNU time's %M.
process.send?.({ maxRSS: process.resourceUsage().maxRSS });
