// Writes MDX for part of the notices on a worker thread (see ingestParallel in ./run.ts): the
// same linker, made from the same data, so the output is the same as on the main thread; each
// file is read back and checked there too (./round-trip.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { linkerFrom, type LinkerData } from './knowledge.ts';
import { emitChecked } from './run.ts';
import type { Notice } from '../../schemas/notice.ts';
import type { Section } from './types.ts';

const { linker, items } = workerData as { linker: LinkerData; items: { notice: Notice; sections: Section[] }[] };
const made = linkerFrom(linker);
parentPort!.postMessage(items.map((n) => emitChecked(n, made)));
