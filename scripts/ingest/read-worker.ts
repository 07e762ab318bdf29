// Reads seeds on a worker thread (see ingestParallel in ./run.ts): the seeds this thread takes from
// the shared list, each through the same reader with the same config and matchers as on the main
// thread, so a seed reads the same wherever it is read; each reading is posted back as it is done.
import { workerData } from 'node:worker_threads';
import type { GazetteConfig } from '../../schemas/gazette-config.ts';
import { runSharedTasks, type SharedTasks } from '../worker.ts';
import { WORKER_MATCHERS } from './matchers.ts';
import { ingestSeed, type SeedTask } from './run.ts';

const { seeds, matchers, config, tasks } = workerData as { seeds: SeedTask[]; matchers: string[]; config: GazetteConfig; tasks: SharedTasks };
const using = matchers.map((name) => WORKER_MATCHERS[name]!);
runSharedTasks(tasks, (k) => ingestSeed(seeds[k]!, using, config));
