/**
 * Playback: Restart, Step back, Play/Pause, Step forward, the cluster's clock, the Timeline slider
 * with its markers, Speed and what to do with heartbeats. The slider moves from stop to stop with
 * the arrow keys (one message at a time), like the step buttons.
 */
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeartbeatMode } from '../../store/appStore';
import { SPEEDS } from '../../store/playbackLimits';
import { Select } from '../shell/Select';
import { useActions, useAppStore } from '../storeContext';
import { formatClock } from './formatClock';
import { MARKER_COLORS, useTimelineMarkers } from './useTimelineMarkers';

const BUTTON =
  'inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-k8s disabled:opacity-40 dark:text-slate-200 dark:hover:bg-slate-800';

function Icon({ d }: { d: string }) {
  return (
    <svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

const Markers = memo(function Markers() {
  const markers = useTimelineMarkers();
  return (
    <div className="pointer-events-none absolute inset-x-[7px] top-0 h-2" aria-hidden="true" data-markers>
      {markers.map((m) => (
        <span
          key={`${m.kind}-${m.at}`}
          data-marker={m.kind}
          className={`absolute top-0 h-2 w-[3px] -translate-x-1/2 rounded-sm ${MARKER_COLORS[m.kind]}`}
          style={{ left: `${m.at * 100}%` }}
        />
      ))}
    </div>
  );
});

/** Where each step of a workflow begins, under the slider (the current step's start stronger). */
const StepMarks = memo(function StepMarks() {
  const player = useAppStore((s) => s.player);
  const step = useAppStore((s) => s.guide?.step ?? null);
  const recorded = useAppStore((s) => Math.floor(s.playback.recorded / 500));
  const end = useAppStore((s) => s.playback.end);
  if (!player || step === null || end <= 0) return null;
  void recorded;
  return (
    <div
      className="pointer-events-none absolute inset-x-[7px] bottom-0 h-1.5"
      aria-hidden="true"
      data-step-marks
    >
      {player.run.steps.map((s, i) => (
        <span
          key={i}
          data-step-mark={i + 1}
          className={`absolute bottom-0 h-1.5 w-[2px] -translate-x-1/2 ${i === step ? 'bg-slate-700 dark:bg-slate-200' : 'bg-slate-400 dark:bg-slate-500'}`}
          style={{ left: `${(player.timeline.toPresentation(s.start) / end) * 100}%` }}
        />
      ))}
    </div>
  );
});

export function PlaybackBar() {
  const { t } = useTranslation();
  const playing = useAppStore((s) => s.playback.playing);
  const cursor = useAppStore((s) => s.playback.cursor);
  const end = useAppStore((s) => s.playback.end);
  const virtualTime = useAppStore((s) => s.playback.virtualTime);
  const speed = useAppStore((s) => s.playback.speed);
  const heartbeats = useAppStore((s) => s.playback.heartbeats);
  const ready = useAppStore((s) => s.playback.ready);
  const actions = useActions();
  const clock = formatClock(virtualTime);
  const player = useAppStore((s) => s.player);
  const slider = useRef<HTMLInputElement>(null);
  const clockText = useRef<HTMLSpanElement>(null);

  // Between the store's updates (four a second) the slider and the clock follow the frames by hand,
  // every sixth frame while playing (each write costs a style and layout pass), at once after a jump.
  useEffect(() => {
    if (!player) return;
    let frame = 0;
    return player.onFrame((p) => {
      // While playing, every sixth frame; paused (a step, a jump), every time.
      if (player.playing && frame++ % 6 !== 0) return;
      if (slider.current) slider.current.value = String(p);
      if (clockText.current) clockText.current.textContent = formatClock(player.virtualTime);
    });
  }, [player]);

  const onSliderKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, () => void> = {
      ArrowRight: actions.stepForward,
      ArrowUp: actions.stepForward,
      ArrowLeft: actions.stepBack,
      ArrowDown: actions.stepBack,
      PageUp: () => actions.seek(cursor + 10_000),
      PageDown: () => actions.seek(cursor - 10_000),
      Home: () => actions.seek(0),
      End: () => actions.seek(end),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    e.stopPropagation();
    move();
  };

  return (
    <div
      role="group"
      aria-label={t('playback.region')}
      data-ready={ready || undefined}
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-200 bg-white px-3 py-1.5 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex items-center">
        <button
          type="button"
          className={BUTTON}
          onClick={actions.restart}
          aria-label={t('playback.restart')}
          title={t('playback.restart')}
        >
          <Icon d="M10 3a7 7 0 1 1-6.6 9.3l1.9-.6A5 5 0 1 0 10 5H8.5l2 2-1.4 1.4L4.7 4 9.1-.4l1.4 1.4-2 2z" />
        </button>
        <button
          type="button"
          className={BUTTON}
          onClick={actions.stepBack}
          aria-label={t('playback.stepBack')}
          title={`${t('playback.stepBack')} (←)`}
        >
          <Icon d="M5 4h2v12H5zM16 4v12L8 10z" />
        </button>
        <button
          type="button"
          className="inline-flex h-10 w-10 items-center justify-center rounded-md bg-k8s text-white hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-k8s dark:hover:bg-blue-500"
          onClick={actions.togglePlay}
          aria-label={playing ? t('playback.pause') : t('playback.play')}
          title={`${playing ? t('playback.pause') : t('playback.play')} (Space)`}
        >
          {playing ? <Icon d="M5 4h3.5v12H5zM11.5 4H15v12h-3.5z" /> : <Icon d="M6 3.5v13L16.5 10z" />}
        </button>
        <button
          type="button"
          className={BUTTON}
          onClick={actions.stepForward}
          aria-label={t('playback.stepForward')}
          title={`${t('playback.stepForward')} (→)`}
        >
          <Icon d="M13 4h2v12h-2zM4 4v12l8-6z" />
        </button>
      </div>
      <span
        ref={clockText}
        role="timer"
        aria-label={t('playback.clock')}
        title={t('playback.clockHint')}
        className="frame-bound h-5 w-[5.5rem] shrink-0 text-center font-mono text-sm tabular-nums text-slate-800 dark:text-slate-100"
        data-clock
      >
        {clock}
      </span>
      <div className="relative min-w-[10rem] flex-1 pt-2">
        <Markers />
        <StepMarks />
        <input
          ref={slider}
          type="range"
          aria-label={t('playback.timeline')}
          aria-valuetext={clock}
          title={t('playback.timelineHint')}
          min={0}
          max={Math.max(end, 1)}
          step="any"
          value={cursor}
          onChange={(e) => actions.seek(Number(e.target.value))}
          onKeyDown={onSliderKey}
          className="frame-bound block h-5 w-full accent-k8s"
        />
      </div>
      <div className="flex items-center gap-3">
        <Select
          label={t('playback.speed')}
          value={String(speed)}
          options={SPEEDS.map((s) => ({ value: String(s), label: `${s}×` }))}
          onChange={(v) => actions.setSpeed(Number(v))}
        />
        <Select<HeartbeatMode>
          label={t('playback.heartbeats')}
          value={heartbeats}
          options={(['show', 'dim', 'hide'] as const).map((m) => ({
            value: m,
            label: t(`playback.heartbeats_${m}`),
          }))}
          onChange={actions.setHeartbeats}
        />
        <button
          type="button"
          className={`${BUTTON} w-auto px-2 text-sm font-semibold`}
          onClick={() => actions.setShortcutsOpen(true)}
          aria-label={t('shortcuts.open')}
          title={`${t('shortcuts.open')} (?)`}
        >
          ?
        </button>
      </div>
    </div>
  );
}
