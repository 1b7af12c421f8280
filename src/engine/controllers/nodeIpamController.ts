/**
 * node-ipam-controller with the range allocator (kube-controller-manager runs with
 * `--allocate-node-cidrs=true --cluster-cidr=10.244.0.0/16`): each Node that registers without a pod
 * range gets the next free /24 of the cluster CIDR, PATCHed into `spec.podCIDR` and `spec.podCIDRs`
 * through kube-apiserver. kubelet sees the range on its Node and hands it to the runtime's network.
 */
import type { Node } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import { EventRecorder } from '../client/eventRecorder';
import type { Informer } from '../client/informer';
import type { Sim } from '../sim';
import { Controller, KCM } from './controller';

/** minikube's pod network (kubeadm `podSubnet`, passed on as `--cluster-cidr`). */
export const CLUSTER_CIDR = '10.244.0.0/16';
/** `--node-cidr-mask-size` for IPv4: one /24 (254 pod IPs) per node. */
const NODE_MASK = 24;

const toInt = (ip: string) => ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
const toIp = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

/** The cluster CIDR cut into /24s, as cidrset.CidrSet does: ranges by index, the next searched round-robin. */
export class CidrSet {
  private readonly base: number;
  readonly size: number;
  private readonly used = new Set<number>();
  /** Where the next search starts: just after the last range given, so a released range is not reused at once. */
  private nextCandidate = 0;

  constructor(clusterCidr: string) {
    const [ip = '', prefix = ''] = clusterCidr.split('/');
    this.base = toInt(ip);
    this.size = 2 ** (NODE_MASK - Number(prefix));
  }

  cidrAt(index: number): string {
    return `${toIp(this.base + index * 2 ** (32 - NODE_MASK))}/${NODE_MASK}`;
  }

  indexOf(cidr: string): number | undefined {
    const index = (toInt(cidr.split('/')[0] ?? '') - this.base) / 2 ** (32 - NODE_MASK);
    return Number.isInteger(index) && index >= 0 && index < this.size ? index : undefined;
  }

  /** AllocateNext: the first free range from `nextCandidate` on, wrapping; undefined when all are used. */
  allocateNext(): number | undefined {
    for (let i = 0; i < this.size; i++) {
      const candidate = (this.nextCandidate + i) % this.size;
      if (this.used.has(candidate)) continue;
      this.nextCandidate = (candidate + 1) % this.size;
      this.used.add(candidate);
      return candidate;
    }
    return undefined;
  }

  occupy(index: number): void {
    this.used.add(index);
  }

  release(index: number): void {
    this.used.delete(index);
  }

  reset(): void {
    this.used.clear();
    this.nextCandidate = 0;
  }
}

export class NodeIpamController extends Controller {
  readonly name = 'node-ipam-controller';
  readonly serviceAccount = 'node-controller';
  private readonly cidrs: CidrSet;
  /** Ranges reserved for nodes whose PATCH is still to be sent or answered (upstream's nodesInProcessing). */
  private readonly reserved = new Map<string, number>();
  private readonly cidrEvents: EventRecorder;

  constructor(
    sim: Sim,
    api: ApiServer,
    private readonly nodes: Informer<'Node'>,
    clusterCidr = CLUSTER_CIDR,
  ) {
    super(sim, api);
    this.cidrs = new CidrSet(clusterCidr);
    this.cidrEvents = new EventRecorder(sim, api, KCM, { component: 'cidrAllocator' }, this.options);
    nodes.addHandlers({
      onAdd: (n) => this.allocateOrOccupy(n),
      onUpdate: (n) => {
        if (!n.spec.podCIDRs?.length || this.reserved.has(n.metadata.name)) this.allocateOrOccupy(n);
      },
      onDelete: (n) => this.release(n),
    });
  }

  /** The Node informer is kube-controller-manager's shared one (node-lifecycle starts it). */
  start(): void {}

  override stop(): void {
    super.stop();
    // A restarted process rebuilds its map from the Nodes it lists.
    this.cidrs.reset();
    this.reserved.clear();
  }

  private allocateOrOccupy(node: Node): void {
    const name = node.metadata.name;
    if (node.spec.podCIDRs?.length) {
      // Its range seen on the Node: the reservation (if it was ours) is done.
      this.reserved.delete(name);
      for (const cidr of node.spec.podCIDRs) {
        const index = this.cidrs.indexOf(cidr);
        if (index !== undefined) this.cidrs.occupy(index);
      }
      return;
    }
    if (this.reserved.has(name)) return;
    const index = this.cidrs.allocateNext();
    if (index === undefined) {
      this.cidrEvents.record(
        node,
        'Normal',
        'CIDRNotAvailable',
        `Node ${name} status is now: CIDRNotAvailable`,
      );
      return;
    }
    this.reserved.set(name, index);
    this.enqueue(name);
  }

  private release(node: Node): void {
    const reserved = this.reserved.get(node.metadata.name);
    if (reserved !== undefined) this.cidrs.release(reserved);
    this.reserved.delete(node.metadata.name);
    for (const cidr of node.spec.podCIDRs ?? []) {
      const index = this.cidrs.indexOf(cidr);
      if (index !== undefined) this.cidrs.release(index);
    }
  }

  /** updateCIDRsAllocation: PATCH the reserved range into the Node, unless it has one by now. */
  protected reconcile(name: string): void {
    const index = this.reserved.get(name);
    const node = this.nodes.get(undefined, name);
    if (index === undefined || !node) return;
    const cidr = this.cidrs.cidrAt(index);
    const epoch = this.epoch;
    this.api.request(
      KCM,
      {
        verb: 'patch',
        kind: 'Node',
        name,
        // Only what changes: {"spec":{"podCIDR":…,"podCIDRs":[…]}}.
        object: { metadata: { name }, spec: { podCIDR: cidr, podCIDRs: [cidr] } } as unknown as Node,
      },
      // The reservation ends when the informer shows the range on the Node.
      (r) => epoch === this.epoch && !r.ok && this.retry(name, 1_000),
      this.options,
    );
    this.note({
      key: name,
      desired: 'a pod range for every Node',
      actual: 'no spec.podCIDR',
      diff: `${cidr} is free`,
      action: `PATCH Node spec.podCIDR=${cidr}`,
    });
  }
}
