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

/**
 * Per instance and part (Details, panels), the languages whose text is loaded or on its way. Keyed
 * by the instance's resource store: react-i18next hands components a copy of the instance each
 * language change.
 */
const partsLoaded = new WeakMap<object, Map<string, Promise<void>>>();

/**
 * Adds a part of `language`'s catalog once: the same promise each time, marked as React's `use`
 * reads it, so a component suspends on it only while it loads. Once asked for, a language switched
 * to later loads it too (see showLanguage).
 */
function loadPart(
  instance: i18n,
  part: 'details' | 'panels',
  language: string,
  add: (code: LanguageCode) => Promise<void>,
): Promise<void> {
  let loaded = partsLoaded.get(instance.store);
  if (!loaded) partsLoaded.set(instance.store, (loaded = new Map()));
  const key = `${part}:${language}`;
  let promise = loaded.get(key);
  if (!promise) {
    promise = add(language === 'zh' ? 'zh' : 'en');
    const marked = Object.assign(promise, { status: 'pending' });
    void promise.then(() => Object.assign(marked, { status: 'fulfilled', value: undefined }));
    loaded.set(key, promise);
  }
  return promise;
}

/** Whether `part` was asked for in some language on this instance. */
const partAsked = (instance: i18n, part: string) =>
  [...(partsLoaded.get(instance.store)?.keys() ?? [])].some((k) => k.startsWith(`${part}:`));

/**
 * Adds the text of the panels opened on demand (the terminal, the Manifest editor, Share, a
 * workflow's narration) to `language`'s catalog.
 */
export function loadPanelText(instance: i18n, language: string): Promise<void> {
  return loadPart(instance, 'panels', language, async (code) => {
    const text = await PANELS[code]();
    // New section objects, the first catalog's keys kept (a deep merge would write into the
    // catalog module's own objects).
    const first = instance.getResourceBundle(language, 'translation') as Record<string, object | undefined>;
    const sections = Object.fromEntries(
      Object.entries(text).map(([section, keys]) => [section, { ...first[section], ...(keys as object) }]),
    );
    instance.addResourceBundle(language, 'translation', sections, false, true);
  });
}

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

/** Adds the components' Details text to `language`'s catalog (see loadPart). */
export function loadComponentDetails(instance: i18n, language: string): Promise<void> {
  return loadPart(instance, 'details', language, async (code) => {
    const details = await DETAILS[code]();
    // A new components object (a deep merge would write into the catalog module's own objects).
    const shorts = (instance.getResourceBundle(language, 'translation') as FirstMessages).components;
    const components = Object.fromEntries(
      Object.entries(shorts).map(([key, short]) => [key, { ...short, ...details[key] }]),
    );
    instance.addResourceBundle(language, 'translation', { components }, false, true);
  });
}

/** Switches to `language`, loading its catalog first if this page has not shown it yet. */
export async function showLanguage(instance: i18n, language: LanguageCode): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await LOADERS[language]());
  }
  // Details open (or opened before) in the other language: its text is there before the switch.
  if (partAsked(instance, 'details')) await loadComponentDetails(instance, language);
  if (partAsked(instance, 'panels')) await loadPanelText(instance, language);
  await instance.changeLanguage(language);
}
