// The `kronik` command line: a thin shell over the library.
import { Command } from 'commander';
import { registerDemo } from './commands/demo.ts';
import { registerEval } from './commands/eval.ts';
import { registerExtract } from './commands/extract.ts';
import { registerQueueCommands } from './commands/queue-commands.ts';
import { registerServe } from './commands/serve.ts';
import { registerStoreCommands } from './commands/store-commands.ts';

const program = new Command();
program.name('kronik').description('A verified, queryable chronicle of diplomatic events from news pages.').version('0.1.0');
registerExtract(program);
registerEval(program);
registerStoreCommands(program);
registerQueueCommands(program);
registerServe(program);
registerDemo(program);

await program.parseAsync(process.argv);
