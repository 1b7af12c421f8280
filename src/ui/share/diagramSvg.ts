/**
 * The diagram as a standalone SVG, for slides and notes: the cluster, its nodes and components,
 * the communication paths and the pods at the cursor, drawn from the same layout the page uses.
 * Plain vector shapes and text (no HTML inside), so it scales, prints and opens anywhere.
 */
import type { PathKind } from '../../engine/topology';
import type { ClusterView, PodTone } from '../../store/clusterView';
import type { DiagramLayout } from '../diagram/layout';

export interface SvgTexts {
  readonly cluster: string;
  readonly controlPlane: string;
  readonly addons: string;
  readonly nodeComponents: string;
  /** The short role under a component's name, by its id. */
  readonly shortOf: (id: string) => string;
  /** A node's role line (`control plane + worker`, `worker`). */
  readonly roleOf: (controlPlane: boolean) => string;
}

const LINE: Record<PathKind, { color: string; dash?: string }> = {
  api: { color: '#326ce5' },
  storage: { color: '#d97706' },
  cri: { color: '#7c3aed' },
  run: { color: '#7c3aed', dash: '2 4' },
  traffic: { color: '#059669', dash: '7 5' },
};

const TONE: Record<PodTone, string> = {
  pending: '#d97706',
  creating: '#2563eb',
  running: '#059669',
  terminating: '#64748b',
  failed: '#dc2626',
  done: '#475569',
};

const PAD = 24;

/** Text made safe for XML: names and statuses come from the cluster (and a learner's manifests). */
export function xml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

export function diagramSvg(layout: DiagramLayout, view: ClusterView, texts: SvgTexts, dark = false): string {
  const { bounds } = layout;
  const x0 = bounds.x - PAD;
  const y0 = bounds.y - PAD;
  const width = Math.ceil(bounds.w + 2 * PAD);
  const height = Math.ceil(bounds.h + 2 * PAD);
  const ink = dark ? '#f1f5f9' : '#0f172a';
  const muted = dark ? '#94a3b8' : '#64748b';
  const paper = dark ? '#020617' : '#f8fafc';
  const card = dark ? '#1e293b' : '#ffffff';
  const border = dark ? '#475569' : '#cbd5e1';
  const out: string[] = [];
  const box = (b: { x: number; y: number; w: number; h: number }, fill: string, stroke: string, extra = '') =>
    out.push(
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="12" fill="${fill}" stroke="${stroke}" ${extra}/>`,
    );
  const label = (
    x: number,
    y: number,
    text: string,
    size: number,
    color: string,
    weight = 400,
    mono = false,
  ) =>
    out.push(
      `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${color}" font-family="${mono ? 'ui-monospace, Menlo, monospace' : 'system-ui, sans-serif'}">${xml(text)}</text>`,
    );

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${x0} ${y0} ${width} ${height}">`,
    `<rect x="${x0}" y="${y0}" width="${width}" height="${height}" fill="${paper}"/>`,
  );
  box(layout.cluster, 'none', '#326ce5', 'stroke-width="2"');
  label(layout.cluster.x + 14, layout.cluster.y + 26, texts.cluster, 15, '#326ce5', 700);
  for (const n of layout.nodes) {
    const live = view.nodes.get(n.node.name);
    const status = !live?.registered
      ? '…'
      : live.ready === 'True'
        ? 'Ready'
        : live.ready === 'Unknown'
          ? 'Unknown'
          : 'NotReady';
    box(
      n.box,
      dark ? '#0f172a' : '#f1f5f9',
      status === 'Ready' || status === '…' ? border : '#dc2626',
      'stroke-width="2"',
    );
    label(n.box.x + 16, n.box.y + 28, n.node.name, 15, ink, 700, true);
    label(
      n.box.x + 16 + n.node.name.length * 9.5 + 12,
      n.box.y + 28,
      texts.roleOf(n.node.controlPlane),
      12,
      muted,
    );
    label(
      n.box.x + n.box.w - 90,
      n.box.y + 28,
      `${status}${live?.unschedulable ? ', SchedulingDisabled' : ''}`,
      12,
      status === 'Ready' ? '#059669' : '#dc2626',
      600,
    );
    box(n.components, 'none', border, 'stroke-dasharray="4 3"');
    label(n.components.x + 10, n.components.y + 18, texts.nodeComponents, 11, muted, 600);
    box(n.pods, 'none', border, 'stroke-dasharray="4 3"');
    const pods = live?.pods ?? [];
    pods.slice(0, 8).forEach((p, i) => {
      const px = n.pods.x + 8 + (i % 2) * (n.pods.w / 2 - 4);
      const py = n.pods.y + 10 + Math.floor(i / 2) * 20;
      out.push(
        `<rect x="${px}" y="${py}" width="${n.pods.w / 2 - 12}" height="16" rx="8" fill="${TONE[p.tone]}" opacity="0.15" stroke="${TONE[p.tone]}"/>`,
      );
      label(px + 8, py + 12, `${p.name} ${p.status}`.slice(0, 28), 10, ink, 500, true);
    });
    if (pods.length > 8) label(n.pods.x + 8, n.pods.y + n.pods.h - 6, `+${pods.length - 8}`, 10, muted);
  }
  box(layout.controlPlane, 'none', border, 'stroke-dasharray="4 3"');
  label(layout.controlPlane.x + 10, layout.controlPlane.y + 18, texts.controlPlane, 11, muted, 600);
  box(layout.addons, 'none', '#f59e0b', 'stroke-dasharray="6 4"');
  label(layout.addons.x + 10, layout.addons.y + 18, texts.addons, 11, '#b45309', 600);
  for (const e of layout.edges) {
    const style = LINE[e.path.kind];
    const points = e.points.map((p) => `${p.x},${p.y}`).join(' ');
    out.push(
      `<polyline points="${points}" fill="none" stroke="${style.color}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`,
    );
  }
  for (const c of layout.cards) {
    box(c.box, card, c.component.kind === 'kube-apiserver' ? '#326ce5' : border);
    label(c.box.x + 14, c.box.y + 24, c.component.name, 14, ink, 700, true);
    label(c.box.x + 14, c.box.y + 42, texts.shortOf(c.component.id), 12, muted);
  }
  out.push('</svg>');
  return out.join('\n');
}
