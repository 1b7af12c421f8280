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
import { flightRoutes, pointAlong, type FlightRoute } from './flightRoutes';
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
  const scaleRef = useRef(1);
  const redraw = useRef(() => {});
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
    const labels = new Map<number, string>();
    let glowing = new Set<string>();
    let flying = new Set<string>();
    // The lines carrying a message light up in an overlay of their own, so the diagram's big SVG is
    // never repainted while messages fly.
    const overlay = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    overlay.setAttribute('class', 'flight-lines');
    root.prepend(overlay);
    const lines = new Map<string, SVGPolylineElement>();
    const pointsOf = new Map(layout.edges.map((e) => [e.id, e.points.map((q) => `${q.x},${q.y}`).join(' ')]));
    const showLines = (next: Set<string>) => {
      // Opacity, not display: showing or hiding a line never needs a layout.
      for (const [id, line] of lines) if (!next.has(id)) line.style.opacity = '0';
      for (const id of next) {
        let line = lines.get(id);
        if (!line) {
          line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
          line.setAttribute('points', pointsOf.get(id) ?? '');
          overlay.append(line);
          lines.set(id, line);
        }
        line.style.opacity = '1';
      }
    };

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
    /** A token element and what was last written to it, so a frame writes only what changed. */
    interface Token {
      readonly el: HTMLDivElement;
      readonly label: HTMLSpanElement;
      key: string;
      transform: string;
      shift: string;
    }
    const free: Token[] = [];
    const all: Token[] = [];
    /** Each message in the air keeps its element for its whole flight: no rewriting as others come and go. */
    let byMessage = new Map<number, Token>();
    const take = (): Token => {
      const reused = free.pop();
      if (reused) {
        reused.el.style.display = '';
        return reused;
      }
      const el = document.createElement('div');
      el.className = 'flight';
      const dot = document.createElement('span');
      dot.className = 'flight-dot';
      const label = document.createElement('span');
      label.className = 'flight-label';
      el.append(dot, label);
      root.append(el);
      const t: Token = { el, label, key: '', transform: '', shift: '' };
      all.push(t);
      return t;
    };
    const cards = new Map<string, Element | null>();
    const card = (id: string) => {
      let el = cards.get(id);
      if (el === undefined || (el && !el.isConnected)) {
        el = flow?.querySelector(`.react-flow__node[data-id="${id}"]`) ?? null;
        cards.set(id, el);
      }
      return el;
    };
    /** What a token needs of its message, worked out once per message rather than once per frame. */
    interface Info {
      readonly from: string;
      readonly to: string;
      readonly route: FlightRoute | null;
      readonly kindClass: string;
      readonly routine: boolean;
    }
    const infos = new Map<number, Info>();
    const infoOf = (id: number): Info => {
      let info = infos.get(id);
      if (!info) {
        if (infos.size > 4_000) infos.clear();
        const m = trace.at(id)!;
        info = {
          from: m.from,
          to: m.to,
          route: routeOf(m.from, m.to),
          kindClass: KIND_CLASS[m.kind],
          routine: m.routine === true,
        };
        infos.set(id, info);
      }
      return info;
    };
    const placed: { x: number; y: number }[] = [];

    const draw = (p: number) => {
      const flights = player.timeline.inFlight(p);
      const first = Math.max(0, flights.length - MAX_TOKENS);
      const nextGlow = new Set<string>();
      const nextFlying = new Set<string>();
      const next = new Map<number, Token>();
      let labelled = 0;
      // Labels that would sit on top of each other are stacked downwards instead.
      placed.length = 0;
      const scale = scaleRef.current;
      for (let i = flights.length - 1; i >= first; i--) {
        const f = flights[i]!;
        const info = infoOf(f.id);
        const { route } = info;
        if (!route) continue;
        // Shown heartbeats are messages like any other; dimmed ones are faint dots.
        const routine = heartbeats === 'dim' && info.routine;
        const token = byMessage.get(f.id) ?? take();
        byMessage.delete(f.id);
        next.set(f.id, token);
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
        const transform = `translate(${at.x.toFixed(1)}px,${at.y.toFixed(1)}px) scale(${scale})`;
        if (token.transform !== transform) token.el.style.transform = token.transform = transform;
        const shift = dy ? `translateY(${(dy / scale).toFixed(1)}px)` : '';
        if (token.shift !== shift) token.label.style.transform = token.shift = shift;
        const key = `${f.id}:${withLabel ? 1 : 0}:${routine ? 1 : 0}`;
        if (token.key !== key) {
          token.key = key;
          token.el.className = `flight ${info.kindClass}${routine ? ' flight-routine' : ''}`;
          token.label.textContent = withLabel ? labelOf(f.id) : '';
          token.label.style.display = withLabel ? '' : 'none';
        }
        if (!routine) {
          nextGlow.add(info.from);
          nextGlow.add(info.to);
          if (route.edge) nextFlying.add(route.edge);
        }
      }
      // Messages that have landed give their elements back.
      for (const token of byMessage.values()) {
        token.el.style.display = 'none';
        token.label.textContent = '';
        token.key = '';
        free.push(token);
      }
      byMessage = next;
      for (const id of glowing) if (!nextGlow.has(id)) card(id)?.removeAttribute('data-glow');
      for (const id of nextGlow) if (!glowing.has(id)) card(id)?.setAttribute('data-glow', '');
      if (nextFlying.size !== flying.size || [...nextFlying].some((id) => !flying.has(id)))
        showLines(nextFlying);
      glowing = nextGlow;
      flying = nextFlying;
      root.dataset.inFlight = String(flights.length);
    };

    draw(player.cursor);
    redraw.current = () => draw(player.cursor);
    const off = player.onFrame(draw);
    return () => {
      off();
      for (const id of glowing) card(id)?.removeAttribute('data-glow');
      for (const t of all) t.el.remove();
      overlay.remove();
    };
  }, [mounted, player, layout, reducedMotion, words, nameOf, heartbeats]);

  useEffect(() => {
    scaleRef.current = Math.round(Math.min(2.5, Math.max(1, 1 / zoom)) * 100) / 100;
    redraw.current(); // at the new size
  }, [zoom]);

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
