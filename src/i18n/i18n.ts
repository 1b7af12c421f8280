/**
 * The i18next instance the UI uses. Each language's catalog is its own chunk, loaded when first
 * shown, so a page in one language never downloads the other.
 */
import i18next, { type i18n } from 'i18next';
import type { Messages } from './en';

export type LanguageCode = 'en' | 'zh';

const LOADERS: Record<LanguageCode, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.messagesEn),
  zh: () => import('./zh').then((m) => m.messagesZh),
};

/** Creates an i18next instance showing `language`, with its catalog loaded. */
export async function createI18n(language: LanguageCode): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: false, // every catalog has every key (checked by the compiler and a test)
    resources: { [language]: { translation: await LOADERS[language]() } },
    interpolation: { escapeValue: false }, // React escapes what it renders
    returnObjects: true,
  });
  return instance;
}

/** Switches to `language`, loading its catalog first if this page has not shown it yet. */
export async function showLanguage(instance: i18n, language: LanguageCode): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await LOADERS[language]());
  }
  await instance.changeLanguage(language);
}
