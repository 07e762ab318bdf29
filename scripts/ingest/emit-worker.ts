// Writes MDX for notices on a worker thread (see ingestParallel in ./run.ts): the notices this
// thread takes from the shared list, with the same linker, made from the same data, so the output
// is the same as on the main thread; each file is read back and checked here too (./round-trip.ts).
import { workerData } from 'node:worker_threads';
import type { Notice } from '../../schemas/notice.ts';
import { runSharedTasks, type SharedTasks } from '../worker.ts';
import { linkerFrom, type LinkerData } from './knowledge.ts';
import { emitChecked } from './run.ts';
import type { Section } from './types.ts';

const { linker, items, tasks } = workerData as { linker: LinkerData; items: { notice: Notice; sections: Section[] }[]; tasks: SharedTasks };
const made = linkerFrom(linker);
runSharedTasks(tasks, (k) => emitChecked(items[k]!, made));
