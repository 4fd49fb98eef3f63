/**
 * Server-side translations: error titles and details, validation messages, e-mail-like texts.
 * Each message holds all three languages side by side, so a missing translation is a type
 * error rather than a blank in production.
 */
export const LOCALES = ['zh-CN', 'en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export interface Message {
  'zh-CN': string;
  en: string;
  ru: string;
}
export type MessageCatalog = Record<string, Message>;

const catalog = new Map<string, Message>();

/** Modules register their messages once at import time; a duplicate key is a programming error. */
export function defineMessages<T extends MessageCatalog>(messages: T): T {
  for (const [key, message] of Object.entries(messages)) {
    if (catalog.has(key)) throw new Error(`message "${key}" is defined twice`);
    catalog.set(key, message);
  }
  return messages;
}

export function hasMessage(key: string): boolean {
  return catalog.has(key);
}

/** Translates a key, filling {name} placeholders. Unknown keys come back as the key itself. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const message = catalog.get(key);
  const template = message ? message[locale] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a language tag (zh, zh-Hans-CN, en-GB, ru-RU …) onto one of ours, or null. */
export function matchLocale(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  if (primary === 'ru') return 'ru';
  return null;
}

/** Picks the best supported language from an Accept-Language header (RFC 9110 §12.5.4). */
export function negotiateLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const qParameter = parameters.find((p) => p.trim().startsWith('q='));
      const quality = qParameter ? Number(qParameter.trim().slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const locale = matchLocale(entry.tag);
    if (locale) return locale;
  }
  return null;
}
