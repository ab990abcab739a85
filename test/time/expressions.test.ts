// Date expressions resolved against the publication date, with precision and spans.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Direction, findTimeExpressions, resolveTime, type Ymd } from '../../src/time/expressions.ts';
import { inferPublishedFromText, parseDateLine } from '../../src/time/published.ts';

function resolve(text: string, lang: string, ref: Ymd, dir: Direction = 'past') {
  const xs = findTimeExpressions(text, lang);
  assert.ok(xs.length, `no date found in ${JSON.stringify(text)}`);
  return resolveTime(xs[0].value, ref, dir);
}

const thu14Mar2024: Ymd = { y: 2024, m: 3, d: 14 };

test('Indonesian absolute and partial dates', () => {
  assert.equal(resolve('pada Kamis (14/3/2024)', 'id', thu14Mar2024)?.date, '2024-03-14');
  assert.equal(resolve('hari Jumat (4/10/19)', 'id', { y: 2019, m: 10, d: 4 })?.date, '2019-10-04');
  assert.equal(resolve('pada 12 Juni', 'id', { y: 2024, m: 6, d: 15 })?.date, '2024-06-12');
  assert.equal(resolve('pada Juli 2000', 'id', thu14Mar2024)?.date, '2000-07');
  const span = resolve('berlangsung dari 18–20 Maret', 'id', thu14Mar2024, 'future');
  assert.deepEqual([span?.date, span?.date_end], ['2024-03-18', '2024-03-20']);
});

test('Indonesian relative dates against the publication date', () => {
  const week = resolve('akan berkunjung pekan depan', 'id', thu14Mar2024, 'future');
  assert.deepEqual([week?.date, week?.date_end], ['2024-03-18', '2024-03-24']);
  assert.equal(resolve('tiba pada Minggu', 'id', thu14Mar2024, 'future')?.date, '2024-03-17');
  assert.equal(resolve('bertemu pada Selasa (waktu setempat)', 'id', { y: 2021, m: 11, d: 17 }, 'past')?.date, '2021-11-16');
  assert.equal(resolve('pertemuan esok hari', 'id', { y: 2019, m: 10, d: 4 }, 'future')?.date, '2019-10-05');
  const lateLastMonth = resolve('mengunjungi AS akhir bulan lalu', 'id', thu14Mar2024);
  assert.deepEqual([lateLastMonth?.date, lateLastMonth?.date_end], ['2024-02-20', '2024-02-29']);
  const weekend = resolve('bertolak akhir pekan ini', 'id', thu14Mar2024, 'future');
  assert.deepEqual([weekend?.date, weekend?.date_end], ['2024-03-15', '2024-03-17']);
  assert.equal(resolve('pada November tahun lalu', 'id', thu14Mar2024)?.date, '2023-11');
  assert.equal(resolve('September lalu, saat mengunjungi Rusia', 'id', { y: 2024, m: 6, d: 14 })?.date, '2023-09');
  assert.equal(resolve('pada bulan Februari lalu', 'id', { y: 2019, m: 10, d: 4 })?.date, '2019-02');
  assert.equal(resolve('pada Oktober', 'id', { y: 2020, m: 11, d: 5 }, 'past')?.date, '2020-10');
});

test('English dates', () => {
  assert.equal(resolve('on March 14, 2024', 'en', thu14Mar2024)?.date, '2024-03-14');
  assert.equal(resolve('arrived on Tuesday', 'en', thu14Mar2024)?.date, '2024-03-12');
  const next = resolve('will visit next week', 'en', thu14Mar2024, 'future');
  assert.equal(next?.date, '2024-03-18');
  assert.equal(resolve('last month', 'en', thu14Mar2024)?.date, '2024-02');
  assert.equal(resolve('in July 2000', 'en', thu14Mar2024)?.date, '2000-07');
});

test('a weekday before its date only restates it', () => {
  const xs = findTimeExpressions('tiba pada Jumat pekan depan (20/5) di Seoul', 'id');
  assert.equal(xs.length, 1);
  assert.equal(resolveTime(xs[0].value, { y: 2022, m: 5, d: 13 }, 'future')?.date, '2022-05-20');
});

test('page date lines with their time zone', () => {
  assert.equal(parseDateLine('Kompas.com - 09/02/2021, 07:41 WIB', 'id'), '2021-02-09T07:41:00+07:00');
  assert.equal(parseDateLine('Rabu, 17 November 2021 - 08:30 WIB', 'id'), '2021-11-17T08:30:00+07:00');
  assert.equal(parseDateLine('Write: 2019-10-04 17:19:56', 'id'), '2019-10-04T17:19:56+07:00');
  assert.equal(parseDateLine('Published: March 14, 2024 9:12 AM GMT+9', 'en'), '2024-03-14T09:12:00+09:00');
  assert.equal(parseDateLine('Kamis, 14 Maret 2024 10:05 WITA', 'id'), '2024-03-14T10:05:00+08:00');
});

test('a page with no date of its own is dated from its text', () => {
  assert.equal(
    inferPublishedFromText('Kementerian itu pada Kamis (14/3/2024) mengumumkan kunjungan. Pada 28 Februari 2024 keduanya bertemu.', 'id'),
    '2024-03-14',
  );
  assert.equal(
    inferPublishedFromText(
      'Pada tanggal 14 Juni, kedua wakil menteri berbicara. Kim berkunjung pada September 2023. Pada tanggal 13 Juni juru bicara berbicara.',
      'id',
    ),
    '2024-06-14',
  );
});

test('a weekday and the years its office-holders served date a page that names no year', () => {
  // 9 November fell on a Thursday in 2023 but not in 2022 or 2024.
  assert.equal(inferPublishedFromText('Kedua menteri bertemu di Seoul pada Kamis (9/11).', 'id', [2022, 2024]), '2023-11-09');
  assert.equal(inferPublishedFromText('Kedua menteri bertemu di Seoul pada Kamis (9/11).', 'id', null), null);
});

test('a year the text names decides between the years a weekday fits', () => {
  // 8 July fell on a Friday in 2016 and 2022; the text names 2022, and the office years allow both.
  const text = 'Kedua menteri bertemu di Tokyo pada Jumat (8/7). Presiden dijadwalkan berkunjung pada akhir Juli 2022.';
  assert.equal(inferPublishedFromText(text, 'id', [2014, 2024]), '2022-07-08');
});

test("a lead's bare weekday and the next sentence's day-month date a page that names no year", () => {
  // 27 June fell on a Thursday in 2024, not in 2023 or 2025; the weekday and the date are apart.
  const text = 'The allies began a joint naval drill on Thursday. The drills run from June 27 to 29.';
  assert.equal(inferPublishedFromText(text, 'en', [2023, 2025]), '2024-06-27');
  // A weekday that fits no year in office is no evidence.
  assert.equal(inferPublishedFromText(text.replace('Thursday', 'Monday'), 'en', [2023, 2025]), null);
});

test('seasons are dated by the month they begin, relative to the page or with a year', () => {
  const ref = { y: 2018, m: 4, d: 28 };
  const resolved = (text: string, lang: string) => findTimeExpressions(text, lang).map((x) => resolveTime(x.value, ref, 'future')?.date);
  assert.deepEqual(resolved('Moon dijadwalkan berkunjung ke Pyongyang pada musim gugur mendatang.', 'id'), ['2018-09']);
  assert.deepEqual(resolved('Talks could resume next spring, or in summer 2019.', 'en'), ['2019-03', '2019-06']);
});

test('a page is not older than a year it names: a weekday the office years fit only earlier is of a year from it on', () => {
  // 13 July fell on a Thursday in 2017 and 2023; the office years allow 2016–2021, but the text tells of April 2021.
  const text = 'The ministers issued a statement on Thursday (Jul 13). During a meeting in April 2021, the leaders agreed on a plan.';
  assert.equal(inferPublishedFromText(text, 'en', [2016, 2021]), '2023-07-13');
});
