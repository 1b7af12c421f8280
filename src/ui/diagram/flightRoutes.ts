/**
 * The line a message flies along: the drawn edge between its sender and receiver (walked backwards
 * when the edge points the other way), measured once so a token's position is a lookup per frame.
 */
import { center, type Point } from './geometry';
import type { DiagramLayout } from './layout';

export interface FlightRoute {
  readonly points: readonly Point[];
  /** Distance from the start to each point. */
  readonly at: readonly number[];
  readonly length: number;
  /** The drawn edge it follows (for highlighting), if any. */
  readonly edge: string | null;
}

function measure(points: readonly Point[], edge: string | null): FlightRoute {
  const at = [0];
  for (let i = 1; i < points.length; i++)
    at.push(at[i - 1]! + Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y));
  return { points, at, length: at[at.length - 1]!, edge };
}

/** Routes for every sender → receiver pair the layout draws, both ways. */
export function flightRoutes(layout: DiagramLayout): (from: string, to: string) => FlightRoute | null {
  const routes = new Map<string, FlightRoute>();
  for (const e of layout.edges) {
    routes.set(`${e.path.from}|${e.path.to}`, measure(e.points, e.id));
    const back = `${e.path.to}|${e.path.from}`;
    if (!routes.has(back)) routes.set(back, measure([...e.points].reverse(), e.id));
  }
  const boxes = new Map<string, (typeof layout.cards)[number]['box']>(
    layout.cards.map((c) => [c.component.id, c.box]),
  );
  for (const n of layout.nodes) boxes.set(`pods/${n.node.name}`, n.pods);
  return (from, to) => {
    const key = `${from}|${to}`;
    let route = routes.get(key);
    if (!route) {
      // Not drawn as an edge: straight from centre to centre.
      const a = boxes.get(from);
      const b = boxes.get(to);
      if (!a || !b) return null;
      route = measure([center(a), center(b)], null);
      routes.set(key, route);
    }
    return route;
  };
}

/** The point a fraction `t` (0–1) of the way along a route. */
export function pointAlong(route: FlightRoute, t: number): Point {
  const d = Math.min(Math.max(t, 0), 1) * route.length;
  const { at, points } = route;
  let i = 1;
  while (i < at.length - 1 && at[i]! < d) i++;
  const a = points[i - 1]!;
  const b = points[i]!;
  const span = at[i]! - at[i - 1]!;
  const f = span === 0 ? 0 : (d - at[i - 1]!) / span;
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
}
