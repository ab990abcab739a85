// The command index (src/cli/command-index.ts) against the command modules: the top-level help printed
// from the index alone is the help of the program with every module registered, and each module
// registers exactly the commands the index routes to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { addCommandSummaries, COMMAND_MODULES, moduleOf } from '../../src/cli/command-index.ts';

const program = () => new Command().name('kronik').description('d').version('0');

test('the top-level help from the index is the help the command modules give', async () => {
  const full = program();
  for (const m of COMMAND_MODULES) (await m.load())(full);
  const summaries = program();
  addCommandSummaries(summaries);
  assert.ok(full.commands.length >= 10, `only ${full.commands.length} commands registered`);
  assert.equal(summaries.helpInformation(), full.helpInformation());
});

test('each module registers exactly the commands the index routes to it', async () => {
  for (const m of COMMAND_MODULES) {
    const p = program();
    (await m.load())(p);
    assert.deepEqual(
      p.commands.map((c) => c.name()),
      Object.keys(m.commands),
    );
    for (const name of Object.keys(m.commands)) assert.equal(moduleOf(name), m);
  }
  assert.equal(moduleOf('no-such-command'), undefined);
  assert.equal(moduleOf('constructor'), undefined);
});
