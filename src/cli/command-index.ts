// Which module defines each command, and the line the top-level help shows for it.
// `kronik <command> …` loads the module of that command only; `kronik --help`, `kronik --version` and an
// unknown command show these lines without loading any command module (a module's imports, such as the
// job queue's pg-boss, cost more than the rest of a start-up). test/cli/command-index.test.ts checks that
// the help printed from this list is the help the modules themselves give, and that each module
// registers the commands listed for it: a command added to a module without a line here fails it.
import type { Command } from 'commander';

export interface CommandModule {
  /** The module's register function, loaded on demand. */
  load(): Promise<(program: Command) => void>;
  /** Each command it registers: the help's `name [options] <args>` term and the description. */
  commands: Record<string, { term: string; description: string }>;
}

export const COMMAND_MODULES: CommandModule[] = [
  {
    load: async () => (await import('./commands/extract.ts')).registerExtract,
    commands: {
      extract: {
        term: 'extract [options] <paths...>',
        description:
          'read news pages (text, HTML, JSONL, RSS/Atom, WARC, directories, - for stdin) and print clean documents with their events',
      },
    },
  },
  {
    load: async () => (await import('./commands/eval.ts')).registerEval,
    commands: {
      eval: {
        term: 'eval [options]',
        description:
          'score events, bodies and metadata against gold folders (same rules and figures as ../shared/tools/score.mjs); ' +
          'with no --gold, the seeds, our corpus and the real pages side by side',
      },
    },
  },
  {
    load: async () => (await import('./commands/store-commands.ts')).registerStoreCommands,
    commands: {
      ingest: {
        term: 'ingest [options] <paths...>',
        description: 'extract documents and store them in the chronicle (idempotent; one transaction per page)',
      },
      events: { term: 'events [options]', description: 'list chronicle events' },
      event: { term: 'event [options] <id>', description: 'show one event with its mentions (JSON)' },
      actors: { term: 'actors [options]', description: 'list actors with their number of events' },
      dyads: {
        term: 'dyads [options]',
        description:
          'list country pairs, or the monthly series of one pair (--pair); occurred events unless --modality names another status',
      },
      search: { term: 'search [options] <query>', description: 'full-text search over stored documents' },
      export: {
        term: 'export [options]',
        description:
          'export the chronicle: csv or jsonl (events with mentions), gdelt (GDELT 2.0 event table: occurred events unless --modality), plover (PLOVER JSON lines)',
      },
    },
  },
  {
    load: async () => (await import('./commands/queue-commands.ts')).registerQueueCommands,
    commands: {
      enqueue: {
        term: 'enqueue [options] <inputs...>',
        description: 'put pages on the job queue: one job per file or URL, containers cut into bounded jobs (idempotent)',
      },
      worker: {
        term: 'worker [options]',
        description: 'take page jobs from the queue, code the pages and store them; start any number, on any hosts',
      },
      status: {
        term: 'status [options]',
        description: 'the job queue: queued, active, failed and completed jobs, pages a second, latest failures',
      },
    },
  },
  {
    load: async () => (await import('./commands/watch.ts')).registerWatch,
    commands: {
      watch: {
        term: 'watch [options] <urls...>',
        description:
          'poll RSS/Atom feeds and news sitemaps (conditional GET) and take in the pages not seen before: ' +
          'queued for workers on PostgreSQL, fetched and stored in-process on SQLite',
      },
    },
  },
  {
    load: async () => (await import('./commands/serve.ts')).registerServe,
    commands: { serve: { term: 'serve [options]', description: 'serve the chronicle: read-only JSON API (/api) and web UI (/)' } },
  },
  {
    load: async () => (await import('./commands/demo.ts')).registerDemo,
    commands: {
      demo: {
        term: 'demo [options]',
        description: 'ingest the bundled demo corpus into the embedded store and serve the chronicle (npm start)',
      },
    },
  },
];

/** The module that defines `name`, if any. */
export function moduleOf(name: string | undefined): CommandModule | undefined {
  return name ? COMMAND_MODULES.find((m) => Object.hasOwn(m.commands, name)) : undefined;
}

/** Adds every command as its help line only (no options, no action): for the top-level help and for
 * commander's "unknown command … did you mean" on a misspelt one. */
export function addCommandSummaries(program: Command): void {
  const terms = new Map<string, string>();
  for (const m of COMMAND_MODULES)
    for (const [name, c] of Object.entries(m.commands)) {
      program.command(name).description(c.description);
      terms.set(name, c.term);
    }
  const help = program.createHelp();
  program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? help.subcommandTerm(cmd) });
}
