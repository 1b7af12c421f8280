/**
 * Share and export: a link to what is on screen, the iframe that embeds it in a course page (with
 * a live preview), and the diagram as PNG or SVG and the run's log as JSON. Loaded when opened.
 */
import { use, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadPanelText } from '../../i18n/i18n';
import { layoutDiagram } from '../diagram/layout';
import { componentTextKey } from '../diagram/textKey';
import { useActions, useAppStore } from '../storeContext';
import { diagramSvg } from './diagramSvg';
import { download, svgToPng } from './download';
import { embedSnippet, embedUrl } from './embedSnippet';

const HEIGHTS = [480, 560, 720] as const;
const BUTTON =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-k8s dark:border-slate-600 dark:hover:bg-slate-800';

function useCopy(): [string | null, (what: string, text: string) => void] {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (what: string, text: string) =>
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(what),
      () => setCopied(null),
    );
  return [copied, copy];
}

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  // Its text loads with it, not with the page.
  use(loadPanelText(i18n, i18n.language));
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), link: useId(), code: useId(), height: useId(), from: useId(), to: useId() };
  const guide = useAppStore((s) => s.guide);
  const topology = useAppStore((s) => s.topology);
  const view = useAppStore((s) => s.view);
  const runtime = useAppStore((s) => s.config.runtime);
  // The learner's own changes (a node added, a pod deleted…) are not in a link of settings.
  const changes = useAppStore((s) => s.actions.length);
  const { runLog } = useActions();
  const [copied, copy] = useCopy();
  const [height, setHeight] = useState<number>(560);
  const [autoplay, setAutoplay] = useState(false);
  const steps = guide?.scenario.steps.length ?? 0;
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const link = window.location.href;
  const options = {
    base: `${window.location.origin}${window.location.pathname}`,
    search: window.location.search,
    height,
    autoplay,
    title: t('app.title'),
    ...(range ? { steps: range } : {}),
  };
  const snippet = embedSnippet(options);
  const preview = embedUrl(options);

  const svg = useMemo(() => {
    const dark = document.documentElement.classList.contains('dark');
    return diagramSvg(
      layoutDiagram(topology),
      view,
      {
        cluster: t('diagram.cluster'),
        controlPlane: t('diagram.controlPlane'),
        addons: t('diagram.addons'),
        nodeComponents: t('diagram.nodeComponents'),
        shortOf: (id) => {
          const component = topology.components.find((c) => c.id === id);
          return component ? t(`components.${componentTextKey(component, runtime)}.short`) : '';
        },
        roleOf: (controlPlane) => t(controlPlane ? 'diagram.roleBoth' : 'diagram.roleWorker'),
      },
      dark,
    );
  }, [topology, view, runtime, t]);

  const name = guide ? `k8s-${guide.source.replace(/[^\w-]/g, '_')}-step${guide.step + 1}` : 'k8s-cluster';

  return (
    <dialog
      ref={dialog}
      aria-labelledby={ids.title}
      onClose={onClose}
      className="m-auto max-h-[calc(100vh-2rem)] w-[min(44rem,calc(100vw-2rem))] overflow-y-auto rounded-xl border border-slate-200 bg-white p-0 text-slate-800 shadow-2xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-700">
        <h2 id={ids.title} className="font-semibold">
          {t('share.title')}
        </h2>
        <button type="button" autoFocus onClick={() => dialog.current?.close()} className={BUTTON}>
          {t('shortcuts.close')}
        </button>
      </div>
      <div className="space-y-5 px-4 py-3 text-sm">
        <section className="space-y-1.5">
          <h3 className="font-semibold">
            <label htmlFor={ids.link}>{t('share.link')}</label>
          </h3>
          <div className="flex gap-2">
            <input
              id={ids.link}
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
            />
            <button type="button" className={BUTTON} onClick={() => copy('link', link)}>
              {copied === 'link' ? t('inspector.copied') : t('share.copyLink')}
            </button>
          </div>
          {changes > 0 && (
            <p className="text-xs text-slate-600 dark:text-slate-300" data-link-note>
              {t('share.actionsNotInLink')}
            </p>
          )}
        </section>

        <section className="space-y-2">
          <h3 className="font-semibold">{t('share.embed')}</h3>
          <p className="text-slate-600 dark:text-slate-300">{t('share.embedHint')}</p>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <label className="flex items-center gap-1.5" htmlFor={ids.height}>
              {t('share.height')}
              <select
                id={ids.height}
                value={height}
                onChange={(e) => setHeight(Number(e.target.value))}
                className="rounded-md border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
              >
                {HEIGHTS.map((h) => (
                  <option key={h} value={h}>
                    {h}px
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-1.5">
              <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.target.checked)} />
              {t('share.autoplay')}
            </label>
            {guide && (
              <span className="flex items-center gap-1.5">
                <label className="flex items-center gap-1.5">
                  <input
                    type="checkbox"
                    checked={range !== null}
                    onChange={(e) => setRange(e.target.checked ? { from: guide.step + 1, to: steps } : null)}
                  />
                  {t('share.onlySteps')}
                </label>
                {range && (
                  <>
                    <input
                      id={ids.from}
                      type="number"
                      min={1}
                      max={range.to}
                      value={range.from}
                      aria-label={t('share.fromStep')}
                      onChange={(e) =>
                        setRange({ ...range, from: clamp(Number(e.target.value), 1, range.to) })
                      }
                      className="w-14 rounded-md border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
                    />
                    –
                    <input
                      id={ids.to}
                      type="number"
                      min={range.from}
                      max={steps}
                      value={range.to}
                      aria-label={t('share.toStep')}
                      onChange={(e) =>
                        setRange({ ...range, to: clamp(Number(e.target.value), range.from, steps) })
                      }
                      className="w-14 rounded-md border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
                    />
                  </>
                )}
              </span>
            )}
          </div>
          <label htmlFor={ids.code} className="sr-only">
            {t('share.code')}
          </label>
          <textarea
            id={ids.code}
            readOnly
            rows={4}
            value={snippet}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
          />
          <button type="button" className={BUTTON} onClick={() => copy('code', snippet)}>
            {copied === 'code' ? t('inspector.copied') : t('share.copyCode')}
          </button>
          <div className="overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
            <iframe
              title={t('share.preview')}
              src={preview}
              sandbox="allow-scripts allow-same-origin"
              className="block w-full border-0"
              style={{ height: Math.min(height, 420) }}
            />
          </div>
        </section>

        <section className="space-y-2">
          <h3 className="font-semibold">{t('share.export')}</h3>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={BUTTON}
              onClick={() => void svgToPng(svg).then((png) => download(`${name}.png`, png))}
            >
              {t('share.png')}
            </button>
            <button
              type="button"
              className={BUTTON}
              onClick={() => download(`${name}.svg`, new Blob([svg], { type: 'image/svg+xml' }))}
            >
              {t('share.svg')}
            </button>
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                const log = runLog();
                if (log)
                  download(
                    `${name}-log.json`,
                    new Blob([JSON.stringify(log, null, 2)], { type: 'application/json' }),
                  );
              }}
            >
              {t('share.json')}
            </button>
          </div>
        </section>
      </div>
    </dialog>
  );
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : min;
}
