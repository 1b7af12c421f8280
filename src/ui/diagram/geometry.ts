/** Plain geometry for the diagram: boxes, points and where a line between two boxes meets their borders. */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Segment {
  readonly from: Point;
  readonly to: Point;
}

export const center = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether `inner` lies entirely within `outer`. */
export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

/** The smallest box around all the given boxes. */
export function union(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x, y, w: right - x, h: bottom - y };
}

/** Where the ray from the box's center towards `toward` leaves the box. */
export function borderPoint(box: Box, toward: Point): Point {
  const c = center(box);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : box.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/** The straight segment between two boxes' centers, from border to border. */
export function connect(from: Box, to: Box): Segment {
  return { from: borderPoint(from, center(to)), to: borderPoint(to, center(from)) };
}

/**
 * A segment from `box` to a wide `bar`: straight up or down when the box sits within the bar's
 * width (so lines from stacked boxes share one vertical), otherwise to the bar's nearer end.
 */
export function connectToBar(box: Box, bar: Box): Segment {
  const c = center(box);
  if (c.x >= bar.x && c.x <= bar.x + bar.w) {
    const above = c.y < bar.y;
    return {
      from: { x: c.x, y: above ? box.y + box.h : box.y },
      to: { x: c.x, y: above ? bar.y : bar.y + bar.h },
    };
  }
  const end: Point = { x: c.x < bar.x ? bar.x : bar.x + bar.w, y: bar.y + bar.h / 2 };
  return { from: borderPoint(box, end), to: end };
}

/** The same segment, travelled the other way. */
export const reverse = (s: Segment): Segment => ({ from: s.to, to: s.from });

/** Whether the segment a–b passes through the inside of `box` (touching its border does not count). */
export function segmentCrossesBox(a: Point, b: Point, box: Box, inset = 1): boolean {
  const x0 = box.x + inset;
  const y0 = box.y + inset;
  const x1 = box.x + box.w - inset;
  const y1 = box.y + box.h - inset;
  // Liang–Barsky clipping of the segment against the shrunken box.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - x0],
    [dx, x1 - a.x],
    [-dy, a.y - y0],
    [dy, y1 - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return t1 - t0 > 1e-9;
}
