// The ingest cache: a seed that did not change is not parsed again, and a notice whose content
// and links did not change is not written to MDX again (writing MDX is the ingest's largest
// cost). Entries are JSON files under `dir/<kind>/<key>.json`, the key a hash of everything the
// result depends on — the bytes in, and the version of the code: every file of the ingest, the
// shared modules it uses (lib/: reading a seed, the MDX parser of the round trip), the schemas and
// the reviewed data. So a stale entry is never found, only a missing one; what a
// run did not use is deleted at its end, so the cache does not grow with old versions.
// The output with a cache is byte-identical to the output without (tests/ingest/cache.test.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';

const root = resolve(import.meta.dirname, '../..');
/** What the ingest's output depends on besides its input. */
const CODE = ['scripts/ingest', 'lib', 'schemas', 'data', 'package-lock.json'];

export function hash(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 32);
}

/** Every file the ingest's output depends on (its code, the shared modules, schemas, reviewed data), relative to the project, sorted. */
export function codeFiles(): string[] {
  const files = CODE.flatMap((name) => {
    const at = join(root, name);
    return statSync(at).isFile() ? [at] : readdirSync(at, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  });
  return files.map((f) => relative(root, f)).sort();
}

/** A hash of every file the ingest's output depends on (codeFiles). */
export function codeVersion(): string {
  return hash(...codeFiles().flatMap((f) => [f, readFileSync(join(root, f))]));
}

export class IngestCache {
  private used = new Map<string, Set<string>>();
  hits = 0;
  misses = 0;

  /** The folder the entries are kept in. */
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The cached value of `key`, or `compute()`'s, stored for next time. */
  get<T>(kind: string, key: string, compute: () => T): T {
    const found = this.lookup<T>(kind, key);
    if (found !== undefined) return found;
    const value = compute();
    this.store(kind, key, value);
    return value;
  }

  /** The cached value of `key`, if any; either way the entry counts as used by this run. */
  lookup<T>(kind: string, key: string): T | undefined {
    if (!this.used.has(kind)) this.used.set(kind, new Set());
    this.used.get(kind)!.add(key);
    try {
      const value = JSON.parse(readFileSync(join(this.dir, kind, `${key}.json`), 'utf8')) as T;
      this.hits++;
      return value;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  store(kind: string, key: string, value: unknown): void {
    const file = join(this.dir, kind, `${key}.json`);
    // Written whole or not at all (an interrupted run leaves no half entry), and a cache that
    // cannot be written — a full disk, a concurrent run — costs time, never the result.
    // Its own name per thread too: two threads may store one key (two notices alike) at once.
    const tmp = `${file}.${process.pid}-${threadId}.tmp`;
    try {
      mkdirSync(join(this.dir, kind), { recursive: true });
      writeFileSync(tmp, JSON.stringify(value));
      renameSync(tmp, file);
    } catch {
      rmSync(tmp, { force: true });
    }
  }

  /** Delete the entries of each kind used that this run did not use. */
  prune(): void {
    for (const [kind, keys] of this.used) {
      if (!existsSync(join(this.dir, kind))) continue;
      const names = readdirSync(join(this.dir, kind), { withFileTypes: true }).flatMap((e) => (e.isFile() && e.name.endsWith('.json') ? [e.name] : []));
      for (const name of names) if (!keys.has(name.slice(0, -'.json'.length))) rmSync(join(this.dir, kind, name), { force: true });
    }
  }
}
