/**
 * "Predict, then reveal": before the step plays, the learner picks what they think will happen;
 * once the cluster has done it, the answer and the reason are shown beside their guess.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideState, Prediction as PredictionData } from '../../store/appStore';
import { useActions, useAppStore } from '../storeContext';
import { useText } from './useText';

export function Prediction({ guide, predict: data }: { guide: GuideState; predict: PredictionData }) {
  const { t } = useTranslation();
  const text = useText();
  const { predict } = useActions();
  const nodes = useAppStore((s) => s.topology.nodes);
  const choices =
    data.choices === 'nodes'
      ? nodes.map((n) => ({ id: n.name as string, label: n.name as string }))
      : data.choices.map((c) => ({ id: c.id, label: text(c.label) }));
  const labelOf = (id: string | null) => choices.find((c) => c.id === id)?.label ?? id ?? '';
  const { phase, guess, answer } = guide;
  // The choice clicked from the keyboard goes away with its group: focus moves on to the guess
  // and, later, the answer, rather than falling to the page.
  const reveal = useRef<HTMLDivElement>(null);
  const choseHere = useRef(false);
  const choose = (id: string | null, from: HTMLElement) => {
    choseHere.current = from === document.activeElement;
    predict(id);
  };
  useEffect(() => {
    if (phase === 'predict' || !choseHere.current) return;
    choseHere.current = false;
    reveal.current?.focus({ preventScroll: true });
  }, [phase]);

  return (
    <div
      className="rounded-lg border border-violet-300 bg-violet-50 p-3 dark:border-violet-700 dark:bg-violet-950/50"
      data-predict
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-violet-700 dark:text-violet-300">
        {t('guide.predict')}
      </p>
      <p className="mt-1 text-[14px] font-medium leading-6 text-slate-900 dark:text-slate-100">
        {text(data.question)}
      </p>
      {phase === 'predict' ? (
        <div role="group" aria-label={text(data.question)} className="mt-2 flex flex-wrap gap-2">
          {choices.map((c) => (
            <button
              key={c.id}
              type="button"
              onClick={(e) => choose(c.id, e.currentTarget)}
              className="rounded-md border border-violet-400 bg-white px-3 py-1.5 text-sm font-medium text-violet-900 hover:bg-violet-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600 dark:border-violet-500 dark:bg-slate-900 dark:text-violet-100 dark:hover:bg-violet-900"
            >
              {c.label}
            </button>
          ))}
          <button
            type="button"
            onClick={(e) => choose(null, e.currentTarget)}
            className="rounded-md px-2 py-1.5 text-sm text-slate-600 underline hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-violet-600 dark:text-slate-300 dark:hover:text-white"
          >
            {t('guide.skipPredict')}
          </button>
        </div>
      ) : (
        <div
          ref={reveal}
          tabIndex={-1}
          className="mt-2 space-y-1 text-[14px] leading-6 outline-none"
          data-reveal={phase === 'done' || undefined}
        >
          {guess !== null && (
            <p className="text-slate-700 dark:text-slate-200">
              {t('guide.yourGuess', { guess: labelOf(guess) })}
            </p>
          )}
          {phase === 'done' && answer !== null && (
            <>
              <p className="font-semibold text-slate-900 dark:text-white" data-answer={answer}>
                {guess !== null && (guess === answer ? `✓ ${t('guide.right')} ` : `✗ ${t('guide.wrong')} `)}
                {t('guide.answer', { answer: labelOf(answer) })}
              </p>
              <p className="text-slate-700 dark:text-slate-200">{text(data.explain)}</p>
            </>
          )}
        </div>
      )}
    </div>
  );
}
