// Run a module on a worker thread and get the one message it posts back — the ingest writes half
// its MDX this way, postbuild its link check. A worker that throws or exits early rejects.
import { Worker } from 'node:worker_threads';

export function onWorker<T>(module: URL, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(module, { workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`${module.pathname} exited with ${code}`)));
  });
}
