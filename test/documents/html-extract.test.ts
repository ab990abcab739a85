// Tests of the HTML main-content extractor on small pages written for these tests.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFurnitureLine } from '../../src/documents/html/boilerplate-patterns.ts';
import { extractHtml } from '../../src/documents/html/extract.ts';
import { stripTitleSuffix } from '../../src/documents/html/metadata.ts';
import { sanitizeHtml } from '../../src/documents/html/sanitize.ts';

/** Asserts that each needle occurs in `text`, in the given order. */
function assertInOrder(text: string, needles: string[]): void {
  let from = 0;
  for (const n of needles) {
    const i = text.indexOf(n, from);
    assert.ok(i >= 0, `expected ${JSON.stringify(n)} after offset ${from} in:\n${text}`);
    from = i + n.length;
  }
}

function assertAbsent(text: string, needles: string[]): void {
  for (const n of needles) assert.ok(!text.includes(n), `unexpected ${JSON.stringify(n)} in:\n${text}`);
}

const EN_PARAS = [
  'GENEVA — Delegations from the two neighbouring states agreed on Tuesday to resume border talks that collapsed last spring, according to a joint statement released after a day of closed-door meetings.',
  'The statement said both governments would send technical teams to survey the disputed river crossing before the end of the month, and that a ceasefire along the frontier would remain in force while they worked.',
  'Officials familiar with the negotiations said the breakthrough came after the mediators proposed a phased withdrawal of troops, beginning with heavy artillery, in exchange for a joint customs post.',
  'Neither side released details of the timetable. A spokesperson for the foreign ministry said further rounds were planned in the coming weeks and that the talks had been conducted in a constructive spirit.',
  'Analysts cautioned that previous agreements had unravelled within months, pointing to unresolved questions about water rights and the return of displaced families to villages near the border.',
];

const EN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Rival states agree to resume border talks | The Daily Example</title>
  <meta property="og:title" content="Rival states agree to resume border talks | The Daily Example">
  <meta property="og:site_name" content="The Daily Example">
  <meta property="article:published_time" content="2024-03-12T09:30:00Z">
  <meta name="author" content="Jane Q. Reporter">
  <meta name="description" content="Delegations agreed to resume talks on the disputed frontier.">
  <link rel="stylesheet" href="/site.css">
  <style>.cookie-banner { position: fixed; }</style>
</head>
<body>
  <div class="cookie-banner" id="cookie-consent">
    <p>We use cookies to improve your experience on our website. By continuing you accept our cookie policy.</p>
    <button>Accept all</button>
  </div>
  <header class="site-header">
    <a href="/" class="logo">The Daily Example</a>
    <nav class="main-nav"><ul>
      <li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
      <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
    </ul></nav>
  </header>
  <main>
    <article class="story">
      <header class="story-header">
        <h1>Rival states agree to resume border talks</h1>
        <p class="byline">By <a href="/staff/jane" rel="author">Jane Q. Reporter</a></p>
        <time datetime="2024-03-12T09:30:00Z">March 12, 2024</time>
      </header>
      <ul class="share-tools">
        <li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li><li><a href="#">WhatsApp</a></li><li><a href="#">Email</a></li>
      </ul>
      <div class="story-body">
        <p>${EN_PARAS[0]}</p>
        <figure class="story-image">
          <img src="/img/talks.jpg" alt="Delegates at the table">
          <figcaption>Delegates at the negotiating table in Geneva. <span class="credit">Photo: Example Agency/A. Photographer</span></figcaption>
        </figure>
        <p>${EN_PARAS[1]}</p>
        <p><strong>Read more:</strong> <a href="/world/earlier-talks">Border talks collapse amid accusations of bad faith</a></p>
        <p>${EN_PARAS[2]}</p>
        <div class="ad-slot"><span>ADVERTISEMENT</span></div>
        <p>${EN_PARAS[3]}</p>
        <script>alert("tracking pixel")</script>
        <p>${EN_PARAS[4]}</p>
      </div>
      <div class="newsletter-signup"><p>Sign up for our daily newsletter to get the top stories delivered to your inbox.</p></div>
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
        <li><a href="/a">Trade ministers meet in Vienna</a></li>
        <li><a href="/b">Drought threatens harvest in the north</a></li>
        <li><a href="/c">Opposition calls for early elections</a></li>
      </ul>
    </aside>
    <section class="comments"><h3>Comments</h3><p>Be the first to comment on this story. Our moderators review every comment before it is published.</p></section>
  </main>
  <footer class="site-footer"><p>© 2024 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>`;

const ID_PARAS = [
  'JAKARTA, Harian Contoh - Menteri Luar Negeri menerima kunjungan delegasi negara tetangga di Jakarta pada Senin (11/3/2024) untuk membahas kerja sama perdagangan dan keamanan maritim di kawasan perbatasan.',
  'Dalam pertemuan itu kedua pihak sepakat membentuk kelompok kerja bersama yang akan menyusun peta jalan patroli terkoordinasi di perairan yang selama ini kerap menjadi lokasi penangkapan ikan ilegal.',
  '"Kami ingin memastikan bahwa nelayan dari kedua negara dapat bekerja dengan aman dan tenang," kata juru bicara kementerian kepada wartawan seusai pertemuan yang berlangsung sekitar tiga jam tersebut.',
  'Pemerintah juga menyatakan akan menindaklanjuti kesepakatan itu dengan pertemuan tingkat pejabat tinggi pada bulan depan, sebelum naskah nota kesepahaman ditandatangani oleh kedua menteri.',
];

const ID_PAGE = `<!DOCTYPE html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <title>Indonesia dan Negara Tetangga Sepakati Patroli Bersama - Harian Contoh</title>
  <meta property="og:title" content="Indonesia dan Negara Tetangga Sepakati Patroli Bersama - Harian Contoh">
  <script type="application/ld+json">
  {"@context":"https://schema.org","@type":"NewsArticle","headline":"Indonesia dan Negara Tetangga Sepakati Patroli Bersama",
   "datePublished":"2024-03-11T14:05:00+07:00","dateModified":"2024-03-11T15:00:00+07:00",
   "author":{"@type":"Person","name":"Siti Penulis"},
   "publisher":{"@type":"Organization","name":"Harian Contoh"}}
  </script>
</head>
<body>
  <div id="gdpr-consent" class="consent-bar"><p>Situs ini menggunakan cookies untuk pengalaman terbaik. Dengan melanjutkan, Anda menyetujui kebijakan privasi kami.</p></div>
  <nav class="menu-utama"><a href="/">Beranda</a> <a href="/nasional">Nasional</a> <a href="/internasional">Internasional</a> <a href="/ekonomi">Ekonomi</a></nav>
  <div class="breadcrumb"><a href="/">Beranda</a> › <a href="/internasional">Internasional</a></div>
  <div class="read__content">
    <h1 class="read__title">Indonesia dan Negara Tetangga Sepakati Patroli Bersama</h1>
    <div class="read__author">Penulis: <a href="/penulis/siti">Siti Penulis</a> | Editor: Budi Penyunting</div>
    <div class="read__time">Senin, 11 Maret 2024 14:05 WIB</div>
    <div class="social-share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Salin tautan</a></div>
    <div class="photo">
      <img src="/foto/menlu.jpg" alt="">
      <div class="photo__caption">Menteri Luar Negeri menerima delegasi di Jakarta. (Foto: Dok. Kementerian)</div>
    </div>
    <div class="clearfix">
      <p>${ID_PARAS[0]}</p>
      <p>${ID_PARAS[1]}</p>
      <p><strong>Baca juga: <a href="/internasional/lain">Nelayan Tradisional Minta Perlindungan di Perbatasan</a></strong></p>
      <div class="ads-on-body"><p>ADVERTISEMENT</p><p>SCROLL TO CONTINUE WITH CONTENT</p></div>
      <p>${ID_PARAS[2]}</p>
      <p>Baca juga: <a href="/internasional/lain2">Kunjungan Kenegaraan Dijadwalkan Akhir Tahun</a></p>
      <p>${ID_PARAS[3]}</p>
      <p>Dapatkan update berita pilihan setiap hari dengan bergabung di channel WhatsApp kami.</p>
    </div>
    <div class="tag__article"><span>Tag:</span> <a href="/tag/diplomasi">diplomasi</a> <a href="/tag/perbatasan">perbatasan</a></div>
  </div>
  <div class="berita-terkait">
    <h3>Berita Terkait</h3>
    <ul><li><a href="/x">Presiden Bertemu Pengusaha di Istana</a></li><li><a href="/y">Harga Beras Turun di Pasar Induk</a></li></ul>
  </div>
  <footer><p>Hak cipta © 2024 Harian Contoh. Seluruh hak dilindungi.</p></footer>
</body>
</html>`;

describe('extractHtml: English news page', () => {
  const r = extractHtml(EN_PAGE, { url: 'https://www.daily-example.test/world/border-talks' });

  it('keeps the article paragraphs in order, separated by blank lines', () => {
    assertInOrder(r.body, EN_PARAS);
    assert.ok(r.body.includes(`${EN_PARAS[0]}\n\n`), 'paragraphs are separated by "\\n\\n"');
  });

  it('drops menus, cookie banner, share bar, captions, cross-links, ads, related, comments and footer', () => {
    assertAbsent(r.body, [
      'cookies',
      'Accept all',
      'Politics',
      'Facebook',
      'WhatsApp',
      'Delegates at the negotiating table',
      'Photo:',
      'Read more',
      'Border talks collapse',
      'ADVERTISEMENT',
      'Related stories',
      'Trade ministers',
      'Be the first to comment',
      'newsletter',
      'All rights reserved',
      'tracking pixel',
      'Rival states agree to resume border talks',
    ]);
  });

  it('finds title, byline, publication time, outlet, language and description', () => {
    assert.equal(r.title, 'Rival states agree to resume border talks');
    assert.equal(r.byline, 'Jane Q. Reporter');
    assert.equal(r.published, '2024-03-12T09:30:00Z');
    assert.equal(r.outlet, 'The Daily Example');
    assert.equal(r.lang, 'en');
    assert.equal(r.description, 'Delegations agreed to resume talks on the disputed frontier.');
  });
});

describe('extractHtml: Indonesian news page', () => {
  const r = extractHtml(ID_PAGE);

  it('keeps the article paragraphs in order', () => {
    assertInOrder(r.body, ID_PARAS);
  });

  it('drops "Baca juga" lines, ads, share bar, caption, tags, related list, consent bar and footer', () => {
    assertAbsent(r.body, [
      'Baca juga',
      'Nelayan Tradisional Minta',
      'ADVERTISEMENT',
      'SCROLL TO CONTINUE',
      'Salin tautan',
      'Facebook',
      'Foto:',
      'Berita Terkait',
      'Harga Beras',
      'cookies',
      'Hak cipta',
      'Beranda',
      'channel WhatsApp',
      'diplomasi',
      'Editor:',
    ]);
  });

  it('finds title (without the outlet suffix), byline, publication time, outlet and language', () => {
    assert.equal(r.title, 'Indonesia dan Negara Tetangga Sepakati Patroli Bersama');
    assert.equal(r.byline, 'Siti Penulis');
    assert.equal(r.published, '2024-03-11T14:05:00+07:00');
    assert.equal(r.outlet, 'Harian Contoh');
    assert.equal(r.lang, 'id');
  });
});

describe('extractHtml: safety', () => {
  it('never leaks script text', () => {
    const page = `<html><body><article>
      <p>${EN_PARAS[0]}</p><script>alert(1)</script>
      <p>${EN_PARAS[1]}</p><SCRIPT type="text/javascript">document.write("<p>injected text</p>")</SCRIPT>
      <p>${EN_PARAS[2]}</p><noscript>Please enable JavaScript</noscript><style>p{color:red}</style>
    </article></body></html>`;
    const r = extractHtml(page);
    assertInOrder(r.body, EN_PARAS.slice(0, 3));
    assertAbsent(r.body, ['alert', 'document.write', 'injected text', 'enable JavaScript', 'color:red']);
  });

  // Their time is measured by `npm run bench` (HTML pathological pages), never by a test.
  it('handles 10,000 levels of nesting', () => {
    const depth = 10_000;
    const page = `<html><body>${'<div>'.repeat(depth)}<p>${EN_PARAS[0]}</p><p>${EN_PARAS[1]}</p>${'</div>'.repeat(depth)}</body></html>`;
    const r = extractHtml(page);
    assertInOrder(r.body, EN_PARAS.slice(0, 2));
  });

  it('handles unclosed deep nesting of inline tags', () => {
    const page = `<html><body><p>${'<span><b><i>'.repeat(20_000)}${EN_PARAS[0]}</p></body></html>`;
    const r = extractHtml(page);
    assert.ok(r.body.includes(EN_PARAS[0]));
  });

  it('handles a ~50 MB page', () => {
    const chunk = `<div class="row"><p>${EN_PARAS[3]}</p><a href="/x">more</a></div>\n`;
    const page = `<html><head><title>Huge</title></head><body>${chunk.repeat(Math.ceil(50e6 / chunk.length))}</body></html>`;
    assert.ok(page.length >= 50e6);
    let r: ReturnType<typeof extractHtml> | null = null;
    try {
      r = extractHtml(page);
    } catch (e) {
      assert.ok(e instanceof Error && e.message.length > 0, 'a failure must be a clear Error');
    }
    if (r) assert.ok(r.body.includes(EN_PARAS[3]));
  });

  it('handles tag soup and empty input', () => {
    assert.equal(extractHtml('').body, '');
    const soup = extractHtml(`<html><body>${'< a <b <<<< >> < /'.repeat(20_000)}<p>${EN_PARAS[4]}</p></body></html>`);
    assert.equal(typeof soup.body, 'string');
    assert.throws(() => extractHtml(undefined as unknown as string), TypeError);
  });
});

describe('extractHtml: structure and fallbacks', () => {
  it('splits <br><br> runs into paragraphs', () => {
    const page = `<html><body><div class="entry-content">${EN_PARAS[0]}<br><br>${EN_PARAS[1]}<br><br>${EN_PARAS[2]}</div></body></html>`;
    const r = extractHtml(page);
    assert.equal(r.body, EN_PARAS.slice(0, 3).join('\n\n'));
  });

  it('uses a JSON-LD articleBody when the DOM holds little of it', () => {
    const body = EN_PARAS.join('\n\n');
    const page = `<html><head><script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Talks resume',
      articleBody: body,
    })}</script></head><body><div id="app"><p>Loading…</p></div></body></html>`;
    const r = extractHtml(page);
    assert.equal(r.body, body);
    assert.equal(r.title, 'Talks resume');
  });

  it('keeps subheadings inside the article and drops a trailing heading', () => {
    const page = `<html><body><article>
      <p>${EN_PARAS[0]}</p><h2>Water rights remain open</h2><p>${EN_PARAS[4]}</p>
      <h3>More on this story</h3>
    </article></body></html>`;
    const r = extractHtml(page);
    assertInOrder(r.body, [EN_PARAS[0], 'Water rights remain open', EN_PARAS[4]]);
    assertAbsent(r.body, ['More on this story']);
  });
});

describe('helpers', () => {
  it('sanitizeHtml caps nesting and keeps JSON-LD aside', () => {
    const s = sanitizeHtml(`<script type="application/ld+json">{"a":1}</script>${'<div>'.repeat(500)}x${'</div>'.repeat(500)}`, {
      maxDepth: 50,
    });
    assert.equal(s.jsonLd.length, 1);
    assert.ok(s.flattened);
    assert.equal(s.maxDepthSeen, 500);
    assert.equal((s.html.match(/<div>/g) ?? []).length, 50);
  });

  it('stripTitleSuffix removes the outlet part', () => {
    assert.equal(stripTitleSuffix('Talks resume after a year | The Daily Example', 'The Daily Example'), 'Talks resume after a year');
    assert.equal(stripTitleSuffix('Talks resume after a year - example.com', null, 'example.com'), 'Talks resume after a year');
    assert.equal(stripTitleSuffix('Peace talks: what we know', null), 'Peace talks: what we know');
  });

  it('isFurnitureLine knows Indonesian and English furniture, not article sentences', () => {
    for (const line of ['Baca juga: Harga Minyak Naik Lagi', 'ADVERTISEMENT', 'Read more: Talks collapse', 'Bagikan artikel ini melalui']) {
      assert.ok(isFurnitureLine(line, 'id'), line);
    }
    for (const line of [ID_PARAS[0], EN_PARAS[0], 'By the end of the meeting, both sides had signed.']) {
      assert.ok(!isFurnitureLine(line, 'en'), line);
    }
  });
});
