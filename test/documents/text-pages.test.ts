// Text pages as real crawls and search indexes deliver them: a store's date tag before the text, excerpts
// with no title or date line, text cut mid-sentence, furniture glued to the article. Pages written for
// these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripLeadMarks } from '../../src/documents/clean-text.ts';
import { buildDocument } from '../../src/documents/document.ts';

const textPage = (content: string) => buildDocument({ doc: 't.txt', path: 't.txt', kind: 'text', content });

test("a search index's date tag is cut off the text and dates a page that states no date", () => {
  assert.deepEqual(stripLeadMarks(' date 2019-03-07 The envoy arrived.'), { text: 'The envoy arrived.', date: '2019-03-07' });
  assert.deepEqual(stripLeadMarks('date 2019-03 Kim tiba.'), { text: 'Kim tiba.', date: '2019-03' });
  // Only at the start, and only as a tag: a sentence about a date is text.
  assert.deepEqual(stripLeadMarks('The date 2019-03-07 was set.'), { text: 'The date 2019-03-07 was set.', date: null });

  const d = textPage(
    ' date 2019-03-07 The foreign ministers of the two neighbours met in the border town on Thursday to discuss fishing rights.\n\nThey agreed to meet again before the end of the year, officials said.',
  );
  assert.ok(d.body.startsWith('The foreign ministers'), d.body);
  assert.equal(d.published, '2019-03-07');
  assert.equal(d.published_source, 'container');
  assert.equal(d.title, null);
});

test("a page's own date line wins over the index's tag; a month tag bounds the date the text implies", () => {
  const own = textPage(
    ' date 2019-03-08 Menlu Bertemu Mitranya di Perbatasan\n\nKamis, 7 Maret 2019 10:00 WIB\n\nMenteri luar negeri kedua negara bertemu di kota perbatasan untuk membahas hak penangkapan ikan.',
  );
  assert.equal(own.published, '2019-03-07T10:00:00+07:00');
  assert.equal(own.published_source, 'page');

  const body = 'Menteri luar negeri kedua negara bertemu di kota perbatasan pada Kamis (7/3/2019) untuk membahas hak penangkapan ikan.';
  const inMonth = textPage(` date 2019-03 ${body}`);
  assert.equal(inMonth.published, '2019-03-07');
  assert.equal(inMonth.published_source, 'inferred-text');
  // A day outside the month the index gives is a date the text tells, not the page's.
  const outside = textPage(` date 2019-05 ${body}`);
  assert.equal(outside.published, null);
});

const LEAD = 'Menteri Luar Negeri kedua negara bertemu di Hanoi pada Senin untuk membahas patroli bersama di perairan perbatasan.';
const SECOND = 'Pertemuan itu berlangsung dua jam dan ditutup dengan makan siang bersama para duta besar.';

test('an excerpt cut mid-sentence keeps its last line when it continues the article', () => {
  const cut = textPage(`${LEAD}\n\n${SECOND}\n\nKeduanya juga sepakat membentuk kelompok kerja yang akan bertemu setiap`);
  assert.ok(cut.body.endsWith('kelompok kerja yang akan bertemu setiap'), cut.body);
  // Names crowd the sentence before the cut: a whole sentence still makes it text.
  const named = textPage(`${LEAD}\n\nDelegasi itu dipimpin oleh Duta Besar Ratna Kusuma Dewi. Pesawat rombongan kembali`);
  assert.ok(named.body.endsWith('Pesawat rombongan kembali'), named.body);
  // A short Title Case line after the article is not its cut end.
  const trailer = textPage(`${LEAD}\n\n${SECOND}\n\nWarta Harian Nusantara Online`);
  assert.ok(!trailer.body.includes('Warta Harian'), trailer.body);
});

test('furniture glued into a long line goes, the article text after it stays', () => {
  const d = textPage(
    `${LEAD}\n\nBaca juga: Menlu Tiba di Hanoi untuk Kunjungan Dua HariPatroli bersama itu akan dimulai bulan depan dan melibatkan empat kapal dari masing-masing negara, kata juru bicara kementerian luar negeri kepada wartawan di Jakarta pada Selasa.\n\n${SECOND}`,
  );
  assert.ok(d.body.includes('Patroli bersama itu akan dimulai bulan depan'), d.body);
  assert.doesNotMatch(d.body, /Baca juga|Kunjungan Dua Hari/);
  // Short furniture lines stay furniture as a whole.
  const bio = textPage(
    `${LEAD}\n\n${SECOND}\n\nRendra Saputra meliput isu diplomasi. Ia bergabung dengan redaksi sejak 2015 setelah lama menulis untuk harian daerah.`,
  );
  assert.doesNotMatch(bio.body, /Rendra|bergabung/);
});

test('a page whose text no line gives as prose is kept, not lost', () => {
  // A reader poll glued to the article, the whole page one short line.
  const poll = textPage(`Bagaimana tanggapan anda mengenai artikel ini? ${LEAD}`);
  assert.equal(poll.body, LEAD);
  // An excerpt cut before its first full stop, and a page that is only a headline.
  const cut = textPage('Menteri Luar Negeri kedua negara bertemu di Hanoi pada Senin untuk membahas patroli bersama');
  assert.match(cut.body, /bertemu di Hanoi/);
  const headline = textPage('Menlu Kedua Negara Bertemu di Hanoi Bahas Patroli Bersama');
  assert.equal(headline.body, 'Menlu Kedua Negara Bertemu di Hanoi Bahas Patroli Bersama');
  assert.ok(headline.sentences.length === 1);
});

const EN_PAGE = `Please upgrade your browser
Your browser is not supported, so some parts of this site may look broken until you install a newer version.

Envoys of two neighbours agree to reopen their border crossing

Delegates shake hands at the start of the talks in the border town of Lanka, March 3, 2021.
Delegates shake hands at the start of the talks in the border town of Lanka, March 3, 2021. Reuters / JANE DOE

AP file photo
The old customs house at the crossing stands empty on Tuesday after two years of closure.

HANOI (Daily Example) — Envoys of the two neighbouring states agreed on Wednesday to reopen their main border crossing to trade next month, officials said after talks in the capital.

The agreement follows two years in which the crossing was closed to all but diplomatic traffic.

02:15
Traders wait for the border to reopen after two years of closure

Customs teams will survey the crossing before the end of the month, the statement said.

New Rules for Traders: What Changes at the Border Next Month

Who pays the new fees

Both sides said fees would be shared equally between the two customs services for the first year.

Share your thoughts with us. We appreciate your feedback.

Officials expect the first lorries to cross in the second week of April. (Yonhap)

MOST POPULAR
`;

test('furniture of real English pages: browser warnings, captions and their credits, videos, headline links, prompts', () => {
  const d = textPage(EN_PAGE);
  assert.equal(d.title, 'Envoys of two neighbours agree to reopen their border crossing');
  assert.ok(d.body.startsWith('HANOI (Daily Example) — Envoys'), d.body);
  // The agency's name after the last paragraph signs it off; that paragraph stays.
  assert.ok(d.body.endsWith('in the second week of April. (Yonhap)'), d.body);
  assert.match(d.body, /Who pays the new fees/);
  for (const gone of [
    'browser',
    'Delegates shake hands',
    'JANE DOE',
    'file photo',
    'customs house',
    '02:15',
    'Traders wait',
    'New Rules',
    'feedback',
  ])
    assert.ok(!d.body.includes(gone), `${gone} in:\n${d.body}`);
});

test('furniture of real Indonesian pages: links in brackets, caption credits after the last full stop, ads', () => {
  const d = textPage(`Menlu Kedua Negara Sepakat Buka Kembali Pos Perbatasan

Menlu menggelar jumpa pers di kantor kementerian di Jakarta pada Kamis, 4 Maret 2021. Kemlu

Advertising

${LEAD}

(Baca: Pedagang Menunggu Pos Perbatasan Dibuka Kembali Sejak Dua Tahun Lalu)

${SECOND}
`);
  assert.equal(d.body, `${LEAD}\n\n${SECOND}`);
});

test("a date line above the headline is the site's clock; the article's own date line is under it", () => {
  const d = textPage(`KABAR DUNIA
Senin, 9 Desember 2024

Menlu Kedua Negara Bertemu di Hanoi

Saturday, 7 December 2024 - 10:15

${LEAD}

${SECOND}
`);
  // Under the headline, even with its month in the other coded language.
  assert.equal(d.published?.slice(0, 10), '2024-12-07');
  assert.equal(d.published_source, 'page');
});

test('a drop cap joins its word again; a lead dated with an ordinal dates an undated page', () => {
  const d = textPage(
    'F\n\noreign ministers of the two neighbours met in the border town on Thursday to discuss fishing rights and a joint patrol.\n\nThey agreed to meet again before the end of the year, officials said.',
  );
  assert.ok(d.body.startsWith('Foreign ministers of the two neighbours'), d.body);
  const lead = textPage(
    '3rd March 2021 – (Hanoi) Foreign ministers of the two neighbours met in the border town on Wednesday to discuss fishing rights.\n\nThey agreed to meet again before the end of the year, officials said.',
  );
  assert.equal(lead.published, '2021-03-03');
});

test('a caption is never the title: credits, the day a photo was taken, a summary-box label', () => {
  const en = textPage(`Story highlights Envoys agree to reopen crossing

The foreign minister speaks to reporters at the border post in the town of Lanka, March 3, 2021

${'HANOI (Daily Example) — Envoys of the two neighbouring states agreed on Wednesday to reopen their main border crossing to trade next month.'}
`);
  assert.equal(en.title, null);
  const id = textPage(`Berita

Menlu Kedua Negara Bertemu di Perbatasan untuk Membahas Patroli Bersama/Ist

Menlu Sepakat Buka Kembali Pos Perbatasan

${LEAD}
`);
  assert.equal(id.title, 'Menlu Sepakat Buka Kembali Pos Perbatasan');
});
