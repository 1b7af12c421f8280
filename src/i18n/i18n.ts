/** The i18next instance the UI uses; languages switch at run time without reloading. */
import i18next, { type i18n } from 'i18next';
import { MESSAGES } from './messages';

/** Creates and initialises an i18next instance in `language` (synchronous: the catalogs are bundled). */
export function createI18n(language: keyof typeof MESSAGES): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: MESSAGES.en }, zh: { translation: MESSAGES.zh } },
    interpolation: { escapeValue: false }, // React escapes what it renders
    returnObjects: true,
    initAsync: false,
  });
  return instance;
}
