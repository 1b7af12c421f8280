/**
 * Messages in flight, drawn on top of the diagram. Every animation frame the player says where the
 * cursor is; this layer moves a pool of plain DOM tokens by `transform`, lights up the sender, the
 * receiver and the edge between them, and renders nothing through React. With reduced motion a
 * token sits still at the middle of its edge instead of flying.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore, ViewportPortal } from '@xyflow/react';
import type { MessageKind } from '../../engine/trace';
import { useAppStore } from '../storeContext';
import { useMediaQuery } from '../useMediaQuery';
import { describeMessage } from '../timeline/messageText';
import { useEndpointName } from '../timeline/useEndpointName';
import { useWords } from '../timeline/useWords';
import { flightRoutes, pointAlong } from './flightRoutes';
import type { DiagramLayout } from './layout';

/** At most this many tokens are drawn; the newest win. */
const MAX_TOKENS = 24;
/** At most this many carry a label; the rest are dots, so several in flight stay readable. */
const MAX_LABELS = 6;

const KIND_CLASS: Record<MessageKind, string> = {
  request: 'flight-api',
  watch: 'flight-api',
  list: 'flight-api',
  error: 'flight-error',
  etcd: 'flight-storage',
  cri: 'flight-cri',
  'cri-reply': 'flight-cri',
  run: 'flight-cri',
  traffic: 'flight-traffic',
};

export function FlightLayer({ layout }: { layout: DiagramLayout }) {
  const words = useWords();
  const player = useAppStore((s) => s.player);
  const heartbeats = useAppStore((s) => s.playback.heartbeats);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const nameOf = useEndpointName();
  // Tokens keep a readable size when the diagram is zoomed out.
  const zoom = useStore((s) => s.transform[2]);
  // The portal mounts after React Flow has measured itself: follow the element, not a ref.
  const host = useRef<HTMLDivElement | null>(null);
  const [mounted, setMounted] = useState(false);
  const attach = useCallback((el: HTMLDivElement | null) => {
    host.current = el;
    setMounted(el !== null);
  }, []);

  useEffect(() => {
    const root = host.current;
    if (!mounted || !root || !player) return;
    const routeOf = flightRoutes(layout);
    const trace = player.run.cluster.sim.trace;
    const flow = root.closest('.react-flow');
    const pool: HTMLDivElement[] = [];
    const labels = new Map<number, string>();
    let glowing = new Set<string>();
    let flying = new Set<string>();

    const labelOf = (id: number) => {
      let text = labels.get(id);
      if (text === undefined) {
        if (labels.size > 4_000) labels.clear();
        const { label } = describeMessage(trace.at(id)!, nameOf);
        text = words(label);
        labels.set(id, text);
      }
      return text;
    };
    const token = (i: number) => {
      let el = pool[i];
      if (!el) {
        el = document.createElement('div');
        el.className = 'flight';
        el.append(document.createElement('span'), document.createElement('span'));
        el.firstElementChild!.className = 'flight-dot';
        el.lastElementChild!.className = 'flight-label';
        root.append(el);
        pool.push(el);
      }
      return el;
    };
    const mark = (
      next: Set<string>,
      previous: Set<string>,
      selector: (key: string) => string,
      attr: string,
    ) => {
      for (const key of previous)
        if (!next.has(key)) flow?.querySelector(selector(key))?.removeAttribute(attr);
      for (const key of next)
        if (!previous.has(key)) flow?.querySelector(selector(key))?.setAttribute(attr, '');
    };

    const draw = (p: number) => {
      const all = player.timeline.inFlight(p);
      const flights = all.length > MAX_TOKENS ? all.slice(all.length - MAX_TOKENS) : all;
      const nextGlow = new Set<string>();
      const nextFlying = new Set<string>();
      let labelled = 0;
      let shown = 0;
      // Labels that would sit on top of each other are stacked downwards instead.
      const placed: { x: number; y: number }[] = [];
      const scale = Number(root.style.getPropertyValue('--token-scale') || 1);
      for (let i = flights.length - 1; i >= 0; i--) {
        const f = flights[i]!;
        const from = trace.at(f.id)!.from;
        const to = trace.receiver(f.id);
        const route = routeOf(from, to);
        if (!route) continue;
        // Shown heartbeats are messages like any other; dimmed ones are faint dots.
        const routine = heartbeats === 'dim' && trace.isRoutine(f.id);
        const el = token(shown++);
        const at = pointAlong(route, reducedMotion ? 0.5 : f.progress);
        const withLabel = !routine && labelled < MAX_LABELS;
        let dy = 0;
        if (withLabel) {
          labelled++;
          while (
            placed.some((q) => Math.abs(q.x - at.x) < 130 * scale && Math.abs(q.y - (at.y + dy)) < 19 * scale)
          )
            dy += 20 * scale;
          placed.push({ x: at.x, y: at.y + dy });
        }
        el.style.transform = `translate(${at.x}px, ${at.y}px) scale(var(--token-scale, 1))`;
        (el.lastElementChild as HTMLElement).style.transform = dy ? `translateY(${dy / scale}px)` : '';
        el.style.display = '';
        const key = `${f.id}:${withLabel ? 1 : 0}`;
        if (el.dataset.key !== key) {
          el.dataset.key = key;
          el.className = `flight ${KIND_CLASS[trace.at(f.id)!.kind]}${routine ? ' flight-routine' : ''}`;
          el.lastElementChild!.textContent = withLabel ? labelOf(f.id) : '';
        }
        if (!routine) {
          nextGlow.add(from);
          nextGlow.add(to);
          if (route.edge) nextFlying.add(route.edge);
        }
      }
      for (let i = shown; i < pool.length; i++) pool[i]!.style.display = 'none';
      mark(nextGlow, glowing, (id) => `.react-flow__node[data-id="${id}"]`, 'data-glow');
      mark(nextFlying, flying, (id) => `polyline[data-edge="${id}"]`, 'data-flying');
      glowing = nextGlow;
      flying = nextFlying;
      root.dataset.inFlight = String(all.length);
    };

    draw(player.cursor);
    const off = player.onFrame(draw);
    return () => {
      off();
      mark(new Set(), glowing, (id) => `.react-flow__node[data-id="${id}"]`, 'data-glow');
      mark(new Set(), flying, (id) => `polyline[data-edge="${id}"]`, 'data-flying');
      for (const el of pool) el.remove();
    };
  }, [mounted, player, layout, reducedMotion, words, nameOf, heartbeats]);

  useEffect(() => {
    host.current?.style.setProperty('--token-scale', String(Math.min(2.5, Math.max(1, 1 / zoom))));
  }, [mounted, zoom]);

  return (
    <ViewportPortal>
      <div
        ref={attach}
        className="pointer-events-none absolute left-0 top-0 z-[1000]"
        aria-hidden="true"
        data-flights
      />
    </ViewportPortal>
  );
}
