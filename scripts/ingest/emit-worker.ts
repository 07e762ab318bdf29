// Writes MDX for part of the notices on a worker thread (see ingestParallel in ./run.ts): the
// same linker, made from the same data, so the output is the same as on the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { emitMdx } from './emit-mdx.ts';
import { linkerFrom, type LinkerData } from './knowledge.ts';
import type { Notice } from '../../schemas/notice.ts';
import type { Section } from './types.ts';

const { linker, items } = workerData as { linker: LinkerData; items: { notice: Notice; sections: Section[] }[] };
const made = linkerFrom(linker);
parentPort!.postMessage(items.map((n) => emitMdx(n.notice, n.sections, made)));
