// The `kronik` command line: a thin shell over the library.
// Each command loads what it needs when it runs, so `kronik --help` starts at once.
import { createRequire } from 'node:module';
import { Command } from 'commander';
import { registerDemo } from './commands/demo.ts';
import { registerEval } from './commands/eval.ts';
import { registerExtract } from './commands/extract.ts';
import { registerQueueCommands } from './commands/queue-commands.ts';
import { registerServe } from './commands/serve.ts';
import { registerStoreCommands } from './commands/store-commands.ts';

// package.json sits two folders up from both src/cli/ and dist/cli/.
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
const program = new Command();
program.name('kronik').description('A verified, queryable chronicle of diplomatic events from news pages.').version(version);
registerExtract(program);
registerEval(program);
registerStoreCommands(program);
registerQueueCommands(program);
registerServe(program);
registerDemo(program);

await program.parseAsync(process.argv);
