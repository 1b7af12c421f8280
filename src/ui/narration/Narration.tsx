/**
 * The workflow panel: where the learner is (step N of M, every step reachable), what this step is
 * about (read out by screen readers as it changes), a guess to make before a decision is shown,
 * commands to try, and Back / Next. Loaded only when a workflow is open.
 */
import { use, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { loadPanelText } from '../../i18n/i18n';
import { stepBounds, type GuideState, type Step } from '../../store/appStore';
import { CommandLine } from '../inspector/CommandLine';
import { useActions, useAppStore } from '../storeContext';
import { Prediction } from './Prediction';
import { useText } from './useText';

const NAV_BUTTON =
  'inline-flex h-9 items-center justify-center gap-1 rounded-md px-3 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-k8s disabled:cursor-not-allowed disabled:opacity-40';

export function Narration() {
  const guide = useAppStore((s) => s.guide);
  if (!guide) return null;
  return <GuidePanel guide={guide} />;
}

function GuidePanel({ guide }: { guide: GuideState }) {
  const { t, i18n } = useTranslation();
  // Its text loads with it, not with the page.
  use(loadPanelText(i18n, i18n.language));
  const text = useText();
  const titleId = useId();
  const { nextStep, previousStep, goToStep, openScenario, skipStep } = useActions();
  const longWait = useLongWait();
  const playing = useAppStore((s) => s.playback.playing);
  const ready = useAppStore((s) => s.playback.ready && s.player !== null);
  const embed = useAppStore((s) => s.embed);
  const range = useAppStore((s) => s.stepRange);
  const { scenario, step: index, phase } = guide;
  const step = scenario.steps[index]!;
  const count = scenario.steps.length;
  const bounds = stepBounds(guide, range);
  const first = index <= bounds.from;
  const last = index >= bounds.to;
  useAutoAdvance(guide);
  // Each step is read from its top: the panel does not stay scrolled to where the last one was read.
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (body.current) body.current.scrollTop = 0;
  }, [index, scenario.id]);

  const status = !ready
    ? t('guide.loading')
    : phase === 'predict'
      ? t('guide.predictHint')
      : phase === 'done'
        ? last
          ? t('guide.finished')
          : t('guide.done')
        : playing
          ? t('guide.watching')
          : t('guide.paused');

  return (
    <section
      aria-labelledby={titleId}
      className="flex h-full min-h-0 flex-col bg-white dark:bg-slate-900"
      data-guide={scenario.id}
      data-step={index + 1}
      data-phase={phase}
    >
      <header className="flex items-start gap-2 border-b border-slate-200 px-4 pb-2 pt-3 dark:border-slate-700">
        <div className="min-w-0 flex-1">
          <p
            id={titleId}
            className="text-xs font-semibold uppercase tracking-wide text-k8s dark:text-sky-300"
          >
            {text(scenario.title)}
          </p>
          <p className="text-xs text-slate-500 dark:text-slate-400" data-step-of>
            {t('guide.stepOf', { step: index + 1, count })}
          </p>
        </div>
        {!embed && (
          <button
            type="button"
            onClick={() => openScenario(null)}
            aria-label={t('guide.close')}
            title={t('guide.close')}
            className="rounded-md p-1 text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-k8s dark:text-slate-400 dark:hover:bg-slate-800"
          >
            <svg width="16" height="16" viewBox="0 0 20 20" aria-hidden="true">
              <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        )}
      </header>
      <StepDots guide={guide} bounds={bounds} onPick={goToStep} />
      <div ref={body} className="min-h-0 flex-1 space-y-3 overflow-y-auto px-4 py-3">
        {/* Read out as each step arrives. */}
        <div aria-live="polite" aria-atomic="true" data-narration>
          <h2 className="text-base font-bold leading-6 text-slate-900 dark:text-white">{text(step.title)}</h2>
          <p className="mt-1 text-[14px] leading-6 text-slate-700 dark:text-slate-200">
            {text(step.narration)}
          </p>
        </div>
        {step.predict && <Prediction guide={guide} predict={step.predict} />}
        <p className="text-xs italic text-slate-500 dark:text-slate-400" role="status" data-guide-status>
          {status}
        </p>
        {longWait && (
          <p className="text-xs text-slate-600 dark:text-slate-300" data-skip-hint>
            {t('guide.skipToEndHint')}
          </p>
        )}
        <TryIt step={step} />
      </div>
      <footer className="flex items-center gap-2 border-t border-slate-200 px-4 py-2 dark:border-slate-700">
        <button
          type="button"
          onClick={previousStep}
          disabled={first}
          className={`${NAV_BUTTON} text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800`}
        >
          <span aria-hidden="true">‹</span>
          {t('guide.back')}
        </button>
        {/* In the footer, always in sight (on a phone the panel above shows a few lines): while a
            step waits on the cluster's real time, skipping to its end is worth more than Replay. */}
        {longWait ? (
          <button
            type="button"
            onClick={skipStep}
            className={`${NAV_BUTTON} border border-slate-300 font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800`}
          >
            {t('guide.skipToEnd')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => goToStep(index)}
            className={`${NAV_BUTTON} font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800`}
          >
            {t('guide.replay')}
          </button>
        )}
        <button
          type="button"
          onClick={nextStep}
          disabled={last}
          className={`${NAV_BUTTON} ml-auto bg-k8s text-white hover:bg-k8s/90 ${phase === 'done' && !last ? 'ring-4 ring-k8s/30' : ''}`}
        >
          {t('guide.next')}
          <span aria-hidden="true">›</span>
        </button>
      </footer>
    </section>
  );
}

/** One button per step: where the learner is, and a way to any step. */
function StepDots({
  guide,
  bounds,
  onPick,
}: {
  guide: GuideState;
  bounds: { from: number; to: number };
  onPick: (step: number) => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  return (
    <nav aria-label={t('guide.progress')} className="px-4 pt-2">
      <ol className="flex gap-1">
        {guide.scenario.steps.map((s, i) =>
          i < bounds.from || i > bounds.to ? null : (
            <li key={i} className="min-w-0 flex-1">
              <button
                type="button"
                onClick={() => onPick(i)}
                aria-label={t('guide.goToStep', { step: i + 1, title: text(s.title) })}
                aria-current={i === guide.step ? 'step' : undefined}
                title={text(s.title)}
                className={[
                  'block h-2 w-full rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-k8s',
                  i < guide.step || (i === guide.step && guide.phase === 'done')
                    ? 'bg-k8s'
                    : i === guide.step
                      ? 'bg-k8s/50'
                      : 'bg-slate-200 hover:bg-slate-300 dark:bg-slate-700 dark:hover:bg-slate-600',
                ].join(' ')}
              />
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** Whether the terminal can run a command as written (it has no file to read `-f web.yaml` from). */
const runnable = (cmd: string) => !/\s-f\s+(?!-(\s|$))/.test(cmd);

function TryIt({ step }: { step: Step }) {
  const { t } = useTranslation();
  const { runCommand, setPanel } = useActions();
  const embed = useAppStore((s) => s.embed);
  if (!step.tryIt?.length) return null;
  return (
    <div className="space-y-1.5">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {t('guide.tryIt')}
      </h3>
      <ul className="space-y-1.5">
        {step.tryIt.map((cmd) => (
          <li key={cmd} className="flex items-start gap-1.5">
            <ul className="min-w-0 flex-1">
              <CommandLine cmd={cmd} />
            </ul>
            {!embed && runnable(cmd) && (
              <button
                type="button"
                onClick={() => {
                  setPanel('terminal');
                  runCommand(cmd);
                }}
                aria-label={t('guide.runInTerminal', { cmd })}
                title={t('guide.runInTerminal', { cmd })}
                className="mt-1 shrink-0 rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-k8s dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
              >
                {t('guide.run')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** With autoplay, a finished step moves on by itself after a pause long enough to read it. */
function useAutoAdvance(guide: GuideState) {
  const autoplay = useAppStore((s) => s.autoplay);
  const range = useAppStore((s) => s.stepRange);
  const { nextStep, predict } = useActions();
  const text = useText();
  const narration = guide.scenario.steps[guide.step]!.narration;
  useEffect(() => {
    if (!autoplay) return;
    const reading = Math.min(9_000, Math.max(3_000, text(narration).length * 35));
    if (guide.phase === 'predict') {
      const timer = setTimeout(() => predict(null), reading);
      return () => clearTimeout(timer);
    }
    if (guide.phase === 'done' && guide.step < stepBounds(guide, range).to) {
      const timer = setTimeout(nextStep, reading);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [autoplay, range, guide, narration, nextStep, predict, text]);
}

/** How much of a step's cluster time may remain before a way past it is offered. */
const LONG_WAIT_MS = 10_000;

/**
 * Whether the step waits on the cluster's real time (a 300-s toleration plays for five minutes at
 * 1×): a way to where it is done is then offered. Its end is known once recorded: until then the
 * wait counts as long.
 */
function useLongWait(): boolean {
  return useAppStore((s) => {
    const { guide, player } = s;
    if (guide?.phase !== 'playing' || !player) return false;
    const end = player.run.steps[guide.step]?.end;
    return end === null || end === undefined || end - s.playback.virtualTime > LONG_WAIT_MS;
  });
}
