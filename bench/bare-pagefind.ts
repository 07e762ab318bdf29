// Pagefind for the bare stack, the stock way: index every page of a built site.
import * as pagefind from 'pagefind';

const dist = process.argv[2] ?? 'dist';
const { index } = await pagefind.createIndex({});
await index!.addDirectory({ path: dist });
await index!.writeFiles({ outputPath: `${dist}/pagefind` });
await pagefind.close();
