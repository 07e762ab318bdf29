// The ingest's worker thread (see ingestParallel in ./run.ts), kept from the first seed to the last
// MDX file, so its modules load once — while the main thread reads its first seeds — and it is
// ready the moment the knowledge base is. Its work comes in three messages:
//   read     a list of seeds to share with the main thread, each read through the same reader
//            with the same config and matchers as there, so a seed reads the same wherever it is
//            read; each reading is posted back as it is done;
//   notices  sent ahead, while the main thread builds the knowledge base: the notices to write
//            MDX for, kept here by their place in the corpus (taking them in is not free);
//   emit     a list of notices to share — by their place, with any not sent ahead — and the
//            linker, made from the same data as the main thread's, so the output is the same as
//            there; each file is read back and checked here too (./round-trip.ts) and stored in
//            the ingest cache by this thread.
import type { GazetteConfig } from '../../schemas/gazette-config.ts';
import { serveTaskLists } from '../worker.ts';
import { linkerFrom, type LinkerData } from './knowledge.ts';
import { WORKER_MATCHERS } from './matchers.ts';
import { emitStored, ingestSeed, type EmitItem, type SeedTask } from './run.ts';

/** What the main thread posts the ingest's worker. */
export type IngestWork =
  | { kind: 'read'; seeds: SeedTask[]; matchers: string[]; config: GazetteConfig }
  | { kind: 'notices'; items: [number, EmitItem][] }
  | { kind: 'emit'; linker: LinkerData; order: number[]; items: [number, EmitItem][]; store?: { dir: string; keys: string[] } };

const notices = new Map<number, EmitItem>();

serveTaskLists((work: IngestWork) => {
  if (work.kind === 'read') {
    const using = work.matchers.map((name) => WORKER_MATCHERS[name]!);
    return (k: number) => ingestSeed(work.seeds[k]!, using, work.config);
  }
  for (const [at, item] of work.items) notices.set(at, item);
  if (work.kind === 'notices') return undefined;
  const linker = linkerFrom(work.linker);
  const { order, store } = work;
  return (k: number) => emitStored(notices.get(order[k]!)!, linker, store && { dir: store.dir, key: store.keys[k]! });
});
