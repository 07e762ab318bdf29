// The structure matchers a worker thread can read seeds with (./ingest-worker.ts), by name: a
// function cannot be sent to a worker, its name can. The CLI's matchers (./main.ts).
import type { Matcher } from './built-notice.ts';
import { matchPersonnel } from './recover-personnel.ts';
import { matchTable } from './recover-tables.ts';

export const WORKER_MATCHERS: Record<string, Matcher> = { matchPersonnel, matchTable };

/** Whether a worker can read with these matchers: each is one of WORKER_MATCHERS. */
export function workerCanRead(matchers: Matcher[]): boolean {
  return matchers.every((m) => WORKER_MATCHERS[m.name] === m);
}
