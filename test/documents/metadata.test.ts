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

Kantor berita Korea Selatan Yonhap melaporkan bahwa kunjungan itu direncanakan berlangsung dua hari, menurut Kementerian Luar Negeri Korea Selatan.

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
