// The event coder on short pages we wrote: who did what to whom, when, with what modality.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processRaw } from '../../src/pipeline.ts';
import type { CodedEvent } from '../../src/types.ts';
import { brief, codePage as code } from '../helpers/code.ts';

test('a planned visit is coded as planned, with the holder of the office and the relative date', () => {
  const ev = code(
    'Menteri Luar Negeri Amerika Serikat akan mengunjungi Tokyo pekan depan guna membahas latihan pertahanan, demikian keterangan pemerintah Jepang hari ini.',
    'Senin, 4 Maret 2024 - 10:00 WIB',
  );
  const visit = ev.find((e) => e.mode === 'visit');
  assert.ok(visit, ev.map(brief).join('; '));
  assert.equal(visit.source.country, 'USA');
  assert.equal(visit.source.name, 'Antony Blinken', 'the office holder on that date');
  assert.equal(visit.target.country, 'JPN');
  assert.equal(visit.modality, 'planned');
  assert.equal(visit.date, '2024-03-11');
  assert.equal(visit.date_end, '2024-03-17');
});

test('a cancelled visit is never coded as one that happened', () => {
  const ev = code(
    'Presiden Rusia Vladimir Putin membatalkan kunjungannya ke Tokyo yang sedianya berlangsung pada Desember, menurut pejabat di Moskow.',
    'Selasa, 10 Oktober 2017 - 09:00 WIB',
  );
  const visit = ev.find((e) => e.mode === 'visit');
  assert.ok(visit, ev.map(brief).join('; '));
  assert.equal(visit.modality, 'cancelled');
  assert.equal(visit.source.country, 'RUS');
  assert.equal(visit.target.country, 'JPN');
});

test('negation and hypotheticals are kept apart from what occurred', () => {
  const neg = code(
    'Menteri Luar Negeri China Wang Yi tidak akan bertemu dengan Menteri Luar Negeri Jepang pekan ini.',
    '12/07/2023, 08:00 WIB',
  );
  assert.equal(neg.find((e) => e.type === 'CONSULT')?.modality, 'negated', neg.map(brief).join('; '));
  const hyp = code(
    'Jika Korea Utara melakukan uji coba nuklir, Amerika Serikat akan menjatuhkan sanksi baru terhadap Korea Utara.',
    '12/07/2023, 08:00 WIB',
  );
  const hypEvents = hyp.filter((e) => e.modality === 'occurred');
  assert.equal(hypEvents.length, 0, hyp.map(brief).join('; '));
});

test('a meeting between two named ministers, with the counterpart resolved through "mitranya"', () => {
  const ev = code(
    'Wakil Menteri Luar Negeri Pertama Korea Selatan Choi Jong-kun pada Selasa (16/11/2021) berada di Washington dan mengadakan pembicaraan dengan mitranya dari AS soal rantai pasok.',
    'Rabu, 17 November 2021 - 08:30 WIB',
  );
  const talks = ev.find((e) => e.type === 'CONSULT');
  assert.ok(talks, ev.map(brief).join('; '));
  assert.deepEqual([talks.source.country, talks.target.country], ['KOR', 'USA']);
  assert.equal(talks.source.name, 'Choi Jong-kun');
  assert.equal(talks.date, '2021-11-16');
  assert.equal(talks.place?.name, 'Washington');
  assert.equal(talks.modality, 'occurred');
});

test('one event per event: a lead and a later sentence restating the visit give one event with both spans', () => {
  const ev = code(
    'Perdana Menteri Jepang Fumio Kishida mengunjungi Seoul pada Minggu (7/5/2023).\n\nKunjungan Kishida ke Korea Selatan pada Minggu (7/5/2023) itu merupakan yang pertama dalam 12 tahun.',
    'Senin, 8 Mei 2023 - 10:00 WIB',
  );
  const visits = ev.filter((e) => e.mode === 'visit');
  assert.equal(visits.length, 1, ev.map(brief).join('; '));
  assert.equal(visits[0].evidence_more?.length, 1);
});

test('related-headline lists and "Baca juga" lines are never coded', () => {
  const page =
    'Korsel dan Jepang Bahas Kerja Sama\n\nSenin, 8 Mei 2023 - 10:00 WIB\n\nPresiden Korea Selatan Yoon Suk Yeol bertemu dengan Perdana Menteri Jepang Fumio Kishida di Seoul pada Minggu (7/5/2023) untuk membahas kerja sama keamanan.\n\nBaca juga: Korut Tembakkan Rudal Balistik ke Laut Jepang\n\nKedua pemimpin sepakat memperkuat kerja sama keamanan dengan Amerika Serikat, kata juru bicara kantor kepresidenan.\n\nBerita Terkait\n\nAS Jatuhkan Sanksi Baru terhadap Korea Utara\n\nChina Kecam Latihan Militer Gabungan AS dan Korsel\n';
  const doc = processRaw({ doc: 'p.txt', path: 'p.txt', kind: 'text', content: page });
  assert.doesNotMatch(doc.body, /Tembakkan Rudal|Sanksi Baru|Kecam Latihan/);
  for (const e of doc.events) assert.ok(!['MOBILIZE', 'SANCTION', 'ACCUSE'].includes(e.type), brief(e));
  assert.ok(doc.events.some((e) => e.type === 'CONSULT' && e.date === '2023-05-07'));
});

test('English: a visit, its modality and the holder of a role on the event date', () => {
  const ev = code(
    'U.S. Secretary of State Antony Blinken will travel to Seoul next week for talks with South Korean Foreign Minister Park Jin, the State Department said on Monday.',
    'Published: November 6, 2023 9:00 AM GMT+9',
    'en',
  );
  const visit = ev.find((e) => e.mode === 'visit');
  assert.ok(visit, ev.map(brief).join('; '));
  assert.deepEqual([visit.source.country, visit.target.country, visit.modality], ['USA', 'KOR', 'planned']);
  assert.equal(visit.date, '2023-11-13');
});

test('every event carries a CAMEO code, a Goldstein score and its evidence span', () => {
  const page =
    'Judul\n\n03/02/2021, 09:12 WIB\n\nMenteri Luar Negeri Malaysia direncanakan akan tiba di Canberra pada Minggu (7/2/2021) dan akan tinggal selama 4 hari.\n';
  const doc = processRaw({ doc: 'p.txt', path: 'p.txt', kind: 'text', content: page });
  const e = doc.events[0];
  assert.ok(e);
  assert.equal(e.cameo, '042');
  assert.equal(e.goldstein, 1.9);
  assert.equal(doc.body.slice(e.evidence.start, e.evidence.end), e.evidence.text);
  assert.deepEqual([e.date, e.date_end], ['2021-02-07', '2021-02-11']);
});

test('the PLOVER-strict option maps a planned visit to AGREE and a cancelled one to REJECT', async () => {
  const { kronik, jsonl } = await import('../helpers/cli.ts');
  const page =
    'Judul Berita Uji Coba Tentang Diplomasi\n\nSenin, 4 Maret 2024 - 10:00 WIB\n\nMenteri Luar Negeri Amerika Serikat Antony Blinken akan mengunjungi Seoul pekan depan.\n\nPresiden Rusia Vladimir Putin membatalkan kunjungannya ke Tokyo yang dijadwalkan pada Desember.\n';
  const plain = jsonl(kronik(['extract', '-', '--format', 'jsonl'], { input: page }).stdout)[0].events as CodedEvent[];
  const strict = jsonl(kronik(['extract', '-', '--format', 'jsonl', '--plover-strict'], { input: page }).stdout)[0].events as CodedEvent[];
  assert.ok(plain.some((e) => e.type === 'CONSULT' && e.modality === 'planned'));
  assert.ok(strict.some((e) => e.type === 'AGREE' && e.cameo === '036' && e.modality === 'planned'));
  assert.ok(strict.some((e) => e.type === 'REJECT' && e.modality === 'cancelled'));
  assert.ok(!strict.some((e) => e.type === 'CONSULT' && e.modality !== 'occurred'));
});

test('a role with a country resolves to its holder on the event date, not the page date', () => {
  const ev = code(
    'Menteri Luar Negeri AS mengunjungi Pyongyang pada Juli 2018 untuk menemui pemimpin Korea Utara.\n\nMenteri Luar Negeri AS akan mengunjungi Seoul pekan depan.',
    'Senin, 4 Maret 2024 - 10:00 WIB',
  );
  const past = ev.find((e) => e.target.country === 'PRK');
  const next = ev.find((e) => e.target.country === 'KOR');
  assert.equal(past?.source.name, 'Mike Pompeo', ev.map(brief).join('; '));
  assert.equal(next?.source.name, 'Antony Blinken');
});

test('a purpose clause after a decision verb is what was decided, not an aim: the sanction is asserted', () => {
  const ev = code(
    'The Japanese cabinet voted on Monday to impose new sanctions on North Korea over its missile launches, officials in Tokyo said.',
    'Monday, 27 February 2023',
    'en',
  );
  const sanction = ev.find((e) => e.source.country !== undefined && e.target.country === 'PRK');
  assert.ok(sanction, ev.map(brief).join('; '));
  assert.notEqual(sanction.modality, 'planned', ev.map(brief).join('; '));
});

test('a named person reaffirming "the commitment of" their own state is the source, the state the owner', () => {
  const ev = code(
    'Pada Kamis (13/6), Matthew Miller, juru bicara Departemen Luar Negeri AS, di Washington kembali menegaskan komitmen keamanan AS terhadap Polandia.',
    'Jumat, 14 Juni 2024 - 10:00 WIB',
  );
  const support = ev.find((e) => e.type === 'SUPPORT');
  assert.ok(support, ev.map(brief).join('; '));
  assert.equal(support.source.name, 'Matthew Miller');
  assert.equal(support.source.country, 'USA');
  assert.equal(support.target.country, 'POL');
  assert.equal(support.date, '2024-06-13');
});

test('the same person acting again in the next sentence, with no date of its own, keeps the date of the first act', () => {
  const ev = code(
    'Matthew Miller, juru bicara Departemen Luar Negeri AS, pada tanggal 13 Juni mendesak Moskwa menarik pasukannya dari perbatasan. Menjawab pertanyaan wartawan, Tn. Miller juga menegaskan kembali komitmen keamanan AS terhadap Polandia.',
    'Sabtu, 15 Juni 2024 - 10:00 WIB',
  );
  const support = ev.find((e) => e.type === 'SUPPORT');
  assert.ok(support, ev.map(brief).join('; '));
  assert.equal(support.source.name, 'Matthew Miller');
  assert.equal(support.date, '2024-06-13', 'the briefing of 13 June, not the page date');
});

test('a joint show of force answers the state whose launch was told before, and is one event of the allies', () => {
  const ev = code(
    'Korea Utara menembakkan delapan rudal balistik ke Laut Timur pada Minggu (5/6/2022). Sebagai balasan, militer Korea Selatan dan Amerika Serikat menembakkan delapan rudal ke laut pada Senin (6/6/2022).',
    'Senin, 6 Juni 2022 - 12:00 WIB',
  );
  const answer = ev.filter((e) => e.type === 'MOBILIZE' && e.source.country !== 'PRK');
  assert.equal(answer.length, 1, ev.map(brief).join('; '));
  assert.equal(answer[0].source.country, 'KOR');
  assert.equal(answer[0].target.country, 'PRK');
  // With no act to answer, the two allies firing together is an act between them.
  const drill = code(
    'Militer Korea Selatan dan Amerika Serikat menembakkan rudal ATACMS ke laut pada Rabu (5/10/2022).',
    'Rabu, 5 Oktober 2022 - 12:00 WIB',
  );
  assert.deepEqual(
    drill.map((e) => [e.source.country, e.target.country]),
    [['KOR', 'USA']],
    drill.map(brief).join('; '),
  );
});

test('"N days after": what follows is dated that long before the news the sentence refers to, not on it', () => {
  const en = code(
    'China and Russia on Thursday vetoed a resolution on North Korea at the U.N. Security Council. The drills come a week after North Korea fired two ballistic missiles toward Japan.',
    'May 27, 2022',
    'en',
  );
  const launch = en.find((e) => e.type === 'MOBILIZE' && e.source.country === 'PRK');
  assert.ok(launch, en.map(brief).join('; '));
  assert.equal(launch.date, '2022-05-19', 'a week before the Thursday veto of 26 May');
  const id = code(
    'Menteri Pertahanan Jepang bertemu Menteri Pertahanan Australia di Tokyo pada Selasa (7/6/2022), dua hari setelah Korut meluncurkan enam rudal balistik ke laut lepas.',
    'Selasa, 7 Juni 2022 - 15:00 WIB',
  );
  const meeting = id.find((e) => e.type === 'CONSULT');
  const fired = id.find((e) => e.type === 'MOBILIZE');
  assert.equal(meeting?.date, '2022-06-07', id.map(brief).join('; '));
  assert.equal(fired?.date, '2022-06-05', id.map(brief).join('; '));
});

test('a warning of force is a threat against the state it names; a warning about a risk is not', () => {
  const threat = code(
    'North Korean Foreign Minister Choe Son-hui warned that the North would respond with force to U.S. moves in the region.',
    'November 17, 2022',
    'en',
  );
  assert.deepEqual(
    threat.filter((e) => e.type === 'THREATEN').map((e) => [e.source.country, e.target.country]),
    [['PRK', 'USA']],
    threat.map(brief).join('; '),
  );
  const risk = code(
    'Seoul and Washington have warned that North Korea may be preparing its first nuclear test since 2017.',
    'May 27, 2022',
    'en',
  );
  assert.equal(risk.filter((e) => e.type === 'THREATEN').length, 0, risk.map(brief).join('; '));
  const id = code(
    'Kim Yo-jong memperingatkan bahwa setiap upaya AS mencegat rudal Korut akan dianggap sebagai deklarasi perang.',
    'Selasa, 7 Maret 2023 - 10:00 WIB',
  );
  assert.deepEqual(
    id.filter((e) => e.type === 'THREATEN').map((e) => [e.source.country, e.target.country]),
    [['PRK', 'USA']],
    id.map(brief).join('; '),
  );
});

test('"held talks with X and agreed to …" is an agreement between the same two sides, dated when it was made', () => {
  const ev = code(
    'On Tuesday South Korean Vice Foreign Minister Choi Jong-kun held talks with Wendy Sherman in Washington and agreed to keep consulting on steps to bring Pyongyang back to dialogue within two weeks.',
    'November 18, 2021',
    'en',
  );
  const agree = ev.find((e) => e.type === 'AGREE');
  assert.ok(agree, ev.map(brief).join('; '));
  assert.deepEqual([agree.source.country, agree.target.country], ['KOR', 'USA']);
  assert.equal(agree.date, '2021-11-16', 'the Tuesday of the talks, not two weeks ahead');
});

test('condemning "the launch" told before is aimed at the state that launched, not at a state named later', () => {
  const id = code(
    'Korea Utara meluncurkan rudal balistik yang melintasi Jepang pada Selasa (4/10/2022). Presiden AS Joe Biden menelepon Perdana Menteri Jepang Fumio Kishida. Keduanya mengecam peluncuran itu dan sepakat berkoordinasi erat dengan Korea Selatan.',
    'Rabu, 5 Oktober 2022 - 08:00 WIB',
  );
  const accuse = id.filter((e) => e.type === 'ACCUSE');
  assert.ok(accuse.length > 0, id.map(brief).join('; '));
  assert.ok(
    accuse.every((e) => e.target.country === 'PRK'),
    id.map(brief).join('; '),
  );
  const en = code(
    'North Korea fired an intercontinental ballistic missile on Friday. Speaking in Bangkok, U.S. Vice President Kamala Harris called the launch a brazen violation of U.N. Security Council resolutions.',
    'November 18, 2022',
    'en',
  );
  const harris = en.find((e) => e.type === 'ACCUSE');
  assert.deepEqual([harris?.source.country, harris?.target.country], ['USA', 'PRK'], en.map(brief).join('; '));
});

test('a surname refers back to a person named earlier in the same sentence', () => {
  const ev = code(
    'Perdana Menteri Singapura Lee Hsien Loong menjamu Presiden Korea Selatan Moon Jae-in pada Minggu (10/6/2018), sedangkan Presiden AS Donald Trump bertemu Lee di kantornya pada Senin (11/6/2018).',
    'Selasa, 12 Juni 2018 - 07:00 WIB',
  );
  const trump = ev.find((e) => e.type === 'CONSULT' && e.source.country === 'USA');
  assert.ok(trump, ev.map(brief).join('; '));
  assert.equal(trump.target.country, 'SGP');
  assert.equal(trump.target.name, 'Lee Hsien Loong');
  assert.equal(trump.date, '2018-06-11');
});

test('welcoming "the step" told before backs the one who took it', () => {
  const ev = code(
    'Pemerintah Korea Selatan pada Senin (6/3/2023) mengumumkan skema kompensasi bagi korban kerja paksa era kolonial Jepang. Presiden AS Joe Biden menyambut baik langkah tersebut pada hari yang sama.',
    'Selasa, 7 Maret 2023 - 09:00 WIB',
  );
  const support = ev.find((e) => e.type === 'SUPPORT');
  assert.deepEqual([support?.source.country, support?.target.country], ['USA', 'KOR'], ev.map(brief).join('; '));
});

test('a reaction to an act referred back, with no date of its own, is dated by that act, not by the page', () => {
  const ev = code(
    'North Korea fired a long-range rocket carrying a spy satellite on Nov. 21. Seoul, Washington and Tokyo condemned the launch as a violation of UN Security Council resolutions.',
    'December 1, 2023',
    'en',
  );
  const accuse = ev.filter((e) => e.type === 'ACCUSE');
  assert.ok(accuse.length >= 1, ev.map(brief).join('; '));
  for (const e of accuse) {
    assert.equal(e.target.country, 'PRK');
    assert.equal(e.date, '2023-11-21', ev.map(brief).join('; '));
  }
});

test('two sources acting on two targets give one event per source, not every pairing; one act on two states is one event', () => {
  const ev = code(
    'China and Russia voted in favor but urged Washington and Pyongyang to return to negotiations.',
    'December 23, 2017',
    'en',
  );
  const urged = ev.filter((e) => e.type === 'REQUEST');
  assert.deepEqual(urged.map((e) => e.source.country).sort(), ['CHN', 'RUS'], ev.map(brief).join('; '));
  // One act aimed at two states is one event (the first named); a trip to two states is a visit to each.
  const one = code('U.S. Ambassador Linda Thomas-Greenfield criticized Beijing and Moscow for the vetoes.', 'May 27, 2022', 'en');
  assert.deepEqual(
    one.filter((e) => e.type === 'ACCUSE').map((e) => e.target.country),
    ['CHN'],
    one.map(brief).join('; '),
  );
  const trip = code('Biden will visit South Korea and Japan from May 20 to 24.', 'April 28, 2022', 'en');
  assert.deepEqual(
    trip
      .filter((e) => e.mode === 'visit')
      .map((e) => e.target.country)
      .sort(),
    ['JPN', 'KOR'],
    trip.map(brief).join('; '),
  );
});

test("a trip to a city of the traveller's own state is no visit; the meeting held there is the event", () => {
  const ev = code(
    'From Seoul, Blinken will fly to Anchorage, Alaska, where he is due to hold talks with Chinese Foreign Minister Wang Yi on Thursday.',
    'March 16, 2021',
    'en',
  );
  assert.deepEqual(
    ev.map((e) => `${e.type}/${e.mode ?? '-'} ${e.source.country}>${e.target.country}`),
    ['CONSULT/- USA>CHN'],
    ev.map(brief).join('; '),
  );
});

test('"the same day" is the day named in the sentence just before, even when nothing was coded there', () => {
  const ev = code(
    'South Korea and the United States held talks in Washington on Thursday. The police chief flew to the easternmost islets on Tuesday. Japan lodged a protest with Seoul through diplomatic channels the same day.',
    'Thursday, November 18, 2021',
    'en',
  );
  const protest = ev.find((e) => e.type === 'PROTEST');
  assert.equal(protest?.date, '2021-11-16', ev.map(brief).join('; '));
});

test('"X and his South Korean counterpart, Y, agreed": the counterpart named in apposition is the other side', () => {
  const ev = code(
    'President Joe Biden and his South Korean counterpart, Yoon Suk-yeol, agreed on Saturday to expand their joint military exercises.',
    'Saturday 21 May 2022',
    'en',
  );
  const agree = ev.find((e) => e.type === 'AGREE');
  assert.deepEqual(
    [agree?.source.country, agree?.target.country, agree?.target.name],
    ['USA', 'KOR', 'Yoon Suk Yeol'],
    ev.map(brief).join('; '),
  );
});

test('"talks with X …, and with Y": a second partner of the same talks', () => {
  const ev = code(
    'Biden is expected to hold talks with South Korean President-elect Yoon Suk-yeol, who takes office on May 10, and with Japanese Prime Minister Fumio Kishida.',
    'April 28, 2022',
    'en',
  );
  assert.deepEqual(
    ev
      .filter((e) => e.type === 'CONSULT')
      .map((e) => e.target.country)
      .sort(),
    ['JPN', 'KOR'],
    ev.map(brief).join('; '),
  );
});

test('a finite past verb after "and" is told as done, whatever the clause before it planned', () => {
  const ev = code(
    "Blinken said the United States would work with allies to defend a rules-based order and voiced concern about Beijing's aggressive actions in the region.",
    'December 14, 2021',
    'en',
  );
  const accuse = ev.find((e) => e.type === 'ACCUSE');
  assert.equal(accuse?.modality, 'occurred', ev.map(brief).join('; '));
  // An infinitive after "and" still belongs to the plan.
  const plan = code('Blinken will fly to Jakarta and meet Indonesian Foreign Minister Retno Marsudi.', 'December 12, 2021', 'en');
  assert.ok(
    plan.filter((e) => e.type === 'CONSULT').every((e) => e.modality === 'planned'),
    plan.map(brief).join('; '),
  );
});

test('"A came two days after B, on (date)": the date is B\'s, and A is two days later', () => {
  const ev = code(
    'Pertemuan Menteri Pertahanan Jepang dengan Menteri Pertahanan Australia digelar dua hari setelah Korut meluncurkan enam rudal balistik pada Minggu (5/6/2022).',
    'Rabu, 8 Juni 2022 - 10:00 WIB',
  );
  assert.equal(ev.find((e) => e.type === 'CONSULT')?.date, '2022-06-07', ev.map(brief).join('; '));
  assert.equal(ev.find((e) => e.type === 'MOBILIZE')?.date, '2022-06-05', ev.map(brief).join('; '));
});

test('a bare other year after the act is background, not its date', () => {
  const ev = code(
    'South Korea urged Pyongyang not to shut the window for dialogue and to return to the agreements reached in 2018.',
    'Tuesday, June 16, 2020',
    'en',
  );
  const urged = ev.find((e) => e.type === 'REQUEST');
  assert.equal(urged?.date, '2020-06-16', ev.map(brief).join('; '));
  // Before the act, the year is its date.
  const before = code(
    'In 2018, South Korean President Moon Jae-in urged Pyongyang to give up its nuclear weapons programme.',
    'June 16, 2020',
    'en',
  );
  assert.equal(before.find((e) => e.type === 'REQUEST')?.date, '2018', before.map(brief).join('; '));
});

test('talks told in the sentence of a visit between the same states are that visit, unless on another day', () => {
  const one = code('Putin last visited Pyongyang in July 2000, when he met Kim Jong-il.', 'June 20, 2024', 'en');
  assert.deepEqual(
    one.filter((e) => e.type === 'CONSULT').map((e) => e.mode),
    ['visit'],
    one.map(brief).join('; '),
  );
  const two = code(
    'Pompeo dijadwalkan terbang ke Seoul pada Rabu (13/6/2018) untuk memberi penjelasan kepada Presiden Moon Jae-in, lalu bertemu Menlu Korsel Kang Kyung-wha pada Kamis.',
    'Selasa, 12 Juni 2018 - 21:00 WIB',
  );
  assert.equal(two.filter((e) => e.type === 'CONSULT').length, 2, two.map(brief).join('; '));
});

test('welcoming "the results of that meeting" backs those who met', () => {
  const ev = code(
    'Pada Jumat (27/4/2018), pemimpin Korea Utara Kim Jong-un bertemu Presiden Korea Selatan Moon Jae-in di desa perbatasan. Sehari kemudian Presiden AS Donald Trump menyambut hasil pertemuan itu dalam sebuah wawancara.',
    'Sabtu, 28 April 2018 - 08:00 WIB',
  );
  const support = ev.find((e) => e.type === 'SUPPORT');
  assert.equal(support?.source.country, 'USA', ev.map(brief).join('; '));
  assert.ok(['KOR', 'PRK'].includes(support?.target.country ?? ''), ev.map(brief).join('; '));
});

test('calling off "the summit" told before is news: the cancelled meeting of the same two sides', () => {
  const ev = code(
    'Presiden AS Donald Trump dan pemimpin Korut Kim Jong-un dijadwalkan bertemu di Singapura pada 12 Juni. Trump mengumumkan pembatalan KTT tersebut pada Kamis (24/5/2018).',
    'Senin, 28 Mei 2018 - 10:00 WIB',
  );
  const off = ev.find((e) => e.modality === 'cancelled');
  assert.deepEqual([off?.type, off?.source.country, off?.target.country], ['CONSULT', 'USA', 'PRK'], ev.map(brief).join('; '));
});

test('an earlier meeting told after "setelah" with its own sides and date is an event; a bare topic is not', () => {
  const ev = code(
    'Kunjungan Xi Jinping ke Pyongyang berlangsung empat bulan setelah pertemuan puncak kedua Kim Jong-un dan Presiden AS Donald Trump di Hanoi berakhir tanpa kesepakatan pada Februari lalu.',
    'Jumat, 21 Juni 2019 - 10:00 WIB',
  );
  const hanoi = ev.find((e) => e.type === 'CONSULT' && [e.source.country, e.target.country].includes('USA'));
  assert.equal(hanoi?.date, '2019-02', ev.map(brief).join('; '));
  const topic = code(
    'Kedua menteri membahas persiapan setelah pertemuan puncak Kim Jong-un dan Donald Trump.',
    'Jumat, 21 Juni 2019 - 10:00 WIB',
  );
  assert.ok(!topic.some((e) => [e.source.country, e.target.country].includes('USA') && e.type === 'CONSULT'), topic.map(brief).join('; '));
});

test('a done act is not dated by a plan in a relative clause after it; a host with no guest is no visit', () => {
  const ev = code(
    'Chinese President Xi Jinping met Indonesian President Joko Widodo in Beijing on Tuesday. Xi expressed support for the success of the G20 summit that Indonesia will host in Bali in November.',
    'July 27, 2022',
    'en',
  );
  const support = ev.find((e) => e.type === 'SUPPORT');
  assert.equal(support?.date, '2022-07-26', ev.map(brief).join('; '));
  assert.ok(!ev.some((e) => e.mode === 'visit'), ev.map(brief).join('; '));
});

test('"A dan B berbicara tertutup" is a meeting of the two', () => {
  const ev = code(
    'Trump dan Kim Jong-un kemudian berbicara tertutup sekitar 50 menit di Rumah Kebebasan pada Minggu (30/6/2019).',
    'Senin, 1 Juli 2019 - 08:00 WIB',
  );
  const talk = ev.find((e) => e.type === 'CONSULT');
  assert.deepEqual([talk?.source.country, talk?.target.country].sort(), ['PRK', 'USA'], ev.map(brief).join('; '));
});

test('a relative clause telling another act with its own actor does not date the act before it', () => {
  const ev = code(
    'KCNA pada Rabu (16/5/2018) melaporkan bahwa Korea Utara membatalkan perundingan. Kantor berita Korut, KCNA, menyebut latihan Max Thunder itu sebagai "provokasi militer yang disengaja" dan tantangan terhadap Deklarasi Panmunjom yang diteken Kim Jong-un dan Presiden Moon Jae-in pada 27 April lalu.',
    'Rabu, 16 Mei 2018 - 12:00 WIB',
  );
  const accuse = ev.find((e) => e.type === 'ACCUSE');
  assert.equal(accuse?.date, '2018-05-16', ev.map(brief).join('; '));
  // English "that evening" is the day just told.
  const en = code(
    'Both leaders arrived in Singapore on Sunday. Kim Jong-un called on Prime Minister Lee Hsien Loong at the Istana that evening.',
    'June 12, 2018',
    'en',
  );
  assert.equal(en.find((e) => e.source.country === 'PRK' && e.type === 'CONSULT')?.date, '2018-06-10', en.map(brief).join('; '));
});

test('drills not called joint are a show of force; after "the launch" they answer the launcher', () => {
  const ev = code(
    'South Korea, the United States and Japan began their first trilateral multi-domain exercise south of Jeju Island on Thursday.',
    'June 27, 2024',
    'en',
  );
  assert.ok(
    ev.some((e) => e.type === 'MOBILIZE'),
    ev.map(brief).join('; '),
  );
  const answer = code(
    'North Korea fired an intercontinental ballistic missile on Friday. Hours after the launch, South Korean and U.S. fighter jets staged a combined precision-strike drill.',
    'November 18, 2022',
    'en',
  );
  const drill = answer.find((e) => e.type === 'MOBILIZE' && e.source.country !== 'PRK');
  assert.equal(drill?.target.country, 'PRK', answer.map(brief).join('; '));
});

test("placing a state's nationals on a sanctions list is a sanction against that state", () => {
  const ev = code(
    "South Korea's foreign ministry announced on Friday that it was placing 11 North Korean individuals linked to the satellite and ballistic missile programs on its own sanctions list.",
    'December 1, 2023',
    'en',
  );
  const s = ev.find((e) => e.type === 'SANCTION');
  assert.deepEqual([s?.source.country, s?.target.country, s?.date], ['KOR', 'PRK', '2023-12-01'], ev.map(brief).join('; '));
});

test('"the North Korean military" is one actor, not "the North" and a stray word', () => {
  const ev = code(
    'On Tuesday, the North Korean military said it would deploy troops to the border with South Korea.',
    'June 16, 2020',
    'en',
  );
  const m = ev.find((e) => e.type === 'MOBILIZE');
  assert.equal(m?.source.country, 'PRK', ev.map(brief).join('; '));
  assert.equal(m?.source.text, 'the North Korean military');
});

test('a pronoun in a clause fronted before the subject is that subject', () => {
  const ev = code(
    'Joe Biden met South Korean President Yoon Suk-yeol in Seoul on Saturday. Asked at a joint news conference whether he would be willing to meet the North Korean leader, Biden said that would depend on whether Kim was sincere.',
    'Saturday 21 May 2022',
    'en',
  );
  const meet = ev.find((e) => e.modality === 'hypothetical' && e.type === 'CONSULT');
  assert.deepEqual([meet?.source.country, meet?.target.country], ['USA', 'PRK'], ev.map(brief).join('; '));
});

test('"left X on Wednesday and arrived in Y early Thursday for a state visit": one visit, on Thursday', () => {
  const ev = code(
    'Russian President Vladimir Putin visited North Korea on Wednesday. Putin left Pyongyang late on Wednesday and arrived in Hanoi early Thursday for a state visit to Vietnam.',
    'June 20, 2024',
    'en',
  );
  const vietnam = ev.filter((e) => e.target.country === 'VNM');
  assert.deepEqual(
    vietnam.map((e) => [e.source.country, e.date]),
    [['RUS', '2024-06-20']],
    ev.map(brief).join('; '),
  );
});

test('a date in a relative clause about someone is not the anchor of the plans told after it', () => {
  const ev = code(
    'U.S. President Joe Biden will travel to South Korea and Japan from May 20 to 24. Biden is expected to hold talks with South Korean President-elect Yoon Suk-yeol, who takes office on May 10, and with Japanese Prime Minister Fumio Kishida. In Tokyo, Biden will also attend a summit of the Quad grouping with the leaders of Japan, India and Australia.',
    'April 28, 2022',
    'en',
  );
  const quad = ev.find((e) => e.mode === 'multilateral');
  assert.ok(quad?.date?.startsWith('2022-05-2'), ev.map(brief).join('; '));
});

test('"a possible North Korean weapons test" is a topic, not an event', () => {
  const ev = code(
    'Biden and Yoon met in Seoul on Saturday as Washington warned of a possible North Korean weapons test.',
    'May 21, 2022',
    'en',
  );
  assert.ok(!ev.some((e) => e.type === 'MOBILIZE'), ev.map(brief).join('; '));
});

test('"the two leaders", before any meeting is told, are the states of the last two people named', () => {
  const ev = code(
    "North Korea fired a missile on Thursday, and North Korea's foreign ministry defended the launch. U.S. President Joe Biden arrived in Seoul on Friday. South Korean President Yoon Suk-yeol welcomed him at the airport. The two leaders met at the presidential office on Saturday as Washington warned Pyongyang.",
    'May 21, 2022',
    'en',
  );
  const met = ev.find((e) => e.type === 'CONSULT' && e.mode !== 'visit');
  assert.deepEqual([met?.source.country, met?.target.country].sort(), ['KOR', 'USA'], ev.map(brief).join('; '));
});

test('"this year" frames a count; it does not date a done act', () => {
  const ev = code(
    'Indonesian Foreign Minister Retno Marsudi said on Tuesday that it was her second bilateral meeting with Antony Blinken this year.',
    'Tuesday, December 14, 2021',
    'en',
  );
  const meeting = ev.find((e) => e.type === 'CONSULT');
  assert.equal(meeting?.date, '2021-12-14', ev.map(brief).join('; '));
});

test("a date in an aside about the subject is the aside's, not the act's", () => {
  const ev = code(
    'South Korean President-elect Yoon Suk-yeol met officials. Yoon, a conservative former prosecutor who won the March 9 election by a razor-thin margin, has pledged to rebuild ties with Washington.',
    'April 28, 2022',
    'en',
  );
  const pledge = ev.find((e) => e.type === 'AGREE');
  assert.equal(pledge?.date, '2022-04-28', ev.map(brief).join('; '));
});

test('"responded … by firing missiles" is a done act aimed at the launcher, not an aim', () => {
  const ev = code(
    "North Korea fired three ballistic missiles on Wednesday. South Korean and U.S. forces responded to Wednesday's launches by firing surface-to-surface missiles of their own.",
    'May 27, 2022',
    'en',
  );
  const answer = ev.find((e) => e.type === 'MOBILIZE' && e.source.country !== 'PRK');
  assert.deepEqual([answer?.target.country, answer?.modality, answer?.date], ['PRK', 'occurred', '2022-05-25'], ev.map(brief).join('; '));
});

test('past a comma, a date after a word of sequence belongs to another happening; a "when" clause still dates the act', () => {
  const ev = code(
    'Chinese Premier Li Qiang met Indonesian President Joko Widodo in Beijing on Tuesday. China committed to import more Indonesian palm oil, the Presidential Secretariat said, as Jakarta seeks to shore up prices after its export ban earlier this year.',
    'July 27, 2022',
    'en',
  );
  assert.equal(ev.find((e) => e.type === 'AGREE')?.date, '2022-07-27', ev.map(brief).join('; '));
  const when = code(
    'Antony Blinken sebelumnya juga bertemu Cho Tae-yul di Washington, ketika Menlu Korsel itu berkunjung ke AS akhir bulan lalu.',
    'Kamis, 14 Maret 2024 - 10:00 WIB',
  );
  assert.ok(when.find((e) => e.type === 'CONSULT')?.date?.startsWith('2024-02'), when.map(brief).join('; '));
});

test('readiness ("still willing to sit down") is dated when said, not by the summit planned before', () => {
  const ev = code(
    'Trump and Kim Jong-un were scheduled to meet in Singapore on June 12. On Friday, North Korea said Pyongyang was still willing to sit down with the US at any time.',
    'May 25, 2018',
    'en',
  );
  const willing = ev.filter((e) => e.type === 'CONSULT' && e.source.country === 'PRK');
  assert.ok(willing.length > 0 && willing.every((e) => e.date?.startsWith('2018-05')), ev.map(brief).join('; '));
});

test('renouncing a pact and staying away are refusals, aimed at the other side of what is refused', () => {
  const ev = code(
    'On Nov. 22, South Korea suspended part of the military agreement with North Korea. The next day, Pyongyang said it would no longer be bound by the pact.',
    'December 1, 2023',
    'en',
  );
  const reject = ev.find((e) => e.type === 'REJECT');
  assert.deepEqual([reject?.source.country, reject?.target.country], ['PRK', 'KOR'], ev.map(brief).join('; '));
});

test('consequences promised to the other side are a threat against it', () => {
  const ev = code(
    'U.S. Ambassador Nikki Haley said the vote showed that further defiance by Pyongyang would only bring more punishment and isolation.',
    'December 23, 2017',
    'en',
  );
  const t = ev.find((e) => e.type === 'THREATEN');
  assert.deepEqual([t?.source.country, t?.target.country, t?.modality], ['USA', 'PRK', 'occurred'], ev.map(brief).join('; '));
});

test('a negated subject ("no South Korean president had held …") is a general statement, not an event', () => {
  const ev = code(
    'A spokeswoman for Yoon welcomed the announcement, saying no South Korean president had held a summit with a U.S. leader so soon after taking office.',
    'April 28, 2022',
    'en',
  );
  assert.ok(!ev.some((e) => e.type === 'CONSULT'), ev.map(brief).join('; '));
  const denied = code('South Korean President Yoon Suk-yeol did not meet Chinese President Xi Jinping in Bali.', 'November 16, 2022', 'en');
  assert.equal(denied.find((e) => e.type === 'CONSULT')?.modality, 'negated', denied.map(brief).join('; '));
});

test('a participle after a comma shares the main subject; the actor after it is its object', () => {
  const ev = code(
    'Last month, Jokowi became the first Asian leader to visit both Ukraine and Russia since the war began, meeting President Volodymyr Zelensky in Kyiv and President Vladimir Putin in Moscow.',
    'July 27, 2022',
    'en',
  );
  assert.ok(
    ev.every((e) => e.source.country === 'IDN'),
    ev.map(brief).join('; '),
  );
});

test('a trip to a list of states is a visit to each; talks with counterparts from several states are talks with each', () => {
  const trip = code(
    'Pekan depan Presiden Joko Widodo akan berkunjung ke tiga negara, yakni Peru, Chili, dan Brasil.',
    'Minggu, 20 Agustus 2023 - 10:00 WIB',
  );
  const hosts = trip.filter((e) => e.mode === 'visit' && e.source.country === 'IDN').map((e) => e.target.country);
  assert.deepEqual(hosts.sort(), ['BRA', 'CHL', 'PER'], trip.map(brief).join('; '));
  const talks = code(
    'On Thursday in Lima, Indian Foreign Minister S Jaishankar held talks with counterparts from Chile, the Philippines, Kenya and Ghana.',
    'Friday, 8 July 2022',
    'en',
  );
  const sides = talks.filter((e) => e.type === 'CONSULT' && e.source.country === 'IND').map((e) => e.target.country);
  assert.deepEqual(sides.sort(), ['CHL', 'GHA', 'KEN', 'PHL'], talks.map(brief).join('; '));
  // A run of commas that no coordinator closes is no list; a meeting with leaders of several states stays one event.
  const one = code(
    'Prime Minister Anthony Albanese met leaders of Japan, Canada and New Zealand in Tokyo on Monday.',
    'Tuesday, 9 July 2024',
    'en',
  );
  assert.equal(one.filter((e) => e.type === 'CONSULT').length, 1, one.map(brief).join('; '));
});

test("a list joined to the actor before it acts with it; an office's post is part of its phrase", () => {
  const ev = code(
    'Iran meluncurkan rudal jarak menengah pada Senin (6/3/2023). Keesokan harinya, misi Inggris untuk PBB, yang diikuti oleh Jerman, Italia dan Kanada, mengecam peluncuran itu.',
    'Rabu, 8 Maret 2023 - 10:00 WIB',
  );
  const critics = ev.filter((e) => e.type === 'ACCUSE' && e.target.country === 'IRN').map((e) => e.source.country);
  assert.deepEqual(critics.sort(), ['CAN', 'DEU', 'GBR', 'ITA'], ev.map(brief).join('; '));
  assert.ok(!ev.some((e) => e.source.country === 'UN' || e.target.country === 'UN'), ev.map(brief).join('; '));
});

test('condemning a launch with no author named answers the last hostile act told', () => {
  const ev = code(
    'Pada Kamis (3/11/2022) Korea Utara kembali menembakkan rudal balistik antarbenua ke lepas pantai timurnya. Seorang juru bicara Departemen Luar Negeri AS mengutuk peluncuran itu sebagai tindakan sembrono.',
    'Jumat, 4 November 2022 - 10:00 WIB',
  );
  assert.ok(
    ev.some((e) => e.type === 'ACCUSE' && e.source.country === 'USA' && e.target.country === 'PRK'),
    ev.map(brief).join('; '),
  );
});

test('a protest sent to a capital is addressed to its government; the channel it goes through is not the other side', () => {
  const ev = code(
    'Korea Utara menembakkan rudal ke arah laut pada Rabu (2/11/2022). Tokyo mengatakan Jepang telah mengajukan protes ke Pyongyang melalui Beijing.',
    'Kamis, 3 November 2022 - 10:00 WIB',
  );
  const protest = ev.find((e) => e.type === 'PROTEST');
  assert.ok(protest, ev.map(brief).join('; '));
  assert.equal(protest.source.country, 'JPN');
  assert.equal(protest.target.country, 'PRK');
});

test('missiles that land are no visit; people arriving are', () => {
  const ev = code(
    'Dari enam rudal yang ditembakkan Iran pada Rabu (2/11/2022), dua di antaranya mendarat di dekat kota perbatasan Irak.',
    'Kamis, 3 November 2022 - 10:00 WIB',
  );
  assert.ok(!ev.some((e) => e.mode === 'visit'), ev.map(brief).join('; '));
  const trip = code('Menteri Luar Negeri Retno Marsudi tiba di Tokyo pada Rabu (2/11/2022).', 'Kamis, 3 November 2022 - 10:00 WIB');
  assert.ok(
    trip.some((e) => e.mode === 'visit' && e.target.country === 'JPN'),
    trip.map(brief).join('; '),
  );
});

test("summoning another state's envoy is a protest; its ships entering claimed waters are a show of force", () => {
  const ev = code(
    'Pada Selasa (9/8/2016), tiga kapal perang Tiongkok memasuki perairan Filipina di dekat Palawan. Keesokan harinya Filipina memanggil Dubes Tiongkok di Manila.',
    'Minggu, 7 Agustus 2016 - 10:00 WIB',
  );
  assert.ok(
    ev.some((e) => e.type === 'MOBILIZE' && e.source.country === 'CHN' && e.target.country === 'PHL'),
    ev.map(brief).join('; '),
  );
  assert.ok(
    ev.some((e) => e.type === 'PROTEST' && e.source.country === 'PHL' && e.target.country === 'CHN'),
    ev.map(brief).join('; '),
  );
});

test("speaking with a counterpart is talks; a commitment to another state's security is support", () => {
  const ev = code(
    'Pada Kamis (3/11/2022) Wakil Menlu AS Wendy Sherman berbicara lewat telepon dengan mitranya dari India. "Komitmen kami terhadap keamanan Filipina tidak goyah," ujar Sherman.',
    'Jumat, 4 November 2022 - 10:00 WIB',
  );
  assert.ok(
    ev.some((e) => e.type === 'CONSULT' && e.source.country === 'USA' && e.target.country === 'IND'),
    ev.map(brief).join('; '),
  );
  assert.ok(
    ev.some((e) => e.type === 'SUPPORT' && e.source.country === 'USA' && e.target.country === 'PHL'),
    ev.map(brief).join('; '),
  );
});

test('what an earlier trip is for happens on it; a state after its own city is where the city is', () => {
  const ev = code(
    'Pada akhir Maret, Presiden Joko Widodo akan berkunjung ke Australia. Kunjungan Jokowi ini untuk menghadiri KTT ASEAN-Australia di Melbourne bersama para pemimpin kawasan.',
    'Kamis, 8 Maret 2018 - 10:00 WIB',
  );
  const summit = ev.find((e) => e.mode === 'multilateral');
  assert.ok(summit, ev.map(brief).join('; '));
  assert.equal(summit.source.country, 'IDN');
  assert.equal(summit.modality, 'planned');
  const trip = code(
    'Presiden Joko Widodo selanjutnya menyambangi Nairobi, Kenya, pada Kamis (24/8/2023).',
    'Senin, 21 Agustus 2023 - 10:00 WIB',
  );
  const visit = trip.find((e) => e.mode === 'visit');
  assert.ok(visit, trip.map(brief).join('; '));
  assert.equal(visit.source.country, 'IDN');
  assert.equal(visit.target.country, 'KEN');
});

test('lunch with a leader is a meeting', () => {
  const ev = code(
    'Pada Selasa (12/6/2018), Presiden Prancis Emmanuel Macron makan siang bersama dengan Perdana Menteri Kanada Justin Trudeau di Ottawa.',
    'Selasa, 12 Juni 2018 - 20:00 WIB',
  );
  assert.ok(
    ev.some((e) => e.type === 'CONSULT' && e.source.country === 'FRA' && e.target.country === 'CAN'),
    ev.map(brief).join('; '),
  );
});

test('what an occasion is used for and what is announced are done; a wish to meet is a plan', () => {
  const ev = code(
    'Di Jakarta pada Jumat (8/7/2022), Menlu Retno Marsudi bertemu Menlu Jepang Yoshimasa Hayashi. Retno menggunakan kesempatan bilateral itu untuk menyampaikan belasungkawa kepada Jepang atas banjir besar di Kyushu. Presiden Rusia Vladimir Putin mengungkapkan keinginannya untuk bertemu dengan Presiden Brasil.',
    'Jumat, 8 Juli 2022 - 10:00 WIB',
  );
  assert.ok(
    ev.some((e) => e.type === 'SUPPORT' && e.source.country === 'IDN' && e.target.country === 'JPN'),
    ev.map(brief).join('; '),
  );
  const wish = ev.find((e) => e.source.country === 'RUS' && e.target.country === 'BRA');
  assert.ok(wish, ev.map(brief).join('; '));
  assert.equal(wish.modality, 'planned');
});

test('a passive condemnation names the critic after "oleh"; a guest welcomed by a host meets the host', () => {
  const ev = code(
    'Pada Jumat (18/11/2022) Iran meluncurkan rudal balistik ke arah laut, langkah yang dikecam oleh Kanselir Jerman Olaf Scholz. Di Jakarta pada Kamis (17/11/2022), Menlu India Subrahmanyam Jaishankar disambut Menlu RI Retno Marsudi.',
    'Jumat, 18 November 2022 - 10:00 WIB',
  );
  assert.ok(
    ev.some((e) => e.type === 'ACCUSE' && e.source.country === 'DEU' && e.target.country === 'IRN'),
    ev.map(brief).join('; '),
  );
  assert.ok(
    ev.some((e) => e.type === 'CONSULT' && e.source.country === 'IND' && e.target.country === 'IDN'),
    ev.map(brief).join('; '),
  );
});

test('a hyphenated surname alone names the person named before; a verb after "tetapi" keeps its subject', () => {
  const ev = code(
    'José Ramos-Horta, presiden terpilih Timor Leste, kembali ke Dili pada Rabu (18/5/2022). "Prioritas kami adalah secepatnya pergi ke Indonesia," ujar Ramos-Horta kepada wartawan. Presiden Prancis Emmanuel Macron menghormati kedaulatan Moldova tetapi menentang tekanan Rusia terhadap Moldova.',
    'Rabu, 18 Mei 2022 - 10:00 WIB',
  );
  const trip = ev.find((e) => e.mode === 'visit' && e.target.country === 'IDN');
  assert.ok(trip, ev.map(brief).join('; '));
  assert.equal(trip.source.country, 'TLS');
  assert.equal(trip.modality, 'planned');
  assert.ok(
    ev.some((e) => e.type === 'REJECT' && e.source.country === 'FRA' && e.target.country === 'RUS'),
    ev.map(brief).join('; '),
  );
});

test('an act inside a condition ("apabila …", "if …") is only supposed: the threat around it is the event', () => {
  const id = code(
    'Vietnam mengancam akan mengambil langkah yang sama apabila Kamboja menaikkan bea masuk sebesar 20 persen.',
    'Rabu, 14 Mei 2025 - 09:00 WIB',
  );
  assert.deepEqual(id.map(brief), ['THREATEN/- VNM>KHM 2025-05-14 occurred'], id.map(brief).join('; '));
  const en = code('Vietnam said it would respond if Cambodia imposed sanctions on Vietnam.', 'May 14, 2025', 'en');
  assert.ok(!en.some((e) => e.type === 'SANCTION'), en.map(brief).join('; '));
});

test('"Selanjutnya, menyambangi …": the next leg of a planned trip is planned, by the same traveller, in the year of the page', () => {
  // The page states no date of its own: its day is inferred from the latest date it names (17 June), after the leg.
  const ev = code(
    'Presiden Joko Widodo berangkat ke Afrika Timur pada Senin (10/6). "Kami akan mengunjungi dua negara, yakni Kenya dan Tanzania," katanya. Presiden berharap perdagangan tumbuh. Impor kopi dari kawasan itu naik tahun lalu. Selanjutnya, menyambangi Dodoma, Tanzania, pada 12-13 Juni. Rombongan tiba lagi di Jakarta pada 17 Juni 2024.',
    '',
  );
  const leg = ev.find((e) => e.target.country === 'TZA' && e.date_end);
  assert.deepEqual(
    [leg?.source.country, leg?.modality, leg?.date, leg?.date_end],
    ['IDN', 'planned', '2024-06-12', '2024-06-13'],
    ev.map(brief).join('; '),
  );
});

test('an event noun joined by "atau" to a visit told only as an aim is the same aim, no event', () => {
  const ev = code(
    'Menurut Perdana Menteri Samoa, setiap pemimpin baru Samoa punya kebiasaan untuk mengadakan kunjungan atau pertemuan perdana bersama Perdana Menteri Selandia Baru.',
    'Rabu, 14 Mei 2025 - 09:00 WIB',
  );
  assert.deepEqual(ev.map(brief), []);
});

test('a visit noun dated by a time ahead ("…, Oktober mendatang") is planned though no verb says so', () => {
  const ev = code(
    'Menurut Sugiono, ada sejumlah acara budaya saat kunjungan menteri luar negeri Vietnam ke Indonesia, Oktober mendatang.',
    'Rabu, 14 Mei 2025 - 09:00 WIB',
  );
  assert.deepEqual(ev.map(brief), ['CONSULT/visit VNM>IDN 2025-10 planned']);
});

test('a place after a topic noun ("kondisi di Myanmar") is the topic\'s, not where the talks are held', () => {
  const ev = code(
    'Pada Rabu (14/5), Menteri Luar Negeri Vietnam Bui Thanh Son bertemu Menteri Luar Negeri Thailand di Hanoi. Keduanya juga bertukar pandangan mengenai kondisi di Myanmar.',
    'Rabu, 14 Mei 2025 - 09:00 WIB',
  );
  assert.deepEqual(ev.map(brief), ['CONSULT/- VNM>THA 2025-05-14 occurred']);
  assert.ok(!ev.some((e) => e.place?.country === 'MMR'), JSON.stringify(ev.map((e) => e.place)));
});

test('denying a report ("membantah bahwa …", "denied that …") rejects no party', () => {
  const id = code(
    'Namun, seorang pejabat senior Vietnam membantah bahwa pertemuan tersebut dengan Kamboja telah dijadwalkan.',
    'Rabu, 14 Mei 2025 - 09:00 WIB',
  );
  assert.ok(!id.some((e) => e.type === 'REJECT'), id.map(brief).join('; '));
  const en = code('A senior Vietnamese official denied that the meeting with Cambodia had been scheduled.', 'May 14, 2025', 'en');
  assert.ok(!en.some((e) => e.type === 'REJECT'), en.map(brief).join('; '));
});

test('a bracketed abbreviation closing a body\'s own name ("TNI Angkatan Udara (AU)") is that body, not the African Union', () => {
  const ev = code(
    'Dua helikopter TNI Angkatan Udara (AU) mendarat di Dili, Timor Leste, pada Selasa (1/4/2025) untuk latihan evakuasi.',
    'Rabu, 2 April 2025 - 09:00 WIB',
  );
  assert.ok(!ev.some((e) => e.source.country === 'AU'), ev.map(brief).join('; '));
});

test('"berencana untuk mengunjungi …" is a planned visit; "Rencana lawatan itu" is the plan of that trip, not of the meeting told after it', () => {
  const ev = code(
    'Menurut Sekretariat Negara, Presiden Prabowo Subianto berencana untuk mengunjungi Korea Selatan akhir Mei 2025. Rencana lawatan itu menjadi bahasan dalam pertemuan Menteri Luar Negeri RI Sugiono dengan Duta Besar Korea Selatan di Jakarta pada Jumat (28/2).',
    'Senin, 3 Maret 2025 - 09:00 WIB',
  );
  const visit = ev.find((e) => e.mode === 'visit');
  assert.ok(visit, ev.map(brief).join('; '));
  assert.deepEqual([visit.source.country, visit.target.country, visit.modality], ['IDN', 'KOR', 'planned']);
  const talks = ev.find((e) => e.type === 'CONSULT' && e.mode === null);
  assert.ok(talks, ev.map(brief).join('; '));
  assert.deepEqual([talks.date, talks.modality], ['2025-02-28', 'occurred']);
});

test("a body's summit after a preposition is the setting of what is told, not an event; attending one is", () => {
  const ev = code(
    'Menteri Luar Negeri Australia Penny Wong memuji kepemimpinan Malaysia pada KTT ASEAN di Kuala Lumpur. Perdana Menteri Jepang menghadiri KTT ASEAN di Kuala Lumpur pada Minggu. Nama Menlu Myanmar dicoret dari Pertemuan Menlu ASEAN.',
    'Senin, 27 Oktober 2025 - 09:00 WIB',
  );
  const summits = ev.filter((e) => e.mode === 'multilateral');
  assert.deepEqual(
    summits.map((e) => e.source.country),
    ['JPN'],
    ev.map(brief).join('; '),
  );
  assert.ok(
    ev.some((e) => e.type === 'SUPPORT' && e.source.country === 'AUS' && e.target.country === 'MYS'),
    ev.map(brief).join('; '),
  );
});

test('a reaction told before the act it answers answers the first act of force the page tells; the act it is about is not its own', () => {
  const ev = code(
    'Pemerintah Jepang mengecam peluncuran rudal balistik dan menyebutnya ancaman serius bagi kawasan. Pada Kamis (6/3/2025) pagi, Korea Utara menembakkan dua rudal balistik ke Laut Jepang.',
    'Jumat, 7 Maret 2025 - 08:00 WIB',
  );
  const accuse = ev.find((e) => e.type === 'ACCUSE');
  assert.ok(accuse, ev.map(brief).join('; '));
  assert.deepEqual([accuse.source.country, accuse.target.country, accuse.modality], ['JPN', 'PRK', 'occurred']);
  assert.deepEqual(
    ev.filter((e) => e.type === 'MOBILIZE').map((e) => e.source.country),
    ['PRK'],
    ev.map(brief).join('; '),
  );
});

test("an object owned by the subject's own state keeps the act at home: no other state named in the sentence is its target", () => {
  const ev = code(
    'Malaysia sempat bersitegang dengan kapal patroli Tiongkok, yang mendukung kapal survei Beijing di dekat Sarawak. Jepang mendukung usul Korea Selatan soal air bersih.',
    'Senin, 4 Maret 2024 - 10:00 WIB',
  );
  assert.deepEqual(
    ev.filter((e) => e.type === 'SUPPORT').map((e) => `${e.source.country}>${e.target.country}`),
    ['JPN>KOR'],
    ev.map(brief).join('; '),
  );
});

test('"pejabat itu" points back to the official last named, like "ia"', () => {
  const ev = code(
    'Pada Selasa, seorang pejabat Kementerian Pertahanan Korea Utara, Kim Chol-min, berkata Seoul hendak menambah pasukan di perbatasan. Sambil mengecam langkah itu sebagai "permusuhan nyata", pejabat itu menilai sikap Seoul ceroboh.',
    'Rabu, 13 Maret 2024 - 10:00 WIB',
  );
  const accuse = ev.find((e) => e.type === 'ACCUSE');
  assert.ok(accuse, ev.map(brief).join('; '));
  assert.equal(accuse.source.country, 'PRK', ev.map(brief).join('; '));
});

test('a drill told as a habit ("… setiap bulan Maret sejak 2016") is no dated event; one on a named day is', () => {
  const habit = code(
    'Jepang dan Australia menggelar latihan militer bersama di laut, yang dinamai "Nichi Gou", setiap bulan Maret sejak tahun 2016.',
    'Senin, 4 Maret 2024 - 10:00 WIB',
  );
  assert.deepEqual(habit.map(brief), []);
  const once = code(
    'Jepang dan Australia menggelar latihan militer bersama di laut pada Senin (4/3/2024), seperti yang mereka lakukan setiap tahun.',
    'Senin, 4 Maret 2024 - 10:00 WIB',
  );
  assert.ok(once.length > 0, 'a drill on a named day is told once');
});

test("verbs coordinated inside a reported clause share its subject, not the speaker's", () => {
  const ev = code(
    'Komando militer Vietnam mengatakan kapal penjaga pantai China sudah "mengepung dan menembakkan meriam air" ke perahu pasokan Vietnam di dekat Kepulauan Spratly.',
    'Senin, 4 Maret 2024 - 10:00 WIB',
  );
  const coerce = ev.find((e) => e.type === 'COERCE');
  assert.ok(coerce, ev.map(brief).join('; '));
  assert.deepEqual([coerce.source.country, coerce.target.country], ['CHN', 'VNM']);
});

test('a plane carrying relief that lands in another state delivers aid to it; carrying a delegation is no aid', () => {
  const ev = code(
    'Pada Rabu (2/4/2025), dua pesawat Hercules milik TNI yang membawa bantuan tenda dan obat-obatan mendarat di Myanmar. Keesokan harinya pesawat yang sama membawa rombongan menteri Indonesia ke Tokyo.',
    'Kamis, 3 April 2025 - 10:00 WIB',
  );
  assert.deepEqual(
    ev.filter((e) => e.type === 'AID').map((e) => `${e.source.country}>${e.target.country} ${e.date} ${e.modality}`),
    ['IDN>MMR 2025-04-02 occurred'],
    ev.map(brief).join('; '),
  );
});

test('a meeting whose other side is named but unknown ("Prabowo dan Albo") is with the guest of the visit just told', () => {
  const ev = code(
    'Pada Kamis (15/5/2025) Perdana Menteri Australia Anthony Albanese tiba di Jakarta untuk bertemu Presiden Prabowo Subianto. Pertemuan Presiden Prabowo dan Albo dijadwalkan di Istana Bogor sore harinya.',
    'Kamis, 15 Mei 2025 - 09:00 WIB',
  );
  const talks = ev.find((e) => e.type === 'CONSULT' && e.mode !== 'visit');
  assert.ok(talks, ev.map(brief).join('; '));
  assert.deepEqual([talks.source.country, talks.target.country, talks.modality], ['IDN', 'AUS', 'planned']);
});

test('striking a leader off a summit invitation list reduces relations; an aside between dashes does not govern the verb after it', () => {
  const ev = code(
    'Para jenderal di Naypyidaw menyebut langkah itu tidak adil. Pekan lalu ASEAN - yang didesak banyak pihak agar bersikap lebih tegas - mencoret pemimpin militer Myanmar dari daftar undangan pertemuan puncak di Jakarta.',
    'Rabu, 20 Oktober 2021 - 11:15 WIB',
  );
  const cut = ev.find((e) => e.type === 'SANCTION');
  assert.ok(cut, ev.map(brief).join('; '));
  assert.deepEqual([cut.source.country, cut.target.country, cut.modality], ['ASEAN', 'MMR', 'occurred']);
  assert.equal(cut.date?.slice(0, 7), '2021-10');
});

test('a tariff on goods "dari" a state is aimed at that state, not at a place', () => {
  const ev = code(
    'Mulai bulan depan, Meksiko akan mengenakan tarif 30 persen atas mobil dari Korea Selatan, kata menteri ekonominya.',
    'Senin, 10 Maret 2025 - 10:00 WIB',
  );
  const tariff = ev.find((e) => e.type === 'SANCTION');
  assert.ok(tariff, ev.map(brief).join('; '));
  assert.deepEqual([tariff.source.country, tariff.target.country, tariff.modality], ['MEX', 'KOR', 'planned']);
});

test('an abbreviated body named bare ("JCS") is of the state it was last named with', () => {
  const ev = code(
    'Menurut Kepala Staf Gabungan (JCS) Korea Selatan, Pyongyang meluncurkan dua rudal jelajah ke Laut Kuning pada Rabu (16/11/2022). Dalam pernyataan terpisah, JCS mengecam uji coba tersebut sebagai ancaman bagi kawasan.',
    'Jumat, 18 November 2022 - 10:00 WIB',
  );
  const accuse = ev.find((e) => e.type === 'ACCUSE');
  assert.ok(accuse, ev.map(brief).join('; '));
  assert.equal(accuse.source.country, 'KOR');
});

test('warning another state that it breaks a rule ("memperingatkan X melanggar …") accuses it; what it is accused of is no event', () => {
  const ev = code(
    'Kementerian Luar Negeri Filipina memperingatkan China melanggar perairan Filipina di Laut China Selatan pada Senin (4/3/2024).',
    'Senin, 4 Maret 2024 - 10:00 WIB',
  );
  assert.deepEqual(
    ev.map((e) => `${e.type} ${e.source.country}>${e.target.country}`),
    ['ACCUSE PHL>CHN'],
    ev.map(brief).join('; '),
  );
});

test('what "rarely happens" ("… tetapi menyerang … jarang terjadi") is a generality, not an event; a day told in another clause does not make it one', () => {
  const ev = code(
    'Iran sudah berkali-kali menggelar uji coba rudal, terakhir pada Selasa (5/3/2024), tetapi menyerang kapal tanker Arab Saudi jarang terjadi.',
    'Jumat, 8 Maret 2024 - 10:00 WIB',
  );
  assert.equal(ev.filter((e) => e.type === 'ASSAULT').length, 0, ev.map(brief).join('; '));
});

test('a call never given up ("tidak pernah surut mendesak …") is made, not negated', () => {
  const ev = code(
    'Dalam pidatonya di Brasilia, Presiden Brasil berkata negaranya tidak pernah surut mendesak Rusia untuk menarik pasukannya.',
    'Jumat, 8 Maret 2024 - 10:00 WIB',
  );
  const call = ev.find((e) => e.type === 'REQUEST');
  assert.ok(call, ev.map(brief).join('; '));
  assert.deepEqual([call.source.country, call.target.country, call.modality], ['BRA', 'RUS', 'occurred']);
});

test('the second of two places after a preposition ("di Hanoi dan Beijing") is governed by it: no subject', () => {
  const ev = code(
    'Juru bicara Kementerian Luar Negeri Vietnam mengatakan, "Nota keberatan sudah kami serahkan lewat kedutaan di Hanoi dan Beijing, seraya tegas menuntut agar kapal survei itu keluar dari zona ekonomi kami."',
    'Senin, 4 Maret 2024 - 10:00 WIB',
  );
  const demand = ev.find((e) => e.type === 'REQUEST');
  assert.ok(demand, ev.map(brief).join('; '));
  assert.deepEqual([demand.source.country, demand.target.country], ['VNM', 'CHN']);
});

test('what a tradition holds ("memiliki tradisi untuk …, yang kemudian dilanjutkan oleh pertemuan …") is a habit, no event', () => {
  const ev = code(
    'Menurut Kemlu Filipina, presiden baru Filipina memiliki tradisi untuk berkunjung pertama kali ke Jepang, yang kemudian dilanjutkan oleh pertemuan bersama pemimpin Vietnam.',
    'Senin, 4 Maret 2024 - 10:00 WIB',
  );
  assert.deepEqual(ev.map(brief), []);
});

test('a regret with no agent named ("… sangat disesalkan," katanya) is the speaker\'s, aimed at the subject', () => {
  const ev = code(
    'Perdana Menteri Inggris Rishi Sunak memberi keterangan di parlemen pada Senin. "Bahwa Iran terus meluncurkan rudal ke Teluk sangat disesalkan," katanya.',
    'Senin, 4 Maret 2024 - 10:00 WIB',
  );
  const regret = ev.find((e) => e.type === 'ACCUSE');
  assert.ok(regret, ev.map(brief).join('; '));
  assert.deepEqual([regret.source.country, regret.target.country], ['GBR', 'IRN']);
});

test('seeking a meeting of a body ("mencari sebuah sidang darurat di PBB") asks it to meet', () => {
  const ev = code(
    'Duta besar Prancis mengatakan, Paris kini mencari sebuah sidang darurat di Perserikatan Bangsa-Bangsa guna menanggapi serangan tersebut.',
    'Senin, 4 Maret 2024 - 10:00 WIB',
  );
  const ask = ev.find((e) => e.type === 'REQUEST');
  assert.ok(ask, ev.map(brief).join('; '));
  assert.deepEqual([ask.source.country, ask.target.country, ask.modality], ['FRA', 'UN', 'occurred']);
});
