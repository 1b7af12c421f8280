/**
 * The i18next instance the UI uses. Each language's catalog is its own chunk, loaded when first
 * shown, so a page in one language never downloads the other; the components' Details text is a
 * chunk of its own too, loaded when Details first opens.
 */
import i18next, { type i18n } from 'i18next';
import type { ComponentDetails } from './componentText';
import type { FirstMessages } from './en';

export type LanguageCode = 'en' | 'zh';

const LOADERS: Record<LanguageCode, () => Promise<FirstMessages>> = {
  en: () => import('./en').then((m) => m.messagesEn),
  zh: () => import('./zh').then((m) => m.messagesZh),
};

const DETAILS: Record<LanguageCode, () => Promise<Record<string, ComponentDetails>>> = {
  en: () => import('./en/components').then((m) => m.componentsEn),
  zh: () => import('./zh/components').then((m) => m.componentsZh),
};

const PANELS: Record<LanguageCode, () => Promise<Record<string, unknown>>> = {
  en: () => import('./en/panelText').then((m) => m.panelTextEn),
  zh: () => import('./zh/panelText').then((m) => m.panelTextZh),
};

/** Per instance, the languages whose on-demand panels' text is loaded or on its way. */
const panelsLoaded = new WeakMap<object, Map<string, Promise<void>>>();

/**
 * Adds the text of the panels opened on demand (the terminal, the Manifest editor, Share, a
 * workflow's narration) to
 * `language`'s catalog: the same promise each time, marked as React's `use` reads it, so a panel
 * suspends on it only once. A language switched to later loads it too.
 */
export function loadPanelText(instance: i18n, language: string): Promise<void> {
  let loaded = panelsLoaded.get(instance.store);
  if (!loaded) panelsLoaded.set(instance.store, (loaded = new Map()));
  let promise = loaded.get(language);
  if (!promise) {
    const code: LanguageCode = language === 'zh' ? 'zh' : 'en';
    // Deep, so that the keys the first catalog has in these sections stay.
    promise = PANELS[code]().then((text) => {
      instance.addResourceBundle(language, 'translation', text, true, false);
    });
    const marked = Object.assign(promise, { status: 'pending' });
    void promise.then(() => Object.assign(marked, { status: 'fulfilled', value: undefined }));
    loaded.set(language, promise);
  }
  return promise;
}

/**
 * Per instance, the languages whose Details text is loaded or on its way. Keyed by the instance's
 * resource store: react-i18next hands components a copy of the instance each language change.
 */
const detailsLoaded = new WeakMap<object, Map<string, Promise<void>>>();

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

/**
 * Adds the components' Details text to `language`'s catalog (the same promise each time, so a
 * component can suspend on it); once asked for, a language switched to later loads it too.
 */
export function loadComponentDetails(instance: i18n, language: string): Promise<void> {
  let loaded = detailsLoaded.get(instance.store);
  if (!loaded) detailsLoaded.set(instance.store, (loaded = new Map()));
  let promise = loaded.get(language);
  if (!promise) {
    const code: LanguageCode = language === 'zh' ? 'zh' : 'en';
    promise = DETAILS[code]().then((details) => {
      // A new components object (a deep merge would write into the catalog module's own objects).
      const shorts = (instance.getResourceBundle(language, 'translation') as FirstMessages).components;
      const components = Object.fromEntries(
        Object.entries(shorts).map(([key, short]) => [key, { ...short, ...details[key] }]),
      );
      instance.addResourceBundle(language, 'translation', { components }, false, true);
    });
    // Marked as React's `use` reads it, so a component never suspends on text already loaded.
    const marked = Object.assign(promise, { status: 'pending' });
    void promise.then(() => Object.assign(marked, { status: 'fulfilled', value: undefined }));
    loaded.set(language, promise);
  }
  return promise;
}

/** Switches to `language`, loading its catalog first if this page has not shown it yet. */
export async function showLanguage(instance: i18n, language: LanguageCode): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await LOADERS[language]());
  }
  // Details open (or opened before) in the other language: its text is there before the switch.
  if (detailsLoaded.get(instance.store)?.size) await loadComponentDetails(instance, language);
  if (panelsLoaded.get(instance.store)?.size) await loadPanelText(instance, language);
  await instance.changeLanguage(language);
}
