import type { ConfigProviderProps } from 'antd';
import enUS from 'antd/locale/en_US';
import ruRU from 'antd/locale/ru_RU';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ru } from './ru';
import { zhCN } from './zh-CN';

dayjs.extend(relativeTime);

export const LANGUAGES = ['zh-CN', 'en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const STORAGE_KEY = 'scohub.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be blocked (privacy mode); the default language still works.
    return DEFAULT_LANGUAGE;
  }
}

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

const DAYJS_LOCALE: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en', ru: 'ru' };
const ANTD_LOCALE: Record<Language, AntdLocale> = { 'zh-CN': zhCNAntd, en: enUS, ru: ruRU };

export function antdLocale(language: Language): AntdLocale {
  return ANTD_LOCALE[language];
}

function syncSideEffects(language: Language): void {
  dayjs.locale(DAYJS_LOCALE[language]);
  document.documentElement.lang = language;
}

const initialLanguage = storedLanguage();
syncSideEffects(initialLanguage);

// Resources are bundled, so initialisation is synchronous and the first render is already translated.
void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en }, ru: { translation: ru } },
  lng: initialLanguage,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

export const i18n = i18next;

export function currentLanguage(): Language {
  const language = i18next.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/** Switches the UI language, remembers it on this device and updates dayjs and <html lang>. */
export async function applyLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered on this device, but the switch itself still happens.
  }
  syncSideEffects(language);
  await i18next.changeLanguage(language);
}

function hasKey<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

/**
 * Server codes such as 'registry.enterprise_registered' become keys with '__' for the dot, because
 * i18next reads dots as nesting. Codes the client does not know yet are shown as they are.
 */
function codeKey(code: string): string {
  return code.replaceAll('.', '__');
}

export function eventTypeLabel(t: TFunction, type: string): string {
  const key = codeKey(type);
  return hasKey(en.eventTypes, key) ? t(`eventTypes.${key}`) : type;
}

export function auditActionLabel(t: TFunction, action: string): string {
  const key = codeKey(action);
  return hasKey(en.auditActions, key) ? t(`auditActions.${key}`) : action;
}

export function entityTypeLabel(t: TFunction, entityType: string): string {
  return hasKey(en.entityTypes, entityType) ? t(`entityTypes.${entityType}`) : entityType;
}

export function enterpriseKindLabel(t: TFunction, kind: string): string {
  return hasKey(en.enterpriseKinds, kind) ? t(`enterpriseKinds.${kind}`) : kind;
}

/** Reference data carries its names in all three languages; pick the one for the UI. */
export function localName(names: { 'zh-CN': string; en: string; ru: string }, language: Language): string {
  return names[language] || names.en;
}
