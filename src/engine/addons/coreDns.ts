/** CoreDNS (an addon): watches Services and answers `<service>.<namespace>.svc.cluster.local` with its ClusterIP. */
import type { ApiServer } from '../apiserver/apiServer';
import { Informer } from '../client/informer';
import type { Sim } from '../sim';
import { componentId } from '../topology';

export const COREDNS = componentId('coredns');
export const CLUSTER_DOMAIN = 'cluster.local';

export type DnsAnswer =
  | { readonly ok: true; readonly ip: string }
  | { readonly ok: false; readonly rcode: 'NXDOMAIN' | 'SERVFAIL' | 'TIMEOUT' };

export class CoreDns {
  readonly services: Informer<'Service'>;

  constructor(
    private readonly sim: Sim,
    api: ApiServer,
  ) {
    this.services = new Informer(api, COREDNS, 'Service');
  }

  get up(): boolean {
    return this.sim.isUp(COREDNS);
  }

  start(): void {
    this.sim.setUp(COREDNS, true);
    this.services.start();
  }

  stop(): void {
    this.sim.setUp(COREDNS, false);
    this.services.halt();
  }

  /** Resolves a name as a pod's resolver would ask (search domains expand short names in `namespace`). */
  resolve(name: string, namespace = 'default'): DnsAnswer {
    const fq = name.endsWith('.') ? name.slice(0, -1) : name;
    const parts = fq.split('.');
    let svc: string | undefined;
    let ns = namespace;
    if (parts.length === 1) svc = parts[0];
    else if (parts.length === 2 || (parts.length >= 3 && parts[2] === 'svc'))
      [svc, ns] = [parts[0], parts[1]!];
    if (!svc || (parts.length > 3 && fq !== `${parts[0]}.${parts[1]}.svc.${CLUSTER_DOMAIN}`))
      return { ok: false, rcode: 'NXDOMAIN' };
    const found = this.services.get(ns, svc);
    return found?.spec.clusterIP ? { ok: true, ip: found.spec.clusterIP } : { ok: false, rcode: 'NXDOMAIN' };
  }
}
