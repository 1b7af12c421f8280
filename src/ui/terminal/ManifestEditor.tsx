/**
 * The manifest editor: write or paste YAML (or open a file, or start from an example), see what is
 * wrong with line numbers before applying, then Apply runs `kubectl apply -f -` in the terminal.
 */
import { useContext, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MANIFEST_KINDS } from '../../store/terminal';
import { StoreContext, useActions, useAppStore } from '../storeContext';
import { MANIFEST_EXAMPLES, type ExampleName } from './manifestExamples';
import { byteLength, validateManifest, type Problem, type Verdict } from './validateManifest';

/** Wait after the last keystroke before checking (ms). */
const CHECK_AFTER = 250;
/** Line numbers drawn at most (a pasted file may have many more lines). */
const MAX_NUMBERED = 5_000;
const APPLY = 'kubectl apply -f -';

export function ManifestEditor({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const limit = useAppStore((s) => s.terminal.manifestLimit);
  const { runCommand, checkCommand } = useActions();
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [kubectlSays, setKubectlSays] = useState<string | null>(null);
  /** Text or a file refused for its size: it never entered the editor. */
  const [refused, setRefused] = useState<Problem | null>(null);
  const edit = (next: string) => {
    setRefused(null);
    setText(next);
  };
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    area.current?.focus();
  }, []);

  // The cluster waits while the learner writes: what is applied lands at the moment the editor
  // opened, not minutes of cluster time later. Playing again on the way out, if it was playing.
  const store = useContext(StoreContext)!;
  const [wasPlaying] = useState(() => store.getState().playback.playing);
  useEffect(() => {
    const resume = wasPlaying;
    if (resume) store.getState().pause();
    return () => {
      if (resume && !store.getState().playback.playing) store.getState().play();
    };
  }, [store, wasPlaying]);

  // Checked a moment after typing stops; a later check wins.
  useEffect(() => {
    if (limit === null) return;
    let current = true;
    const timer = setTimeout(() => {
      void validateManifest(text, limit, MANIFEST_KINDS).then((v) => {
        if (!current) return;
        setVerdict(v);
        const refused = v.problems.length === 0 && v.count > 0 ? checkCommand(APPLY, { stdin: text }) : null;
        setKubectlSays(refused?.error ? refused.text : null);
      });
    }, CHECK_AFTER);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, limit, checkCommand]);

  const lineCount = Math.min(MAX_NUMBERED, text.split('\n').length);
  const numbers = Array.from({ length: lineCount }, (_, i) => i + 1).join('\n');
  const checked = verdict !== null && limit !== null;
  const problems: readonly Problem[] = refused ? [refused] : (verdict?.problems ?? []);
  const canApply =
    !refused && checked && problems.length === 0 && kubectlSays === null && (verdict?.count ?? 0) > 0;

  const goTo = (line: number | undefined) => {
    const el = area.current;
    if (!el || line === undefined) return;
    let offset = 0;
    for (let l = 1; l < line; l++) {
      const next = text.indexOf('\n', offset);
      if (next < 0) break;
      offset = next + 1;
    }
    el.focus();
    el.setSelectionRange(offset, offset);
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (limit !== null && file.size > limit) {
      // Not even read: the editor says how big it is.
      setRefused({ key: 'manifest.error.tooBig', values: { size: file.size, limit } });
      return;
    }
    void file.text().then((content) => {
      if (!refuseIfTooBig(content)) edit(content);
    });
  };

  /** Text over the limit never enters the editor (drawing a megabyte in a textarea alone freezes the page). */
  const refuseIfTooBig = (incoming: string): boolean => {
    if (limit === null) return false;
    const size = incoming.length > limit ? byteLength(incoming) : 0;
    if (size <= limit) return false;
    setRefused({ key: 'manifest.error.tooBig', values: { size, limit } });
    return true;
  };

  const apply = () => {
    if (!canApply) return;
    runCommand(APPLY, { stdin: text });
    onClose();
  };

  return (
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/50 p-2 sm:p-6"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        } else if (e.key === 'Tab' && dialog.current) {
          // Focus stays inside the dialog while it is open.
          const focusable = [
            ...dialog.current.querySelectorAll<HTMLElement>('button:not([disabled]), textarea, input'),
          ];
          const first = focusable[0];
          const last = focusable[focusable.length - 1];
          if (e.shiftKey && document.activeElement === first) {
            e.preventDefault();
            last?.focus();
          } else if (!e.shiftKey && document.activeElement === last) {
            e.preventDefault();
            first?.focus();
          }
        }
      }}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="flex max-h-full w-full max-w-3xl flex-col gap-2 rounded-xl bg-white p-3 text-sm text-slate-900 shadow-xl dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="flex items-start gap-2">
          <h2 id={titleId} className="flex-1 text-base font-semibold">
            {t('manifest.title')}
          </h2>
          <button type="button" className={BUTTON} onClick={onClose}>
            {t('manifest.close')}
          </button>
        </div>
        <p className="text-slate-600 dark:text-slate-300">
          {t('manifest.hint')}
          {wasPlaying && <span data-paused-note> {t('manifest.paused')}</span>}
        </p>
        <div className="flex flex-wrap items-center gap-1" role="group" aria-label={t('manifest.examples')}>
          <span className="mr-1 text-xs font-semibold text-slate-500 dark:text-slate-400">
            {t('manifest.examples')}:
          </span>
          {(Object.keys(MANIFEST_EXAMPLES) as ExampleName[]).map((name) => (
            <button key={name} type="button" className={BUTTON} onClick={() => edit(MANIFEST_EXAMPLES[name])}>
              {t(`manifest.example.${name}`)}
            </button>
          ))}
          <label className={`${BUTTON} cursor-pointer focus-within:outline-2 focus-within:outline-k8s`}>
            {t('manifest.upload')}
            <input
              type="file"
              accept=".yaml,.yml,.json,text/yaml,application/json,text/plain"
              className="sr-only"
              onChange={onFile}
            />
          </label>
        </div>
        <div className="flex min-h-0 flex-1 overflow-hidden rounded-md border border-slate-300 bg-slate-50 font-mono text-xs leading-5 dark:border-slate-600 dark:bg-slate-950">
          <pre
            ref={gutter}
            aria-hidden="true"
            className="select-none overflow-hidden border-r border-slate-300 px-2 py-2 text-right text-slate-500 dark:border-slate-600 dark:text-slate-400"
          >
            {numbers}
          </pre>
          <textarea
            ref={area}
            value={text}
            aria-label={t('manifest.editor')}
            onChange={(e) => {
              if (!refuseIfTooBig(e.target.value)) edit(e.target.value);
            }}
            onPaste={(e) => {
              const pasted = e.clipboardData.getData('text/plain');
              if (refuseIfTooBig(text + pasted)) e.preventDefault();
            }}
            onScroll={(e) => {
              if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
            }}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            rows={16}
            className="min-h-[12rem] flex-1 resize-none bg-transparent p-2 outline-none"
          />
        </div>
        <div aria-live="polite" className="max-h-36 overflow-auto" data-manifest-status>
          {problems.length || (kubectlSays && !refused) ? (
            <>
              <h3 className="text-xs font-semibold text-red-700 dark:text-red-400">
                {t('manifest.problems')}
              </h3>
              <ul className="space-y-0.5">
                {problems.map((p, i) => (
                  <li key={i} className="text-red-700 dark:text-red-400" data-problem>
                    {p.line !== undefined && (
                      <button type="button" className="mr-2 font-mono underline" onClick={() => goTo(p.line)}>
                        {t('manifest.at', { line: p.line, col: p.col ?? 1 })}
                      </button>
                    )}
                    {t(p.key, p.values)}
                  </li>
                ))}
                {kubectlSays && !refused && (
                  <li className="whitespace-pre-wrap text-red-700 dark:text-red-400" data-problem>
                    {t('manifest.error.kubectl', { message: kubectlSays })}
                  </li>
                )}
              </ul>
            </>
          ) : !checked || text.trim() === '' ? (
            <p className="text-slate-500 dark:text-slate-400">
              {text.trim() === '' ? t('manifest.empty') : t('manifest.checking')}
            </p>
          ) : (
            <p className="text-emerald-700 dark:text-emerald-400">
              {t('manifest.valid', { count: verdict?.count ?? 0 })}
            </p>
          )}
        </div>
        <div className="flex items-center justify-end gap-2">
          <span className="mr-auto text-xs text-slate-500 dark:text-slate-400">
            {byteLength(text).toLocaleString()} B
          </span>
          <button
            type="button"
            onClick={apply}
            disabled={!canApply}
            className="rounded-md bg-k8s px-3 py-1 font-semibold text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-k8s disabled:cursor-not-allowed disabled:opacity-50"
          >
            {t('manifest.apply')}
          </button>
        </div>
      </div>
    </div>
  );
}

const BUTTON =
  'rounded-md border border-slate-300 px-2 py-0.5 text-xs font-semibold hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-k8s dark:border-slate-600 dark:hover:bg-slate-800';
