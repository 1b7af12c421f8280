/** The `Containers:` section of describe pod and the pod template of describe deployment. */
import type { Container, ContainerState, ContainerStatus, Probe } from '../../engine/api/types';
import { rfc1123z } from './common';
import { mountLines } from './volumes';

/** describeContainerPorts: `8443/TCP (probe-port)`, the port's name after it. */
function ports(c: Container): { port: string; host: string } {
  const list = c.ports ?? [];
  const named = (text: string, name: string | undefined) => (name ? `${text} (${name})` : text);
  return {
    port: list.map((p) => named(`${p.containerPort}/${p.protocol ?? 'TCP'}`, p.name)).join(', ') || '<none>',
    host: list.map((p) => named(`${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`, p.name)).join(', ') || '<none>',
  };
}

/** DescribeProbe: the handler as a URL or command, then its timing. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet;
    const host = h.host ?? '';
    // url.URL's String puts a slash before a path that has none.
    const path = h.path && !h.path.startsWith('/') ? `/${h.path}` : (h.path ?? '');
    return `http-get ${(h.scheme ?? 'HTTP').toLowerCase()}://${host.includes(':') ? `[${host}]` : host}:${h.port}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function state(title: string, s: ContainerState, indent: string): string[] {
  if (s.running)
    return [`${indent}${title}:\tRunning`, `${indent}  Started:\t${rfc1123z(s.running.startedAt)}`];
  if (s.waiting) return [`${indent}${title}:\tWaiting`, `${indent}  Reason:\t${s.waiting.reason}`];
  if (s.terminated)
    return [
      `${indent}${title}:\tTerminated`,
      `${indent}  Reason:\t${s.terminated.reason}`,
      `${indent}  Exit Code:\t${s.terminated.exitCode}`,
      `${indent}  Started:\t${rfc1123z(s.terminated.startedAt)}`,
      `${indent}  Finished:\t${rfc1123z(s.terminated.finishedAt)}`,
    ];
  return [`${indent}${title}:\tWaiting`];
}

/**
 * `Environment:`: each variable's value (a multi-line one continued on its own lines), or, read from
 * the pod's fields, `NAME:  (v1:spec.nodeName)`; `<none>` without any.
 */
function envLines(c: Container, indent: string): string[] {
  if (!c.env?.length) return [`${indent}Environment:\t<none>`];
  const lines = [`${indent}Environment:`];
  for (const e of c.env) {
    const ref = e.valueFrom?.fieldRef;
    if (ref) lines.push(`${indent}  ${e.name}:\t (${ref.apiVersion ?? 'v1'}:${ref.fieldPath})`);
    else if (e.valueFrom) lines.push(`${indent}  ${e.name}:\t<set to the key>`);
    else
      (e.value ?? '')
        .split('\n')
        .forEach((v, i) => lines.push(i === 0 ? `${indent}  ${e.name}:\t${v}` : `${indent}  \t${v}`));
  }
  return lines;
}

/** One container; `status` only for a pod. */
export function container(
  c: Container,
  status: ContainerStatus | undefined,
  indent: string,
  nameIndent: string,
  withStatus: boolean,
): string[] {
  const p = ports(c);
  const lines = [`${nameIndent}${c.name}:`];
  if (withStatus && status?.containerID) lines.push(`${indent}Container ID:\t${status.containerID}`);
  lines.push(`${indent}Image:\t${c.image}`);
  if (withStatus && status) lines.push(`${indent}Image ID:\t${status.imageID}`);
  lines.push(
    p.port.includes(',') ? `${indent}Ports:\t${p.port}` : `${indent}Port:\t${p.port}`,
    p.host.includes(',') ? `${indent}Host Ports:\t${p.host}` : `${indent}Host Port:\t${p.host}`,
  );
  // describeContainerCommand: each line of each argument on a line of its own.
  if (c.command?.length)
    lines.push(`${indent}Command:`, ...c.command.flatMap((x) => x.split('\n')).map((x) => `${indent}  ${x}`));
  if (c.args?.length)
    lines.push(`${indent}Args:`, ...c.args.flatMap((x) => x.split('\n')).map((x) => `${indent}  ${x}`));
  if (withStatus && status) {
    lines.push(...state('State', status.state, indent));
    if (status.lastState?.terminated) lines.push(...state('Last State', status.lastState, indent));
    lines.push(
      `${indent}Ready:\t${status.ready ? 'True' : 'False'}`,
      `${indent}Restart Count:\t${status.restartCount}`,
    );
  }
  // A pod with no container statuses yet (not scheduled, or not yet synced by its kubelet) shows
  // no State, Ready or Restart Count at all (describeContainerState runs only for a status).
  for (const [title, list] of [
    ['Limits', c.resources?.limits],
    ['Requests', c.resources?.requests],
  ] as const) {
    const entries = Object.entries(list ?? {}).filter(([, v]) => v !== undefined);
    if (entries.length)
      lines.push(`${indent}${title}:`, ...entries.sort().map(([k, v]) => `${indent}  ${k}:\t${v}`));
  }
  if (c.livenessProbe) lines.push(`${indent}Liveness:\t${describeProbe(c.livenessProbe)}`);
  if (c.readinessProbe) lines.push(`${indent}Readiness:\t${describeProbe(c.readinessProbe)}`);
  if (c.startupProbe) lines.push(`${indent}Startup:\t${describeProbe(c.startupProbe)}`);
  lines.push(...envLines(c, indent), ...mountLines(c, indent));
  return lines;
}
