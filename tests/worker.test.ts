// scripts/worker.ts's task workers: threads kept for several lists of tasks, which this thread
// shares with them (the ingest reads its seeds and writes its MDX on them).
import { threadId } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { startTaskWorkers } from '../scripts/worker.ts';

const squares = new URL('./fixtures/workers/squares.ts', import.meta.url);
const values = Array.from({ length: 200 }, (_, k) => k);
/** What the fixture's tasks return. */
type Square = { square: number; thread: number };

describe('startTaskWorkers', () => {
  test('runs list after list on the same threads, each result at its task’s index, what was sent ahead applied', async () => {
    const workers = startTaskWorkers(squares, 2);
    try {
      // Slow tasks (5 ms each), so that both workers take some.
      const first = await workers.run<Square>(values.length, { values, sleep: 5 }, undefined);
      expect(first.map((r) => r.square)).toEqual(values.map((v) => v * v));
      // Only the workers ran them (no `here`), on threads of their own.
      expect(first.every((r) => r.thread !== threadId)).toBe(true);
      const threads = new Set(first.map((r) => r.thread));
      expect(threads.size).toBe(2);

      workers.send({ offset: 1000 });
      const here = (): Square => ({ square: -1, thread: threadId });
      const second = await workers.run<Square>(values.length, { values }, here);
      // Each task once: by this thread (−1) or by a worker that took the offset in first.
      second.forEach((r, k) => expect(r.square).toBe(r.thread === threadId ? -1 : 1000 + k * k));
      // The same worker threads as before, not new ones.
      for (const r of second) if (r.thread !== threadId) expect(threads).toContain(r.thread);
    } finally {
      await workers.close();
    }
  });

  test('a task that throws on a worker rejects its list, and the next list too', async () => {
    const workers = startTaskWorkers(squares, 1);
    try {
      await expect(workers.run(values.length, { values, fail: 7 }, undefined)).rejects.toThrow('task 7 fails');
      await expect(workers.run(1, { values }, undefined)).rejects.toThrow('task 7 fails');
    } finally {
      await workers.close();
    }
  });

  test('with no tasks, a list is done at once', async () => {
    const workers = startTaskWorkers(squares, 2);
    try {
      expect(await workers.run(0, { values: [] }, undefined)).toEqual([]);
    } finally {
      await workers.close();
    }
  });
});
