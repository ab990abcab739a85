// The `kronik` command line: a thin shell over the library.
// `kronik <command> …` loads the module of that command only, and each command loads what it needs
// when it runs; `kronik --help` loads no command module (./command-index.ts), so it starts at once.
import { createRequire } from 'node:module';
import { Command } from 'commander';
import { addCommandSummaries, moduleOf } from './command-index.ts';

// package.json sits two folders up from src/cli/ and from the bundle in dist/cli-bundle/.
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
const program = new Command();
program.name('kronik').description('A verified, queryable chronicle of diplomatic events from news pages.').version(version);

// The program has no options that take a value, so a command, when there is one, comes first
// (`kronik help <command>` names it second).
const args = process.argv.slice(2);
const named = moduleOf(args[0] === 'help' ? args[1] : args[0]);
if (named) (await named.load())(program);
else addCommandSummaries(program);

await program.parseAsync(process.argv);
