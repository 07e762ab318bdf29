// Run a module on a worker thread and get the one message it posts back — postbuild's link check
// runs this way, and its search excerpts, started before their work is ready (startWorker). And
// lists of tasks shared by this thread and worker threads kept for all of them (startTaskWorkers)
// — the ingest reads its seeds and writes its MDX this way, on every core. A worker that throws or
// exits early rejects.
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
interface SharedTasks {
  count: number;
  next: SharedArrayBuffer;
}

/** What a task worker posts for a list: one task's result, then `done` when no task is left. */
type Posted<T> = { task: number; value: T } | 'done';

/** Worker threads the machine has room for beside this one (at least one). */
export function spareThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Worker threads kept for several lists of shared tasks, one list after another (`run`): their
 * modules load once, while this thread does its first tasks, and work can be sent to them ahead
 * (`send`) — they take it in while this thread does something else. The ingest reads its seeds,
 * then writes its MDX, on the same threads (./ingest/ingest-worker.ts). `close` ends them.
 */
export interface TaskWorkers {
  /** Posts `message` to every worker now, for what it handles without tasks (see serveTaskLists). */
  send(message: unknown): void;
  /**
   * Runs tasks 0 … count−1, each once, on these workers (`message` tells them what a task is) and
   * on this thread (`here`, unless undefined), and gives their results by index — the same array
   * as running them in order here, whichever thread ran which. Threads take the next task when
   * they finish one, so a slow task (a seed with a large table) holds no other thread up.
   */
  run<T>(count: number, message: Record<string, unknown>, here: ((task: number) => T) | undefined): Promise<T[]>;
  /** Ends the workers (a worker waiting for work keeps the process alive). */
  close(): Promise<void>;
}

/** What TaskWorkers posts a worker: a message sent ahead, or a list of tasks (its message says what they are). */
type Envelope = { sent: unknown } | { message: Record<string, unknown>; tasks: SharedTasks };

/** Starts `workers` worker threads running `module`, which calls serveTaskLists. */
export function startTaskWorkers(module: URL, workers: number): TaskWorkers {
  let failed: Error | undefined;
  // The list the workers run now: its results, how many workers are still at it, how to settle it.
  let current: { results: unknown[]; left: number; resolve: () => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    failed ??= error;
    current?.reject(failed);
  };
  const threads = Array.from({ length: workers }, () => {
    const worker = new Worker(module);
    worker.on('message', (posted: Posted<unknown>) => {
      if (!current) return;
      if (posted !== 'done') current.results[posted.task] = posted.value;
      else if (--current.left === 0) current.resolve();
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`${module.pathname} exited (code ${code}) before its tasks were done`)));
    return worker;
  });
  return {
    send(message) {
      for (const worker of threads) worker.postMessage({ sent: message } satisfies Envelope);
    },
    async run<T>(count: number, message: Record<string, unknown>, here: ((task: number) => T) | undefined): Promise<T[]> {
      if (failed) throw failed;
      const tasks: SharedTasks = { count, next: new SharedArrayBuffer(4) };
      const results = new Array<T>(count);
      const finished = new Promise<void>((resolve, reject) => {
        current = { results, left: threads.length, resolve, reject };
      });
      if (threads.length === 0) current!.resolve();
      for (const worker of threads) worker.postMessage({ message, tasks } satisfies Envelope);
      try {
        if (here) takeTasks(tasks, (task) => (results[task] = here(task)));
        await finished;
      } finally {
        current = undefined;
      }
      return results;
    },
    async close() {
      for (const worker of threads) worker.removeAllListeners('exit');
      await Promise.all(threads.map((worker) => worker.terminate()));
    },
  };
}

/**
 * On a worker of startTaskWorkers: each message is handed to `handle`. A message sent with `send`
 * returns undefined (the worker keeps what it needs of it); a list's message returns what one of
 * its tasks does, and the worker runs the tasks it takes, posting each result, then `done`.
 */
export function serveTaskLists(handle: (message: any) => ((task: number) => unknown) | undefined): void {
  parentPort!.on('message', (received: Envelope) => {
    if ('sent' in received) handle(received.sent);
    else runSharedTasks(received.tasks, handle(received.message)!);
  });
}

/** Takes tasks from the shared counter until none is left; `run` does one (here, or on a worker). */
function takeTasks(tasks: SharedTasks, run: (task: number) => unknown): void {
  const next = new Int32Array(tasks.next);
  for (let task = Atomics.add(next, 0, 1); task < tasks.count; task = Atomics.add(next, 0, 1)) run(task);
}

/** On a task worker: runs the tasks it takes and posts each result, then `done`. */
function runSharedTasks<T>(tasks: SharedTasks, run: (task: number) => T): void {
  takeTasks(tasks, (task) => parentPort!.postMessage({ task, value: run(task) } satisfies Posted<T>));
  parentPort!.postMessage('done' satisfies Posted<T>);
}
