import { runIngest } from './ingest/main.ts';
import { exactInputFromIngest } from './search/from-ingest.ts';
import { basePathOf, writeExactIndex } from './search/build.ts';
const ing = await runIngest();
const input = exactInputFromIngest(ing, basePathOf());
const t = performance.now();
const r = await writeExactIndex(input, process.env.IDX_OUT ?? '/tmp/idx-out');
console.log('index', Math.round(performance.now() - t), 'ms', r.units, r.parts);
