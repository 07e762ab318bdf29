// Run a module on a worker thread and get the one message it posts back — postbuild's link check
// runs this way, and its search excerpts, started before their work is ready (startWorker). And a
// list of tasks shared by this thread and worker threads (shareTasks) — the ingest reads its seeds
// and writes its MDX this way, on every core. A worker that throws or exits early rejects.
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

export function onWorker<T>(module: URL, workerData: unknown): Promise<T> {
  return answerOf(new Worker(module, { workerData }), module);
}

/** The one message a worker posts; rejects when it throws or exits before posting it. */
function answerOf<T>(worker: Worker, module: URL): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${module.pathname} exited with ${code} before it answered`)));
  });
}

/** A worker thread started before its work is known (startWorker). */
export interface StartedWorker<T> {
  /** Gives the worker its work (once): what `receiveWork` resolves to there. */
  give(work: unknown): void;
  /** The one message it posts back; rejects when it throws or exits early (stopped included). */
  done: Promise<T>;
  /** Stops the worker if it was given no work: a worker waiting for work keeps the process alive. */
  stopUnlessGiven(): void;
}

/**
 * Starts a worker thread running `module` now and gives it its work later: loading its modules
 * overlaps what this thread does until the work is ready. The module takes its work with
 * `receiveWork` and posts one message back.
 */
export function startWorker<T>(module: URL): StartedWorker<T> {
  const worker = new Worker(module);
  let given = false;
  const done = answerOf<T>(worker, module);
  return {
    give(work) {
      given = true;
      worker.postMessage(work);
    },
    done,
    stopUnlessGiven() {
      if (!given) void worker.terminate();
    },
  };
}

/** In a worker started by startWorker: the work it is given. */
export function receiveWork<T>(): Promise<T> {
  return new Promise((resolve) => parentPort!.once('message', resolve));
}

/** A list of tasks threads take in turn: how many, and a counter they share (the next task's index). */
export interface SharedTasks {
  count: number;
  next: SharedArrayBuffer;
}

/** What a worker of shareTasks posts: one task's result, then `done` when no task is left. */
type Posted<T> = { task: number; value: T } | 'done';

/** Worker threads the machine has room for beside this one (at least one). */
export function spareThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Runs tasks 0 … count−1, each once, on this thread (`here`, unless undefined) and on `workers`
 * worker threads running `module` (which calls takeTasks), and gives their results by index — the
 * same array as running them in order here, whichever thread ran which. Threads take the next task
 * when they finish one, so a slow task (a seed with a large table) holds no other thread up, and
 * this thread works while the workers start. `data` is the workers' workerData (with `tasks` added).
 */
export async function shareTasks<T>(count: number, module: URL, data: Record<string, unknown>, here: ((task: number) => T) | undefined, workers: number): Promise<T[]> {
  const tasks: SharedTasks = { count, next: new SharedArrayBuffer(4) };
  const results = new Array<T>(count);
  // A worker for a task this thread would take at once only costs its start.
  const started = Math.min(workers, here ? count - 1 : count);
  const finished = Array.from({ length: Math.max(0, started) }, () => {
    const worker = new Worker(module, { workerData: { ...data, tasks } });
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (posted: Posted<T>) => {
        if (posted === 'done') resolve();
        else results[posted.task] = posted.value;
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`${module.pathname} exited (code ${code}) before its tasks were done`)));
    });
  });
  if (here) takeTasks(tasks, (task) => (results[task] = here(task)));
  await Promise.all(finished);
  return results;
}

/** Takes tasks from the shared counter until none is left; `run` does one (here, or on a worker). */
export function takeTasks(tasks: SharedTasks, run: (task: number) => unknown): void {
  const next = new Int32Array(tasks.next);
  for (let task = Atomics.add(next, 0, 1); task < tasks.count; task = Atomics.add(next, 0, 1)) run(task);
}

/** On a worker of shareTasks: runs the tasks it takes and posts each result, then `done`. */
export function runSharedTasks<T>(tasks: SharedTasks, run: (task: number) => T): void {
  takeTasks(tasks, (task) => parentPort!.postMessage({ task, value: run(task) } satisfies Posted<T>));
  parentPort!.postMessage('done' satisfies Posted<T>);
}
