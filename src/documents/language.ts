// Language identification with franc-min, limited to what kronik codes natively plus "other".
import { franc } from 'franc-min';
import type { Language } from '../types.ts';

// franc reads Indonesian news as Standard Malay (zlm) now and then; both are coded as Indonesian.
const TO_LANG: Record<string, Language> = { ind: 'id', zlm: 'id', msa: 'id', eng: 'en' };

export function identifyLanguage(text: string): Language {
  const sample = text.slice(0, 6000);
  if (sample.replace(/\s+/g, '').length < 20) return 'other';
  const open = franc(sample, { minLength: 10 });
  if (TO_LANG[open]) return TO_LANG[open];
  // Short or mixed texts: decide between our languages only when one clearly fits.
  const restricted = franc(sample, { only: ['ind', 'eng'], minLength: 10 });
  if (open === 'und' && TO_LANG[restricted]) return TO_LANG[restricted];
  return 'other';
}
