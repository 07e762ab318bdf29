// `npm run ingest`: only the first step of the build (see scripts/ingest/main.ts).
import { runIngest } from './ingest/main.ts';

await runIngest();
