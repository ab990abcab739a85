// Page metadata: outlet, author, dateline, cited sources, title and publication time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDocument } from '../../src/documents/document.ts';

const page = `WARTA UJI
Beranda | Dunia | Asia | Ekonomi | Olahraga

Menlu Jepang Akan Kunjungi Seoul Bahas Kerja Sama Keamanan

Senin, 4 Maret 2024 - 10:15 WIB
Penulis: Dewi Lestari

TOKYO, Warta Uji - Menteri Luar Negeri Jepang Yoko Kamikawa akan mengunjungi Seoul pekan depan untuk membahas kerja sama keamanan, seperti dikutip dari Kyodo.

Kantor berita Yonhap memberitakan, lawatan tersebut dijadwalkan selama dua hari.

Baca juga: Korut Luncurkan Rudal ke Laut Timur

Sumber: https://contoh.example/berita/123
`;

test('a text page yields its outlet, author, dateline, sources, title and time with zone', () => {
  const d = buildDocument({ doc: 'p.txt', path: 'p.txt', kind: 'text', content: page });
  assert.equal(d.language, 'id');
  assert.equal(d.title, 'Menlu Jepang Akan Kunjungi Seoul Bahas Kerja Sama Keamanan');
  assert.equal(d.published, '2024-03-04T10:15:00+07:00');
  assert.equal(d.published_source, 'page');
  assert.equal(d.author, 'Dewi Lestari');
  assert.equal(d.dateline, 'Tokyo');
  assert.equal(d.outlet, 'Warta Uji');
  assert.deepEqual(
    d.sources.map((s) => s.name),
    ['Kyodo', 'Yonhap', 'contoh.example'],
  );
  assert.doesNotMatch(d.body, /Baca juga|Sumber:|Beranda/);
  assert.match(d.content_hash, /^[0-9a-f]{64}$/);
});

test('a person named as out of office does not narrow the years of an undated page', () => {
  // Retno Marsudi was foreign minister 2014–2024 and Shinzo Abe prime minister until 2020; 9 November fell on a
  // Wednesday in 2016 and 2022. Abe, named as a former prime minister, must not rule 2022 out.
  const content =
    'Menlu Retno Marsudi menerima kunjungan delegasi Jepang pada Rabu (9/11).\n\n' +
    'Mereka mengenang mantan perdana menteri Shinzo Abe dalam pertemuan itu.\n';
  const d = buildDocument({ doc: 'q.txt', path: 'q.txt', kind: 'text', content });
  // Without the former-marker both 2016 and 2022 stay possible (no single year), so nothing is inferred from the
  // weekday; with Abe counted as in office, 2016 would be chosen.
  assert.notEqual(d.published?.slice(0, 4), '2016');
});
