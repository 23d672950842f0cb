/**
 * i18next set up with English and Japanese. The language comes from the analyst's
 * setting (kept by main); "system" follows the OS language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../core/ipc/channels.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';

export type UiLanguage = 'en' | 'ja';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
    returnNull: false;
  }
}

export function resolveLanguage(setting: Language, systemLanguages: readonly string[]): UiLanguage {
  if (setting !== 'system') return setting;
  const preferred = systemLanguages.find((tag) => /^(ja|en)\b/i.test(tag));
  return preferred?.toLowerCase().startsWith('ja') === true ? 'ja' : 'en';
}

export async function initI18n(language: UiLanguage): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: language,
    fallbackLng: 'en',
    // React escapes text itself; escaping here would show entities such as &amp; to the user.
    interpolation: { escapeValue: false },
    returnObjects: true,
  });
  return i18next;
}

/** Switches the UI language and tells the browser, so Japanese text uses Japanese glyphs. */
export async function applyLanguage(language: UiLanguage): Promise<void> {
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}
