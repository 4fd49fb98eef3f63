import type { Language } from '../../i18n';

/** Yuan from fen, compact in the UI language (万/亿 in Chinese, K/M in English, тыс./млн in Russian). */
export function compactYuan(fen: number, language: Language): string {
  return new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(fen / 100);
}

/** Yuan from fen with two decimals, for tables. */
export function yuan(fen: number, language: Language): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fen / 100);
}

export function integer(value: number, language: Language): string {
  return new Intl.NumberFormat(language).format(value);
}

/** `t` for keys built at run time from server values (channel, status…): the key set is checked by messages.test. */
export function dynamic(t: unknown): (key: string, options?: Record<string, unknown>) => string {
  return t as (key: string, options?: Record<string, unknown>) => string;
}
