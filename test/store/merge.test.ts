// The merge rules as pure functions (no database).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventDateRange, partialDateRange } from '../../src/store/dates.ts';
import {
  blockKey,
  clusterBlock,
  dyadKey,
  eventStatus,
  isSymmetric,
  type MergeMention,
  mergeBlock,
  quadClass,
} from '../../src/store/merge.ts';

let seq = 0;
function m(p: Partial<MergeMention>): MergeMention {
  seq++;
  return {
    key: p.key ?? `k${String(seq).padStart(4, '0')}`,
    doc: p.doc ?? `doc${seq}`,
    outlet: null,
    published: null,
    publishedMs: null,
    type: 'CONSULT',
    mode: null,
    cameo: '040',
    goldstein: 1,
    sourceName: null,
    sourceCountry: 'KOR',
    sourceSector: null,
    targetName: null,
    targetCountry: 'USA',
    targetSector: null,
    date: null,
    dateEnd: null,
    modality: 'occurred',
    placeName: null,
    placeCountry: null,
    evidence: 'text',
    ...p,
  };
}

const sizes = (clusters: MergeMention[][]) => clusters.map((c) => c.length).sort();

test('partial ISO dates become day ranges', () => {
  assert.deepEqual(partialDateRange('2020-02'), { lo: 18293, hi: 18321, precision: 1 });
  assert.equal(partialDateRange('2020')?.hi, partialDateRange('2020-12-31')?.lo);
  assert.equal(partialDateRange('yesterday'), null);
  assert.equal(partialDateRange('2020-13'), null);
  const span = eventDateRange('2020-11-08', '2020-11-11');
  assert.equal((span?.hi ?? 0) - (span?.lo ?? 0), 3);
});

test('dyads, blocks, symmetry and quad classes', () => {
  assert.equal(dyadKey('USA', 'KOR'), 'KOR:USA');
  assert.equal(dyadKey(null, 'KOR'), '-:KOR');
  assert.equal(blockKey('ACCUSE', 'USA', 'CHN'), blockKey('ACCUSE', 'CHN', 'USA'));
  assert.ok(isSymmetric('CONSULT', null));
  assert.ok(isSymmetric('CONSULT', 'phone'));
  assert.ok(!isSymmetric('CONSULT', 'visit'));
  assert.ok(isSymmetric('AGREE', null) && isSymmetric('COOPERATE', null));
  assert.ok(!isSymmetric('ACCUSE', null));
  assert.equal(quadClass('SANCTION'), 4, 'kronik counts SANCTION as material conflict');
  assert.equal(quadClass('RETREAT'), 2);
  assert.equal(quadClass('REJECT'), 3);
  assert.equal(quadClass('CONCEDE'), 1);
});

test('dates merge within ±1 day; months cover their days; undated fits anything', () => {
  assert.deepEqual(sizes(clusterBlock([m({ date: '2020-03-18' }), m({ date: '2020-03-19' })])), [2]);
  assert.deepEqual(sizes(clusterBlock([m({ date: '2020-03-18' }), m({ date: '2020-03-20' })])), [1, 1]);
  assert.deepEqual(sizes(clusterBlock([m({ date: '2020-03' }), m({ date: '2020-03-31' })])), [2]);
  assert.deepEqual(sizes(clusterBlock([m({ date: '2020-03' }), m({ date: '2020-04-01' })])), [2], '+1 day');
  assert.deepEqual(sizes(clusterBlock([m({ date: '2020-03' }), m({ date: '2020-04-02' })])), [1, 1]);
  assert.deepEqual(sizes(clusterBlock([m({ date: '2020-11-08', dateEnd: '2020-11-11' }), m({ date: '2020-11-10' })])), [2]);
  assert.deepEqual(sizes(clusterBlock([m({ date: '2020-03-18' }), m({})])), [2]);
});

test('an undated mention never chains two dated events together', () => {
  const clusters = clusterBlock([m({ date: '2020-03-01' }), m({}), m({ date: '2020-06-01' })]);
  assert.deepEqual(sizes(clusters), [1, 2]);
});

test('direction, mode, place and named persons must agree', () => {
  const accuse = { type: 'ACCUSE', date: '2020-05-01' };
  assert.deepEqual(
    sizes(clusterBlock([m({ ...accuse }), m({ ...accuse, sourceCountry: 'USA', targetCountry: 'KOR' })])),
    [1, 1],
    'directed types keep their direction',
  );
  assert.deepEqual(
    sizes(clusterBlock([m({ date: '2020-05-01' }), m({ date: '2020-05-01', sourceCountry: 'USA', targetCountry: 'KOR' })])),
    [2],
    'a meeting is symmetric',
  );
  assert.deepEqual(
    sizes(
      clusterBlock([
        m({ mode: 'visit', date: '2020-05-01' }),
        m({ mode: null, date: '2020-05-01', sourceCountry: 'USA', targetCountry: 'KOR' }),
      ]),
    ),
    [2],
    'talks (no mode) fit a visit in either direction',
  );
  assert.deepEqual(sizes(clusterBlock([m({ mode: 'visit', date: '2020-05-01' }), m({ mode: 'phone', date: '2020-05-01' })])), [1, 1]);
  assert.deepEqual(
    sizes(clusterBlock([m({ placeName: 'Seoul', date: '2020-05-01' }), m({ placeName: 'Busan', date: '2020-05-01' })])),
    [1, 1],
  );
  assert.deepEqual(
    sizes(clusterBlock([m({ placeName: 'Séoul', date: '2020-05-01' }), m({ placeName: 'seoul', date: '2020-05-01' })])),
    [2],
  );
  assert.deepEqual(sizes(clusterBlock([m({ sourceName: 'Moon Jae-in' }), m({ sourceName: 'Kang Kyung-wha' })])), [1, 1]);
  assert.deepEqual(
    sizes(clusterBlock([m({ sourceName: 'Kang Kyung-wha', targetName: 'Mike Pompeo' }), m({ sourceName: 'Mike Pompeo' }), m({})])),
    [3],
  );
});

test('status follows the news', () => {
  const t = (iso: string) => ({ published: iso, publishedMs: Date.parse(iso) });
  assert.equal(eventStatus([m({ modality: 'planned', ...t('2020-03-14') }), m({ modality: 'occurred', ...t('2020-03-10') })]), 'occurred');
  assert.equal(
    eventStatus([m({ modality: 'planned', ...t('2020-03-14') }), m({ modality: 'cancelled', ...t('2020-03-16') })]),
    'cancelled',
  );
  assert.equal(
    eventStatus([m({ modality: 'cancelled', ...t('2020-03-14') }), m({ modality: 'planned', ...t('2020-03-16') })]),
    'planned',
    'rescheduled after a cancellation',
  );
  assert.equal(
    eventStatus([m({ modality: 'expected', ...t('2020-03-14') }), m({ modality: 'planned' })]),
    'expected',
    'unknown publication time counts as oldest',
  );

  const [ev] = mergeBlock('CONSULT|KOR:USA', [
    m({ modality: 'planned', date: '2020-03-18', mode: 'visit', ...t('2020-03-14T00:00:00Z') }),
    m({ modality: 'occurred', date: '2020-03', mode: 'visit', ...t('2020-03-19T00:00:00Z') }),
    m({ modality: 'occurred', date: '2020-03-19', mode: 'visit', ...t('2020-03-20T00:00:00Z') }),
  ]);
  assert.equal(ev?.status, 'occurred');
  assert.equal(ev?.date, '2020-03-19', 'most precise date among the occurred mentions');
  assert.equal(ev?.n_mentions, 3);
  assert.equal(ev?.first_seen, '2020-03-14T00:00:00Z');
  assert.equal(ev?.last_seen, '2020-03-20T00:00:00Z');
});

test('merging is a function of the set of mentions', () => {
  const base: MergeMention[] = [];
  const dates = ['2020-01-01', '2020-01-02', '2020-01', null, '2020-01-03', '2020-02', '2020', null, '2020-01-02'];
  const names = [null, 'A B', null, 'C D', 'A B', null, null, null, 'C D'];
  dates.forEach((date, i) => {
    base.push(
      m({
        key: `h${i}`,
        date,
        sourceName: names[i] ?? null,
        modality: i % 3 === 0 ? 'planned' : 'occurred',
        sourceCountry: i % 2 ? 'KOR' : 'USA',
        targetCountry: i % 2 ? 'USA' : 'KOR',
        publishedMs: 1_600_000_000_000 + i * 1000,
        published: String(i),
      }),
    );
  });
  const reference = JSON.stringify(mergeBlock('CONSULT|KOR:USA', base));
  let s = 42;
  for (let round = 0; round < 50; round++) {
    const perm = [...base];
    for (let i = perm.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [perm[i], perm[j]] = [perm[j] as MergeMention, perm[i] as MergeMention];
    }
    assert.equal(JSON.stringify(mergeBlock('CONSULT|KOR:USA', perm)), reference);
  }
});
