// What a built site weighs, folder by folder: the bytes of its files (what a host stores and a
// copy transfers), the space they take on a disk of 4 KiB blocks (what a small host's quota
// counts: a 300-byte file takes a whole block) and how many files there are. `npm run bench` prints
// it for our dist/ and for the bare stack's beside it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes, allocated bytes (4 KiB blocks) and files of one folder of a built site. */
export interface FolderSize {
  bytes: number;
  /** Space on a disk of 4 KiB blocks: every file rounded up to whole blocks. */
  disk: number;
  files: number;
}

/** Disk block assumed for `disk`: the common ext4/xfs default, so results do not depend on the bench machine's file system. */
export const BLOCK = 4096;

/**
 * The size of `dir` by top-level entry, each folder with everything under it. `folderOf` names
 * the row a top-level entry is counted in (default: its own name for a folder, `(root files)`
 * for a file), so that two sites can be laid out in the same rows.
 */
export function distSizes(dir: string, folderOf: (entry: string, isDir: boolean) => string = (e, d) => (d ? e : '(root files)')): Map<string, FolderSize> {
  const out = new Map<string, FolderSize>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const row = folderOf(entry.name, entry.isDirectory());
    const size = out.get(row) ?? { bytes: 0, disk: 0, files: 0 };
    const add = (path: string) => {
      const s = statSync(path);
      size.bytes += s.size;
      size.disk += Math.ceil(s.size / BLOCK) * BLOCK;
      size.files++;
    };
    if (entry.isDirectory()) {
      for (const f of readdirSync(join(dir, entry.name), { recursive: true, withFileTypes: true })) if (f.isFile()) add(join(f.parentPath, f.name));
    } else if (entry.isFile()) add(join(dir, entry.name));
    out.set(row, size);
  }
  return out;
}

/** The sum of all rows. */
export function totalSize(sizes: Map<string, FolderSize>): FolderSize {
  const t = { bytes: 0, disk: 0, files: 0 };
  for (const s of sizes.values()) {
    t.bytes += s.bytes;
    t.disk += s.disk;
    t.files += s.files;
  }
  return t;
}

/**
 * The bare stack's dist/ in our rows: its notice pages (one folder per notice id at the root)
 * under `notices`, its Pagefind bundle under `search`, the rest under `(root files)`.
 */
export function bareFolder(entry: string, isDir: boolean): string {
  if (entry === 'pagefind') return 'search';
  if (isDir && /^\d{4}-/.test(entry)) return 'notices';
  return '(root files)';
}
