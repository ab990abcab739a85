// Line-level boilerplate patterns ("page furniture" that sits inside article containers).
//
// TODO(lexicons): these belong in lexicons/<lang>/furniture.yaml (owned elsewhere); they
// live here until that file exists. Each entry is a regular expression source matched,
// case-insensitively, against one whole line of extracted text (after whitespace
// normalisation). Keep them generic: no site names.

export interface FurniturePattern {
  /** ISO 639-1 code, or "*" for patterns that hold in any language. */
  lang: string;
  /** Regular expression source, anchored by the matcher to the whole line. */
  pattern: string;
  /** What kind of furniture it is (documentation only). */
  kind: 'cross-link' | 'ad' | 'share' | 'credit' | 'subscribe' | 'nav' | 'meta';
}

export const BOILERPLATE_PATTERNS: readonly FurniturePattern[] = [
  // Cross-links inserted between paragraphs.
  { lang: 'en', kind: 'cross-link', pattern: '(?:read|see|watch|click|listen)(?: (?:more|also|next|here|now|full story))+\\b.{0,200}' },
  { lang: 'en', kind: 'cross-link', pattern: '(?:related|recommended|more|also|trending|most read|popular|don.t miss|top stories|latest|you may also like|in other news)(?: (?:stories|articles|news|links|reading|coverage|content|videos?|on [^.!?]{1,60}))?\\s*[:.…!]?' },
  { lang: 'en', kind: 'cross-link', pattern: '(?:related|more|also|read|see|recommended)(?: [a-z]+){0,3}\\s*:\\s*.{0,200}' },
  { lang: 'en', kind: 'cross-link', pattern: 'continue reading(?: below| the main story)?\\.?' },
  { lang: 'en', kind: 'cross-link', pattern: '(?:story|article) continues (?:below|after (?:the )?(?:advertisement|ad))\\.?' },
  { lang: 'id', kind: 'cross-link', pattern: '(?:baca|lihat|simak|tonton)(?: (?:juga|pula|selengkapnya|berita|artikel|lainnya|video))+\\s*[:.]?.{0,200}' },
  { lang: 'id', kind: 'cross-link', pattern: '(?:berita|artikel) (?:terkait|lainnya|terkini|pilihan|populer)\\s*:?.{0,200}' },
  { lang: 'id', kind: 'cross-link', pattern: '(?:terkini|terpopuler|rekomendasi) lainnya\\s*:?' },
  { lang: 'id', kind: 'cross-link', pattern: 'scroll (?:untuk|ke bawah untuk) (?:melanjutkan|lanjut) membaca\\.?' },
  { lang: 'id', kind: 'cross-link', pattern: 'pergi ke menu' },
  // Advertising labels.
  { lang: '*', kind: 'ad', pattern: '(?:advertisement|advertising|sponsored(?: content)?|ads?|iklan|publicidade|publicidad|anzeige|werbung|реклама|広告)\\s*[:.-]?' },
  { lang: 'en', kind: 'ad', pattern: '(?:article|story) continues (?:below|after) (?:this )?(?:advertisement|ad)\\.?' },
  { lang: 'id', kind: 'ad', pattern: '(?:konten|artikel) (?:ini )?(?:disponsori|bersponsor).{0,80}' },
  // Share prompts and social buttons.
  { lang: 'en', kind: 'share', pattern: '(?:share|tweet|email|print|pin|save)(?: (?:this|on|via|to|article|story|page|facebook|twitter|whatsapp|linkedin|email|reddit|pinterest|link))*\\s*[:!]?' },
  { lang: '*', kind: 'share', pattern: '(?:(?:facebook|twitter|whatsapp|linkedin|pinterest|pint|reddit|telegram|line|email|e-mail|print|copy link|share|tweet|flipboard|pocket|messenger|sms|baixar|bagikan|salin tautan)\\s*[|,·•]?\\s*){2,}' },
  { lang: 'en', kind: 'share', pattern: 'follow (?:us|me|him|her|them)(?: on [a-z ,&]+)?.{0,80}' },
  { lang: 'id', kind: 'share', pattern: '(?:bagikan|ikuti (?:kami|berita|update).{0,80}|follow (?:kami|akun).{0,80})' },
  // Photo credits and gallery furniture.
  { lang: 'en', kind: 'credit', pattern: '(?:photo|image|picture|video|graphic|illustration|photograph)s?(?: credit)?\\s*:\\s*.{1,120}' },
  { lang: 'en', kind: 'credit', pattern: '(?:image|photo|slide) \\d+(?: of \\d+)?' },
  { lang: 'en', kind: 'credit', pattern: '(?:caption|close|expand|enlarge|hide caption|toggle caption|fullscreen|(?:view|see|open) (?:gallery|photos|images|slideshow))' },
  { lang: 'en', kind: 'credit', pattern: '.{0,160}\\((?:photo|image|picture|credit)s?\\s*:\\s*[^)]{1,80}\\)' },
  { lang: '*', kind: 'credit', pattern: '.{0,200}\\b(?:credit|source|foto|photo)\\s*:\\s*(?:getty|reuters|ap|afp|epa|shutterstock|istock|antara|dok\\.?)[^.]{0,80}' },
  { lang: 'id', kind: 'credit', pattern: '(?:foto|ilustrasi|gambar|sumber foto)\\s*:\\s*.{1,120}' },
  // Subscription and sign-up prompts.
  { lang: 'en', kind: 'subscribe', pattern: '(?:sign up|subscribe|register|log ?in|sign in)(?: (?:now|today|here|for|to))?.{0,120}(?:newsletter|inbox|updates|free|account|subscription)?.{0,60}' },
  { lang: 'en', kind: 'subscribe', pattern: '.{0,80}(?:newsletters?|in your inbox|delivered to your inbox).{0,80}' },
  { lang: 'id', kind: 'subscribe', pattern: '(?:dapatkan|langganan|berlangganan|daftar).{0,80}(?:newsletter|notifikasi|update|berita).{0,80}' },
  // Meta lines (dates, update stamps) the body repeats from the header.
  { lang: 'en', kind: 'meta', pattern: '(?:published|updated|posted|last updated|first published|modified)\\s*:?\\s*(?:on\\s*)?.{0,60}\\d.{0,40}' },
  { lang: 'id', kind: 'meta', pattern: '(?:diterbitkan|diperbarui|dipublikasikan|editor|penulis|reporter|pewarta)\\s*:\\s*.{1,80}' },
  { lang: 'en', kind: 'meta', pattern: '(?:by|written by|reported by)\\s+[\\p{Lu}][^.!?]{1,80}' },
  { lang: 'en', kind: 'nav', pattern: '(?:back to top|skip to (?:main )?content|(?:previous|next) (?:article|story|post|page)|home|menu|search|tags?|topics?|categories|filed under)\\s*:?' },
  { lang: '*', kind: 'nav', pattern: '(?:copyright|©|\\(c\\)|all rights reserved).{0,160}' },
];

/** Compiled matchers for one language (its own patterns plus the "*" ones). */
export function furnitureMatchers(lang: string | null): RegExp[] {
  const code = (lang ?? '').toLowerCase().slice(0, 2);
  const out: RegExp[] = [];
  for (const p of BOILERPLATE_PATTERNS) {
    if (p.lang === '*' || p.lang === code || (p.lang === 'en' && !code)) {
      out.push(new RegExp(`^(?:${p.pattern})$`, 'iu'));
    }
  }
  return out;
}
