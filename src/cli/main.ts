// The `kronik` command line: a thin shell over the library.
import { Command } from 'commander';
import { registerEval } from './commands/eval.ts';
import { registerExtract } from './commands/extract.ts';

const program = new Command();
program.name('kronik').description('A verified, queryable chronicle of diplomatic events from news pages.').version('0.1.0');
registerExtract(program);
registerEval(program);

await program.parseAsync(process.argv);
