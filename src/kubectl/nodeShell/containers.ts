/** The containers a node's runtime holds at a moment, derived from the pods bound to it: one sandbox (pause) per pod, then its containers. */
import type { ContainerState, Pod } from '../../engine/api/types';
import type { ClusterReader } from '../types';

export interface RuntimeContainer {
  /** 64 hex characters. */
  readonly id: string;
  readonly image: string;
  /** The image's ID (sha256 hex), as docker shows for images kubelet pulled by reference. */
  readonly imageId: string;
  readonly command: string;
  readonly createdMs: number;
  readonly running: boolean;
  readonly name: string;
  readonly pause: boolean;
  readonly pod: Pod;
  readonly podSandboxId: string;
  readonly attempt: number;
  /** For an exited container: its exit code and when it ended. */
  readonly exitCode?: number;
  readonly finishedMs?: number;
}

/** A stable hex string from text (FNV-1a, repeated), for IDs the engine does not keep. */
export function hexOf(text: string, length: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    for (const ch of `${round}:${text}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10.1';

import { STATIC_POD_SPECS } from '../../engine/staticPodSpecs';

/** Images with no entrypoint, only a default command (CMD). */
const IMAGE_CMD: Record<string, string> = {
  busybox: 'sh',
  alpine: '/bin/sh',
  ubuntu: '/bin/bash',
  debian: 'bash',
  python: 'python3',
  node: 'node',
};

/** The command a container runs: the control plane's with their real flags, known images' entrypoints. */
export function containerCommand(pod: Pod, name: string, image: string): string {
  const c = pod.spec.containers.find((x) => x.name === name);
  // The process sees `$(VAR)` expanded from the container's env (a fieldRef read from the pod).
  const expand = (arg: string) =>
    arg.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, v: string) => {
      const e = c?.env?.find((x) => x.name === v);
      if (!e) return whole;
      if (e.valueFrom?.fieldRef?.fieldPath === 'spec.nodeName') return pod.spec.nodeName ?? '';
      return e.value ?? whole;
    });
  if (c?.command?.length) return [...c.command, ...(c.args ?? [])].map(expand).join(' ');
  const base = image.split('@')[0]!.split('/').pop()!.split(':')[0]!;
  switch (base) {
    // The control plane's own, as its manifests give them (the mirror pod may be missing).
    case 'kube-apiserver':
    case 'etcd':
    case 'kube-scheduler':
    case 'kube-controller-manager':
      return STATIC_POD_SPECS[base]!.container.command!.join(' ');
    case 'kube-proxy':
      return `/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=${pod.spec.nodeName}`;
    case 'coredns':
      return '/coredns -conf /etc/coredns/Corefile';
    case 'storage-provisioner':
      return '/storage-provisioner';
    case 'kindnetd':
      return '/bin/kindnetd';
    case 'nginx':
      return '/docker-entrypoint.sh nginx -g daemon off;';
    default: {
      // Images with only a CMD (shells, interpreters): args replace it. Others have an entrypoint the args follow.
      const cmd = IMAGE_CMD[base];
      if (cmd) return (c?.args?.length ? c.args : [cmd]).map(expand).join(' ');
      return [`/${base}`, ...(c?.args ?? [])].map(expand).join(' ');
    }
  }
}

/** Every container on `node`, newest first (as `docker ps` and `crictl ps` list them). */
export function nodeContainers(reader: ClusterReader, node: string): RuntimeContainer[] {
  const out: RuntimeContainer[] = [];
  // Static pods whose process has stopped (where the reader knows; else whose manifest was moved
  // out): kubelet removed their containers. A mirror pod may linger while kube-apiserver or etcd,
  // the stopped one, cannot delete it.
  const stopped = reader.processesDown ?? reader.manifestPlaces?.keys() ?? [];
  const gone = new Set([...stopped].map((c) => `${c}-${node}`));
  for (const pod of reader.list('Pod')) {
    if (pod.spec.nodeName !== node) continue;
    if (gone.has(pod.metadata.name) && pod.metadata.annotations?.['kubernetes.io/config.mirror']) continue;
    const statuses = pod.status.containerStatuses ?? [];
    const created = pod.status.startTime
      ? Date.parse(pod.status.startTime)
      : Date.parse(pod.metadata.creationTimestamp);
    const uid = pod.metadata.uid;
    const sandbox = hexOf(`sandbox:${uid}`, 64);
    const starts = statuses
      .map((s) => s.state.running?.startedAt ?? s.state.terminated?.startedAt)
      .filter((t): t is string => !!t)
      .map((t) => Date.parse(t));
    const sandboxCreated = Math.min(created, ...starts);
    if (!pod.spec.hostNetwork || statuses.length) {
      out.push({
        id: sandbox,
        image: PAUSE_IMAGE,
        imageId: hexOf('pause', 64),
        command: '/pause',
        createdMs: sandboxCreated,
        running: pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed',
        name: 'POD',
        pause: true,
        pod,
        podSandboxId: sandbox,
        attempt: 0,
      });
    }
    /** A container of the pod, by its runtime ID; `ended`: how it exited, if it has. */
    const container = (
      s: (typeof statuses)[number],
      containerID: string,
      since: string | undefined,
      attempt: number,
      ended: ContainerState['terminated'],
    ): RuntimeContainer => ({
      id: containerID.slice(containerID.indexOf('://') + 3).padEnd(64, '0'),
      image: s.image,
      imageId: hexOf(`image:${s.image}`, 64),
      command: containerCommand(pod, s.name, s.image),
      createdMs: since ? Date.parse(since) : created,
      running: !ended && !!s.state.running,
      name: s.name,
      pause: false,
      pod,
      podSandboxId: sandbox,
      attempt,
      ...(ended ? { exitCode: ended.exitCode } : {}),
      ...(ended?.finishedAt ? { finishedMs: Date.parse(ended.finishedAt) } : {}),
    });
    for (const s of statuses) {
      if (!s.containerID) continue;
      // Waiting out a back-off, the container named is the one that died last.
      const ended =
        s.state.terminated ??
        (s.lastState?.terminated?.containerID === s.containerID ? s.lastState.terminated : undefined);
      out.push(
        container(s, s.containerID, s.state.running?.startedAt ?? ended?.startedAt, s.restartCount, ended),
      );
      // kubelet keeps the last dead container of each (maximum-dead-containers-per-container=1).
      const dead = s.lastState?.terminated;
      if (dead?.containerID && dead.containerID !== s.containerID)
        out.push(container(s, dead.containerID, dead.startedAt, Math.max(0, s.restartCount - 1), dead));
    }
  }
  // Newest first; within one second, by pod, and a pod's sandbox is older than its containers.
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return out.sort(
    (a, b) =>
      b.createdMs - a.createdMs ||
      order(a.podSandboxId, b.podSandboxId) ||
      Number(a.pause) - Number(b.pause) ||
      order(a.id, b.id),
  );
}
