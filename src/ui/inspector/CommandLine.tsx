/** A real command the learner can type, with what it shows and a copy button. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CommandLine({ cmd, says }: { cmd: string; says?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(cmd).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <li className="space-y-1">
      <div className="flex items-start gap-2 rounded-md bg-slate-900 px-3 py-2 dark:bg-black">
        <code className="min-w-0 flex-1 whitespace-pre-wrap break-words font-mono text-[12.5px] leading-5 text-emerald-300">
          <span className="select-none text-slate-500">$ </span>
          {cmd}
        </code>
        <button
          type="button"
          onClick={copy}
          onBlur={() => setCopied(false)}
          className="shrink-0 rounded px-1.5 py-0.5 text-[11px] text-slate-300 hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-blue-400"
          aria-label={`${t('inspector.copy')}: ${cmd}`}
        >
          {copied ? t('inspector.copied') : t('inspector.copy')}
        </button>
      </div>
      {says && <p className="text-[13px] leading-5 text-slate-600 dark:text-slate-400">{says}</p>}
    </li>
  );
}
