// Every coded event names the rules of the coder that fired for it, in its provenance.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULES } from '../../src/events/rules.ts';
import type { CodedEvent } from '../../src/types.ts';
import { codePage as code } from '../helpers/code.ts';

const rules = (events: CodedEvent[]) => events.map((e) => `${e.target.country}: ${(e.provenance?.rules ?? []).join(', ')}`);

test('a trip to a list of states: the first visit found its host after the verb, the others by the list', () => {
  const ev = code(
    'Menteri Luar Negeri Prancis akan mengunjungi Kenya, Tanzania, dan Mozambik pekan depan.',
    'Senin, 4 Maret 2024 - 10:00 WIB',
  );
  assert.deepEqual(rules(ev), [
    'KEN: other-side-after-trigger',
    'TZA: other-side-after-trigger, list-of-others',
    'MOZ: other-side-after-trigger, list-of-others',
  ]);
});

test('"both sides" after a meeting names the pair that met; a meeting abroad is third-party', () => {
  const ev = code(
    'Presiden Prancis bertemu Kanselir Jerman di Berlin pada Senin (4/3/2024). Kedua pihak sepakat memperkuat kerja sama pertahanan.',
    'Selasa, 5 Maret 2024 - 10:00 WIB',
  );
  const agree = ev.find((e) => e.type === 'AGREE');
  assert.deepEqual(agree?.provenance?.rules, ['both-sides-pair']);
  const abroad = code('The French foreign minister met her German counterpart in Rome on Monday.', 'Tuesday, 5 March 2024', 'en');
  assert.deepEqual(abroad[0]?.provenance?.rules, ['other-side-after-trigger', 'third-party-place']);
});

test('every rule named in a provenance is an entry of the table, described', () => {
  const ev = [
    ...code('Menteri Luar Negeri Prancis akan mengunjungi Kenya, Tanzania, dan Mozambik pekan depan.', 'Senin, 4 Maret 2024 - 10:00 WIB'),
    ...code('The French foreign minister met her German counterpart in Rome on Monday.', 'Tuesday, 5 March 2024', 'en'),
  ];
  const named = ev.flatMap((e) => e.provenance?.rules ?? []);
  assert.ok(named.length > 0);
  for (const r of named) assert.ok(r in RULES, `${r} is not in RULES`);
  for (const [name, what] of Object.entries(RULES)) assert.ok(what.length > 20, `${name} says what it does`);
});
