/** Composition root: read the URL once, build the store and i18n, keep URL and document in step, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n, showLanguage } from '../i18n/i18n';
import { browserClock } from '../playback/browserClock';
import { createAppStore, WORKFLOWS, type PlaybackEngine } from '../store/appStore';
import { whenDrawn } from '../ui/drawn';
import { StoreContext } from '../ui/storeContext';
import { App } from './App';
import { INLINE, inlineWorkflow, settingsToSearch, parseUrlParams } from './urlParams';
import '../index.css';

const preferredLanguage = navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
const parsed = parseUrlParams(
  window.location.search,
  preferredLanguage,
  WORKFLOWS.map((w) => w.id),
);
// A workflow written inline in the fragment (a course page's own) wins over `?scenario=`.
const init = inlineWorkflow(window.location.hash) !== null ? { ...parsed, scenario: INLINE } : parsed;
/** The simulation loads once the architecture has been drawn, so the first paint never waits for it. */
let startEngine: () => void = () => {};
const engine = new Promise<PlaybackEngine>((resolve) => {
  startEngine = () => resolve(import('../store/engine'));
});
const source = init.scenario;
const store = createAppStore({
  ...init,
  clock: browserClock,
  engine,
  ...(source !== undefined
    ? {
        guide: {
          scenario: import('./loadWorkflow').then((m) =>
            m.loadWorkflow(source, (notice) => store.getState().addNotice(notice)),
          ),
          source,
          ...(init.step !== undefined ? { step: init.step } : {}),
        },
      }
    : {}),
});
// The language's catalog, and the code only an embed or a phone needs, load side by side.
const [i18n, embedBridge] = await Promise.all([
  createI18n(init.language),
  init.embed ? import('./embedBridge') : null,
  init.embed ? import('./EmbeddedApp') : null,
  !init.embed && !window.matchMedia('(min-width: 768px)').matches ? import('./PhoneLayout') : null,
]);
const htmlLang = (language: string) => (language === 'zh' ? 'zh-CN' : 'en');
const showDocumentLanguage = () => {
  document.documentElement.lang = htmlLang(i18n.language);
  document.title = i18n.t('app.title');
};
showDocumentLanguage();

/** The address bar always links to what is shown; a URL with ignored parameters is rewritten at once. */
const syncUrl = () => {
  const search = settingsToSearch(window.location.search, store.getState());
  if (search !== window.location.search) {
    window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  }
};
if (init.notices.length) syncUrl();

store.subscribe((state, previous) => {
  if (state.language !== previous.language)
    void showLanguage(i18n, state.language).then(showDocumentLanguage);
  const changed =
    state.config !== previous.config ||
    state.language !== previous.language ||
    state.theme !== previous.theme ||
    state.playback.speed !== previous.playback.speed ||
    state.guide?.source !== previous.guide?.source ||
    state.guide?.step !== previous.guide?.step;
  if (changed) syncUrl();
  // A workflow that could not be used is named no more: the page is in free play (a broken inline
  // one leaves the fragment too).
  if (state.notices !== previous.notices && !state.guide) {
    const refused = state.notices.find((n) => n.expected === 'badScenario' && !previous.notices.includes(n));
    if (refused && refused.value === '#scenario=…')
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    if (refused) syncUrl();
  }
});
// A workflow may have opened while the catalog loaded: the address names its step from the start.
if (store.getState().guide) syncUrl();
// In a course page's iframe, the host page can drive the workflow and follow it.
if (embedBridge) embedBridge.connectEmbed(store);

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
// The simulation is fetched right after the first contentful paint (or once the diagram is drawn,
// where paint timing is not reported), so the first picture never waits for it.
let engineAsked = false;
const askEngine = () => {
  if (engineAsked) return;
  engineAsked = true;
  startEngine();
};
if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length) {
      observer.disconnect();
      askEngine();
    }
  }).observe({ type: 'paint', buffered: true });
}
void whenDrawn().then(() => requestAnimationFrame(() => setTimeout(askEngine, 0)));
