/** The scheduler's view of one node: its object plus what the pods on it (bound or assumed) already use. */
import { nonZeroRequests, podRequests } from '../api/pods';
import type { Node, Pod, Taint } from '../api/types';
import { bytes, milliCpu } from '../core/quantity';
import { normalizedImageName } from './plugins/imageLocality';

export class NodeInfo {
  node: Node;
  allocCpu = 0;
  allocMem = 0;
  allocPods = 0;
  reqCpu = 0;
  reqMem = 0;
  nonZeroCpu = 0;
  nonZeroMem = 0;
  /** Copies of the node's hot fields, so a cycle over thousands of nodes reads one object each. */
  unschedulable = false;
  taints: readonly Taint[] | null = null;
  podCount = 0;
  readonly pods = new Map<string, Pod>();
  /** Host ports in use, as "protocol/port". */
  readonly usedPorts = new Map<string, number>();
  /** Images on the node and their sizes. */
  readonly images = new Map<string, number>();

  constructor(node: Node) {
    this.node = node;
    this.setNode(node);
  }

  get name(): string {
    return this.node.metadata.name;
  }

  setNode(node: Node): void {
    this.node = node;
    this.unschedulable = node.spec.unschedulable === true;
    this.taints = node.spec.taints?.length ? node.spec.taints : null;
    const a = node.status.allocatable;
    this.allocCpu = a.cpu ? milliCpu(a.cpu) : 0;
    this.allocMem = a.memory ? bytes(a.memory) : 0;
    this.allocPods = a.pods ? Number(a.pods) : 110;
    this.images.clear();
    for (const image of node.status.images ?? [])
      for (const name of image.names) this.images.set(normalizedImageName(name), image.sizeBytes);
  }

  addPod(pod: Pod): void {
    if (this.pods.has(pod.metadata.uid)) return;
    this.pods.set(pod.metadata.uid, pod);
    this.podCount = this.pods.size;
    this.account(pod, 1);
  }

  removePod(pod: Pod): void {
    const known = this.pods.get(pod.metadata.uid);
    if (!known) return;
    this.pods.delete(pod.metadata.uid);
    this.podCount = this.pods.size;
    this.account(known, -1);
  }

  private account(pod: Pod, sign: 1 | -1): void {
    const r = podRequests(pod);
    const nz = nonZeroRequests(pod);
    this.reqCpu += sign * r.milliCpu;
    this.reqMem += sign * r.memory;
    this.nonZeroCpu += sign * nz.milliCpu;
    this.nonZeroMem += sign * nz.memory;
    for (const c of pod.spec.containers) {
      for (const p of c.ports ?? []) {
        if (!p.hostPort) continue;
        const key = `${p.protocol ?? 'TCP'}/${p.hostPort}`;
        const n = (this.usedPorts.get(key) ?? 0) + sign;
        if (n > 0) this.usedPorts.set(key, n);
        else this.usedPorts.delete(key);
      }
    }
  }
}
