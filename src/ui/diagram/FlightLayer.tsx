/**
 * Messages in flight, painted on one canvas over the diagram. Every animation frame the player says
 * where the cursor is; this layer clears the canvas and paints each message as a dot on its line
 * (the newest with a label), and the lines carrying them. Nothing in the page's DOM changes while
 * messages fly, so the browser never has to restyle, lay out or repaint the diagram for them; only
 * the sender and receiver cards' glow is set, when it changes. With reduced motion a message sits
 * still at the middle of its line instead of flying. A message whose receiver is stopped (a Lease
 * renewal to a stopped kube-apiserver) is red with a cross and halts short of the receiver: it is
 * never delivered.
 */
import { useEffect, useRef } from 'react';
import { useStore } from '@xyflow/react';
import type { MessageKind } from '../../engine/trace';
import { useAppStore } from '../storeContext';
import { useMediaQuery } from '../useMediaQuery';
import { describeMessage } from '../timeline/messageText';
import { useEndpointName } from '../timeline/useEndpointName';
import { useWords } from '../timeline/useWords';
import { flightRoutes, pointAlong, type FlightRoute } from './flightRoutes';
import type { DiagramLayout } from './layout';

/** At most this many messages are drawn; the newest win. */
const MAX_TOKENS = 32;
/** At most this many carry a label; the rest are dots, so several in flight stay readable. */
const MAX_LABELS = 6;

const TONES: Record<MessageKind, string> = {
  request: '#326ce5',
  watch: '#326ce5',
  list: '#326ce5',
  error: '#dc2626',
  etcd: '#b45309',
  cri: '#7c3aed',
  'cri-reply': '#7c3aed',
  run: '#7c3aed',
  traffic: '#047857',
  probe: '#0e7490',
};

/** An undelivered message: red, whatever its kind. */
const LOST_TONE = '#dc2626';
/** How far along its line an undelivered message gets before it halts. */
const LOST_HALT = 0.82;

const LABEL_FONT = '600 12px ui-sans-serif, system-ui, sans-serif';

/** How big the labels are drawn at diagram zoom `k`: full size from 0.6, 10/12 of it at 0.4 and below. */
export function labelScale(k: number): number {
  return Math.min(1, Math.max(10 / 12, 10 / 12 + ((k - 0.4) / 0.2) * (2 / 12)));
}

/** What drawing a message needs, worked out once per message rather than once per frame. */
interface Info {
  readonly from: string;
  readonly to: string;
  readonly route: FlightRoute | null;
  readonly tone: string;
  readonly routine: boolean;
}

export function FlightLayer({ layout }: { layout: DiagramLayout }) {
  const words = useWords();
  const player = useAppStore((s) => s.player);
  const heartbeats = useAppStore((s) => s.playback.heartbeats);
  // In a workflow step, messages to or from the components it is about stand out; others fade.
  const focus = useAppStore((s) => s.guide?.focus);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const nameOf = useEndpointName();
  const canvas = useRef<HTMLCanvasElement>(null);
  // The diagram's pan and zoom: flow coordinates → canvas pixels. Changes only when the view moves.
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const view = useRef({ tx, ty, zoom });
  const redraw = useRef(() => {});

  useEffect(() => {
    view.current = { tx, ty, zoom };
    redraw.current();
  }, [tx, ty, zoom]);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !player) return;
    const routeOf = flightRoutes(layout);
    const trace = player.run.cluster.sim.trace;
    const flow = el.closest('.react-flow');
    const labels = new Map<number, { text: string; width: number }>();
    const infos = new Map<number, Info>();
    const cards = new Map<string, Element | null>();
    const linePoints = new Map(layout.edges.map((e) => [e.id, e.points]));
    let glowing = new Set<string>();
    let width = 0;
    let height = 0;
    let ratio = 1;

    const resize = () => {
      ratio = window.devicePixelRatio || 1;
      width = el.clientWidth;
      height = el.clientHeight;
      el.width = Math.round(width * ratio);
      el.height = Math.round(height * ratio);
      draw(player.cursor);
    };
    const observer = new ResizeObserver(resize);

    const infoOf = (id: number): Info => {
      let info = infos.get(id);
      if (!info) {
        if (infos.size > 4_000) infos.clear();
        const m = trace.at(id)!;
        info = {
          from: m.from,
          to: m.to,
          route: routeOf(m.from, m.to),
          tone: TONES[m.kind],
          routine: m.routine === true,
        };
        infos.set(id, info);
      }
      return info;
    };
    const sim = player.run.cluster.sim;
    const labelOf = (id: number, lost: boolean) => {
      const key = lost ? -1 - id : id;
      let label = labels.get(key);
      if (!label) {
        if (labels.size > 4_000) labels.clear();
        const plain = words(describeMessage(trace.at(id)!, nameOf).label);
        const text = lost ? words({ key: 'messages.label.undelivered', values: { label: plain } }) : plain;
        ctx.font = LABEL_FONT;
        label = { text, width: ctx.measureText(text).width };
        labels.set(key, label);
      }
      return label;
    };
    const card = (id: string) => {
      let found = cards.get(id);
      if (found === undefined || (found && !found.isConnected)) {
        found = flow?.querySelector(`.react-flow__node[data-id="${id}"]`) ?? null;
        cards.set(id, found);
      }
      return found;
    };

    const placed: { x: number; y: number }[] = [];
    let lastLabels = '';
    /** Whether an endpoint (a component, or a node's pods) is one the step points at. */
    const focused =
      focus && focus.size > 0
        ? (endpoint: string) =>
            // A node in focus brings everything on it: its kubelet, runtime, kube-proxy and pods.
            focus.has(endpoint) || focus.has(endpoint.split('/')[1] ?? '')
        : null;

    const draw = (p: number) => {
      const { tx: ox, ty: oy, zoom: k } = view.current;
      const dark = document.documentElement.classList.contains('dark');
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      const flights = player.timeline.inFlight(p);
      const first = Math.max(0, flights.length - MAX_TOKENS);
      const nextGlow = new Set<string>();
      const lines = new Set<string>();
      const dots: {
        x: number;
        y: number;
        tone: string;
        routine: boolean;
        id: number;
        label: boolean;
        lost: boolean;
      }[] = [];
      let labelled = 0;
      let lostCount = 0;
      // A small diagram (a phone, ten nodes zoomed out) has room for fewer labels.
      const maxLabels = k < 0.45 ? 2 : k < 0.7 ? 4 : MAX_LABELS;
      for (let i = flights.length - 1; i >= first; i--) {
        const f = flights[i]!;
        const info = infoOf(f.id);
        if (!info.route) continue;
        // Shown heartbeats are messages like any other; dimmed ones are faint dots, and so are
        // messages a workflow step is not about.
        const aside = focused !== null && !focused(info.from) && !focused(info.to);
        // A message that is lost is worth seeing even when it is routine traffic.
        const lost = sim.undelivered(f.id);
        if (lost) lostCount++;
        const routine = (heartbeats === 'dim' && info.routine && !lost) || aside;
        const progress = reducedMotion ? 0.5 : f.progress;
        const at = pointAlong(info.route, lost ? Math.min(progress, LOST_HALT) : progress);
        const label = !routine && labelled < maxLabels;
        if (label) labelled++;
        const tone = lost ? LOST_TONE : info.tone;
        dots.push({ x: at.x * k + ox, y: at.y * k + oy, tone, routine, id: f.id, label, lost });
        if (!routine) {
          nextGlow.add(info.from);
          // A stopped receiver hears nothing: it does not light up.
          if (!lost) nextGlow.add(info.to);
          if (info.route.edge) lines.add(info.route.edge);
        }
      }

      // The lines carrying a message, under the dots.
      ctx.lineWidth = 3;
      ctx.lineJoin = 'round';
      ctx.strokeStyle = 'rgba(50, 108, 229, 0.75)';
      ctx.beginPath();
      for (const id of lines) {
        const pts = linePoints.get(id);
        if (!pts?.length) continue;
        ctx.moveTo(pts[0]!.x * k + ox, pts[0]!.y * k + oy);
        for (let j = 1; j < pts.length; j++) ctx.lineTo(pts[j]!.x * k + ox, pts[j]!.y * k + oy);
      }
      ctx.stroke();

      // Dots, oldest first so the newest lie on top.
      for (let j = dots.length - 1; j >= 0; j--) {
        const d = dots[j]!;
        const r = d.routine ? 4 : 6;
        ctx.globalAlpha = d.routine ? 0.4 : 1;
        ctx.beginPath();
        ctx.arc(d.x, d.y, r + (d.routine ? 0 : 3), 0, Math.PI * 2);
        ctx.fillStyle = dark ? 'rgba(15, 23, 42, 0.9)' : 'rgba(255, 255, 255, 0.9)';
        if (!d.routine) ctx.fill();
        ctx.beginPath();
        ctx.arc(d.x, d.y, r, 0, Math.PI * 2);
        ctx.fillStyle = d.tone;
        ctx.fill();
        if (d.lost) {
          // A white cross on the red dot.
          const c = r * 0.55;
          ctx.strokeStyle = '#ffffff';
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.moveTo(d.x - c, d.y - c);
          ctx.lineTo(d.x + c, d.y + c);
          ctx.moveTo(d.x + c, d.y - c);
          ctx.lineTo(d.x - c, d.y + c);
          ctx.stroke();
        }
      }
      ctx.globalAlpha = 1;

      // Labels beside the newest dots; ones that would overlap are stacked downwards.
      placed.length = 0;
      ctx.font = LABEL_FONT;
      ctx.textBaseline = 'middle';
      const texts: string[] = [];
      // Zoomed far out (a phone, ten nodes) the cards' names are small, and full-size labels
      // would hide them: the labels shrink too, down to 10-px text.
      const s = labelScale(k);
      for (const d of dots) {
        if (!d.label) continue;
        const { text, width: w } = labelOf(d.id, d.lost);
        let y = d.y;
        while (placed.some((q) => Math.abs(q.x - d.x) < 130 * s && Math.abs(q.y - y) < 19 * s)) y += 20 * s;
        placed.push({ x: d.x, y });
        // Right of the dot, or left of it where the right edge would cut the label.
        const span = (w + 12) * s;
        const left = d.x + 10 + span > width && d.x - 10 - span >= 0 ? d.x - 10 - span : d.x + 10;
        ctx.setTransform(ratio * s, 0, 0, ratio * s, ratio * left, ratio * y);
        ctx.fillStyle = d.tone;
        ctx.beginPath();
        ctx.roundRect(0, -9, w + 12, 18, 6);
        ctx.fill();
        ctx.fillStyle = '#ffffff';
        ctx.fillText(text, 6, 0.5);
        texts.push(text);
      }
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);

      for (const id of glowing) if (!nextGlow.has(id)) card(id)?.removeAttribute('data-glow');
      for (const id of nextGlow) if (!glowing.has(id)) card(id)?.setAttribute('data-glow', '');
      glowing = nextGlow;
      // For tests and tools: what is in the air, written only when it changes.
      const summary = `${flights.length}|${lostCount}|${texts.join('|')}`;
      if (summary !== lastLabels) {
        lastLabels = summary;
        el.dataset.inFlight = String(flights.length);
        el.dataset.labels = texts.join('|');
        el.dataset.routine = String(dots.filter((d) => d.routine).length);
        el.dataset.undelivered = String(lostCount);
      }
    };

    observer.observe(el);
    resize();
    redraw.current = () => draw(player.cursor);
    const off = player.onFrame(draw);
    return () => {
      off();
      observer.disconnect();
      redraw.current = () => {};
      for (const id of glowing) card(id)?.removeAttribute('data-glow');
    };
  }, [player, layout, reducedMotion, words, nameOf, heartbeats, focus]);

  return (
    <canvas
      ref={canvas}
      className="pointer-events-none absolute inset-0 z-[4] h-full w-full"
      aria-hidden="true"
      data-flights
    />
  );
}
