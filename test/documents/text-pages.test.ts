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
