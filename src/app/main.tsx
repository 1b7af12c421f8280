/** Composition root: read the URL once, build the store and i18n, keep URL and document in step, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n';
import { createAppStore } from '../store/appStore';
import { StoreContext } from '../ui/storeContext';
import { App } from './App';
import { settingsToSearch, parseUrlParams } from './urlParams';
import '../index.css';

const preferredLanguage = navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
const init = parseUrlParams(window.location.search, preferredLanguage);
const store = createAppStore(init);
const i18n = createI18n(init.language);
document.documentElement.lang = init.language === 'zh' ? 'zh-CN' : 'en';

store.subscribe((state, previous) => {
  if (state.language !== previous.language) {
    void i18n.changeLanguage(state.language);
    document.documentElement.lang = state.language === 'zh' ? 'zh-CN' : 'en';
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
