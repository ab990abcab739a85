// Line-level boilerplate ("page furniture" that survives inside article containers).
//
// TODO(lexicons): this list belongs in lexicons/<lang>/furniture.yaml (owned elsewhere);
// it lives here until that file exists. Every entry is a regular-expression source that
// must match one WHOLE line of extracted text (after whitespace normalisation),
// case-insensitively, with the `u` flag. Keep entries generic: no site names.
//
// Which entries apply to a page: "*" always, "en" always (English labels are common on
// pages in any language), plus the page's own language; all of them when it is unknown.

export type FurnitureKind = 'cross-link' | 'ad' | 'share' | 'credit' | 'subscribe' | 'comment' | 'nav' | 'meta' | 'legal' | 'markup';

export interface FurniturePattern {
  /** ISO 639-1 code, or "*" for entries that hold in any language. */
  lang: string;
  kind: FurnitureKind;
  /** Regular expression source, matched against a whole line. */
  pattern: string;
  /** Match case-sensitively (default: case-insensitive). */
  caseSensitive?: boolean;
}

export const BOILERPLATE_PATTERNS: readonly FurniturePattern[] = [
  // ---- any language
  {
    lang: '*',
    kind: 'ad',
    pattern:
      '(?:advertisement|advertising|advert|sponsored(?: content)?|ads?|iklan|publicidade|publicidad|anzeige|werbung|pubblicità|реклама|広告|광고)\\s*[:.\\-–]?',
  },
  {
    lang: '*',
    kind: 'share',
    pattern:
      '(?:(?:facebook|twitter|x|whatsapp|linkedin|pinterest|pint|reddit|telegram|line|email|e-mail|print|copy link|share|tweet|flipboard|pocket|messenger|sms|baixar|bagikan|salin tautan|kakaotalk)\\s*[|,·•/]?\\s*){2,}',
  },
  { lang: '*', kind: 'legal', pattern: '(?:copyright|©|ⓒ|\\(c\\)|all rights reserved|hak cipta).{0,200}' },
  // WordPress-style shortcodes left in the text: "[iklan_2]", "[button link=...]...[/button]".
  { lang: '*', kind: 'markup', pattern: '.{0,200}\\[(?:[a-z]+_[a-z0-9_]+|[a-z_]+ [a-z_]+=[^\\]]*|/[a-z_]+)\\].{0,200}' },
  {
    lang: '*',
    kind: 'legal',
    pattern:
      '(?=.{0,300}\\bcookies?\\b)(?=.{0,300}\\b(?:website|site|browser|browsing|consent|accept|privacy|experience|situs|menyetujui)\\b).{0,300}',
  },
  // A line that is only a date/time stamp, optionally after a short source name
  // ("Outlet - 05/11/2020, 20:06 WIB").
  {
    lang: '*',
    kind: 'meta',
    pattern:
      '(?:[\\p{L}.]+(?: [\\p{L}.]+)? ?[-–|] ?)?\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4},?(?:\\s*\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s*(?:wib|wita|wit|am|pm|gmt|utc)?)?',
  },

  // ---- English
  { lang: 'en', kind: 'cross-link', pattern: '(?:read|see) (?:more|also|next|this)\\b.{0,200}' },
  {
    lang: 'en',
    kind: 'cross-link',
    pattern:
      '(?:related|recommended|more|also|trending|most read|most popular|popular|don.t miss|top stories|latest|you may also like|you might also like|in other news|editor.s picks?|more from [^.!?]{1,40})(?: (?:stories|articles|news|links|reading|coverage|content|videos?|posts?|on [^.!?]{1,60}))?\\s*[:.…!]?',
  },
  { lang: 'en', kind: 'cross-link', pattern: 'continue reading(?: below| the main story)?\\.?' },
  { lang: 'en', kind: 'ad', pattern: 'scroll (?:down )?to (?:continue|keep) (?:reading|with (?:the )?content)\\.?' },
  {
    lang: 'en',
    kind: 'ad',
    pattern: '(?:story|article) continues (?:below|after (?:this |the )?(?:advertisement|ad))\\.?',
  },
  {
    lang: 'en',
    kind: 'share',
    pattern:
      '(?:share|tweet|email|print|pin|save)(?: (?:this|on|via|to|article|story|page|facebook|twitter|whatsapp|linkedin|email|reddit|pinterest|link))*\\s*[:!]?',
  },
  { lang: 'en', kind: 'share', pattern: 'follow (?:us|me|him|her|them) on .{1,80}' },
  {
    lang: 'en',
    kind: 'credit',
    pattern: '(?:photo|image|picture|video|graphic|illustration|photograph)s?(?: credit)?\\s*:\\s*.{1,120}',
  },
  { lang: 'en', kind: 'credit', pattern: '(?:image|photo|slide) \\d+(?: of \\d+)?' },
  {
    lang: 'en',
    kind: 'credit',
    pattern:
      '(?:caption|close|expand|enlarge|hide caption|toggle caption|fullscreen|(?:view|see|open) (?:gallery|photos|images|slideshow))',
  },
  { lang: 'en', kind: 'credit', pattern: '.{0,160}\\((?:photo|image|picture|credit)s?\\s*:\\s*[^)]{1,80}\\)' },
  { lang: 'en', kind: 'credit', pattern: 'this (?:slideshow|video|content) requires javascript\\.?' },
  {
    lang: 'en',
    kind: 'subscribe',
    pattern:
      '(?:sign up|subscribe|register)(?: (?:now|today|here))?(?: (?:for|to) .{0,100}(?:newsletter|inbox|alerts|updates|emails?)\\b.{0,60})?[.!]?',
  },
  { lang: 'en', kind: 'subscribe', pattern: '.{0,80}(?:delivered to your inbox|right in your inbox|our newsletters?)\\b.{0,80}' },
  {
    lang: 'en',
    kind: 'comment',
    pattern: '(?:\\d+ )?comments?(?: \\(\\d+\\))?|leave a (?:comment|reply)|add a comment|show comments|tell us what you think.{0,40}',
  },
  {
    lang: 'en',
    kind: 'meta',
    pattern: '(?:published|updated|posted|last updated|first published|modified)\\s*:?\\s*(?:on\\s*)?.{0,60}\\d.{0,40}',
  },
  {
    lang: 'en',
    kind: 'meta',
    pattern: '(?:[Bb]y|BY|[Ww]ritten by|[Rr]eported by)\\s+\\p{Lu}[^.!?]{1,80}',
    caseSensitive: true,
  },
  {
    lang: 'en',
    kind: 'meta',
    pattern:
      '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{4})(?:[,\\s|-]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[a-z]{2,4})?)?',
  },
  {
    lang: 'en',
    kind: 'nav',
    pattern:
      '(?:back to top|skip to (?:main )?content|(?:previous|next) (?:article|story|post|page)|home|menu|search|tags?|topics?|categories|filed under)\\s*:?',
  },

  // ---- Indonesian
  { lang: 'id', kind: 'cross-link', pattern: 'baca (?:juga|pula|selengkapnya|lainnya)\\b.{0,200}' },
  { lang: 'id', kind: 'cross-link', pattern: '(?:lihat|simak|tonton) (?:juga|pula|video|selengkapnya)\\b.{0,200}' },
  {
    lang: 'id',
    kind: 'cross-link',
    pattern: '(?:berita|artikel|video) (?:terkait|lainnya|terkini|pilihan|populer|rekomendasi|terpopuler)(?: lainnya)?(?: more)?\\s*:?',
  },
  { lang: 'id', kind: 'cross-link', pattern: '(?:terkini|terpopuler|rekomendasi|pilihan editor|topik|populer)(?: lainnya)?\\s*:?' },
  { lang: 'id', kind: 'ad', pattern: 'baca berita (?:tanpa|dengan sedikit) iklan.{0,80}' },
  { lang: 'id', kind: 'ad', pattern: '(?:close|tutup) (?:ads|iklan)' },
  { lang: 'id', kind: 'ad', pattern: '(?:konten|artikel) (?:ini )?(?:disponsori|bersponsor).{0,80}' },
  { lang: 'id', kind: 'ad', pattern: 'scroll (?:untuk|ke bawah untuk) (?:melanjutkan|lanjut) membaca\\.?' },
  { lang: 'id', kind: 'share', pattern: 'bagikan(?: artikel| berita)?(?: ini)?(?: melalui| via| ke)?\\s*:?' },
  {
    lang: 'id',
    kind: 'subscribe',
    pattern:
      '(?:dapatkan|langganan|berlangganan|daftar|ikuti|gabung).{0,80}(?:newsletter|notifikasi|update|berita terkini|whatsapp|telegram|google news|channel)\\b.{0,80}',
  },
  { lang: 'id', kind: 'subscribe', pattern: 'login untuk .{0,100}' },
  { lang: 'id', kind: 'comment', pattern: '(?:tulis|beri|berikan|lihat|tampilkan) komentar.{0,40}|komentar(?: \\(\\d+\\))?' },
  { lang: 'id', kind: 'nav', pattern: 'pergi ke (?:menu|halaman utama).{0,60}|kembali ke atas|go top' },
  {
    lang: 'id',
    kind: 'credit',
    pattern: '(?:foto|ilustrasi|gambar|sumber foto|sumber gambar|dok(?:umentasi)?\\.?)\\s*:\\s*.{1,120}',
  },
  {
    lang: 'id',
    kind: 'meta',
    pattern: '(?:diterbitkan|diperbarui|dipublikasikan|editor|penulis|reporter|pewarta|penyunting|redaktur|kontributor)\\s*:\\s*.{1,80}',
  },
  { lang: 'id', kind: 'meta', pattern: '.{0,60}verified writer.{0,60}' },
  {
    lang: 'id',
    kind: 'meta',
    pattern:
      "(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu),?\\s+\\d{1,2}\\s+\\p{L}+\\s+\\d{4}(?:[,\\s|-]+(?:pukul\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*(?:wib|wita|wit))?)?",
  },
  // Editor initials closing a story: "(esn)", "(ant/ara)".
  { lang: 'id', kind: 'meta', pattern: '\\((?:[a-z]{2,5})(?:/[a-z]{2,5}){0,3}\\)' },
];

const cache = new Map<string, RegExp[]>();

/** Compiled whole-line matchers for a page language (see the header for which apply). */
export function furnitureMatchers(lang: string | null): RegExp[] {
  const code = (lang ?? '').toLowerCase().slice(0, 2);
  const hit = cache.get(code);
  if (hit) return hit;
  const out: RegExp[] = [];
  for (const p of BOILERPLATE_PATTERNS) {
    if (p.lang === '*' || p.lang === 'en' || p.lang === code || code === '') {
      out.push(new RegExp(`^(?:${p.pattern})$`, p.caseSensitive ? 'u' : 'iu'));
    }
  }
  cache.set(code, out);
  return out;
}

/** Whether one line of text is page furniture for a page in `lang`. */
export function isFurnitureLine(line: string, lang: string | null): boolean {
  if (line.length > 300) return false;
  for (const re of furnitureMatchers(lang)) if (re.test(line)) return true;
  return false;
}
