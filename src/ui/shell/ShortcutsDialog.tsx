/** The keyboard shortcuts (`?`): a modal dialog that takes focus and gives it back when closed. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useAppStore } from '../storeContext';

const KEYS = [
  ['Space', 'space'],
  ['→', 'right'],
  ['←', 'left'],
  ['?', 'help'],
  ['Esc', 'escape'],
  ['Tab', 'tab'],
] as const;

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.shortcutsOpen);
  const { setShortcutsOpen } = useActions();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      onClose={() => setShortcutsOpen(false)}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-800 shadow-2xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-700">
        <h2 id="shortcuts-title" className="font-semibold">
          {t('shortcuts.title')}
        </h2>
        <button
          type="button"
          autoFocus
          onClick={() => setShortcutsOpen(false)}
          className="rounded-md px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-k8s dark:hover:bg-slate-800"
        >
          {t('shortcuts.close')}
        </button>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 px-4 py-3 text-sm">
        {KEYS.map(([key, text]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                {key}
              </kbd>
            </dt>
            <dd>{t(`shortcuts.${text}`)}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}
