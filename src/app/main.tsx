/** Composition root: read the URL once, build the store and i18n, keep URL and document in step, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n, showLanguage } from '../i18n/i18n';
import { createAppStore } from '../store/appStore';
import { StoreContext } from '../ui/storeContext';
import { App } from './App';
import { settingsToSearch, parseUrlParams } from './urlParams';
import '../index.css';

const preferredLanguage = navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
const init = parseUrlParams(window.location.search, preferredLanguage);
const store = createAppStore(init);
const i18n = await createI18n(init.language);
const htmlLang = (language: string) => (language === 'zh' ? 'zh-CN' : 'en');
document.documentElement.lang = htmlLang(init.language);

store.subscribe((state, previous) => {
  if (state.language !== previous.language) {
    void showLanguage(i18n, state.language).then(() => {
      document.documentElement.lang = htmlLang(i18n.language);
    });
  }
  if (
    state.config !== previous.config ||
    state.language !== previous.language ||
    state.theme !== previous.theme
  ) {
    const search = settingsToSearch(window.location.search, state);
    window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  }
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
