/**
 * `sudo iptables -t nat -L [CHAIN] [-n]` on a node: the rules kube-proxy (iptables mode) writes for
 * the Services and EndpointSlices it watches. KUBE-SERVICES jumps from each ClusterIP:port with
 * ready endpoints to its KUBE-SVC chain; that chain picks an endpoint at random (statistic mode
 * random) and jumps to its KUBE-SEP chain, which DNATs to the pod. A Service with no ready
 * endpoint gets no nat rule (its REJECT is in the filter table). Chain names are kube-proxy's own:
 * the first 16 characters of base32(sha256(service port name + protocol [+ endpoint])).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { EndpointSlice, Service } from '../../engine/api/types';
import { errorCommand, fail, ok } from '../output';
import type { ClusterReader, Command } from '../types';

const POD_CIDR = '10.244.0.0/16';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

/** kube-proxy's portProtoHash: base32 of sha256, its first 16 characters. */
const hash16 = (text: string) => base32(sha256(new TextEncoder().encode(text))).slice(0, 16);

interface ServicePortRules {
  /** `default/web` or `kube-system/kube-dns:dns`: ServicePortName.String(). */
  readonly portName: string;
  readonly protocol: string;
  readonly clusterIP: string;
  readonly port: number;
  readonly endpoints: readonly string[];
}

/** What kube-proxy would have written for each Service port with ready endpoints. */
function servicePorts(reader: ClusterReader): ServicePortRules[] {
  const slices = reader.list('EndpointSlice');
  const out: ServicePortRules[] = [];
  const services = reader
    .list('Service')
    .filter(
      (s): s is Service & { spec: { clusterIP: string } } =>
        !!s.spec.clusterIP && s.spec.clusterIP !== 'None',
    )
    .sort(
      (a, b) =>
        (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
  for (const svc of services) {
    const ns = svc.metadata.namespace ?? 'default';
    const mine = slices.filter(
      (s: EndpointSlice) =>
        (s.metadata.namespace ?? 'default') === ns &&
        s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name,
    );
    for (const port of svc.spec.ports) {
      const protocol = (port.protocol ?? 'TCP').toLowerCase();
      const endpoints = mine.flatMap((slice) => {
        const sp = slice.ports.find((p) => (p.name ?? '') === (port.name ?? ''));
        if (!sp) return [];
        return slice.endpoints
          .filter((e) => e.conditions.ready)
          .flatMap((e) => e.addresses.map((a) => `${a}:${sp.port}`));
      });
      if (!endpoints.length) continue;
      out.push({
        portName: `${ns}/${svc.metadata.name}${port.name ? `:${port.name}` : ''}`,
        protocol,
        clusterIP: svc.spec.clusterIP,
        port: port.port,
        endpoints: [...new Set(endpoints)].sort(),
      });
    }
  }
  return out;
}

const svcChain = (s: ServicePortRules) => `KUBE-SVC-${hash16(s.portName + s.protocol)}`;
const sepChain = (s: ServicePortRules, endpoint: string) =>
  `KUBE-SEP-${hash16(s.portName + s.protocol + endpoint)}`;

/** One rule as `iptables -L` prints it: target, prot, opt, source, destination, then the matches. */
function row(
  target: string,
  prot: string,
  source: string,
  destination: string,
  rest: string,
  numeric: boolean,
): string {
  const host = (a: string) => (numeric || a !== '0.0.0.0/0' ? a : 'anywhere');
  return `${target.padEnd(9)}  ${prot.padEnd(4)} --  ${host(source).padEnd(20)} ${host(destination).padEnd(20)} ${rest}`;
}

const PORT_NAMES: Record<number, string> = { 80: 'http', 443: 'https', 53: 'domain' };
const dpt = (port: number, numeric: boolean) => (numeric ? String(port) : (PORT_NAMES[port] ?? String(port)));

const HEADER = `target     prot opt source               destination         `;

function chain(name: string, references: number, rows: readonly string[]): string {
  return [`Chain ${name} (${references} references)`, HEADER, ...rows].join('\n');
}

/** `iptables [-t nat] -L [CHAIN] [-n]` as run by the shell on `node` (root only). */
export function iptables(args: readonly string[], sudo: boolean): Command {
  let table = 'filter';
  let list: string | null = null;
  let listing = false;
  let numeric = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-t' || a === '--table') table = args[++i] ?? '';
    else if (a === '-L' || a === '--list') {
      listing = true;
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('-')) list = args[++i]!;
    } else if (a === '-n' || a === '--numeric') numeric = true;
    else if (/^-[nL]+$/.test(a)) {
      listing = true;
      numeric ||= a.includes('n');
    } else
      return errorCommand(
        `iptables: not simulated in this node shell (it runs iptables -t nat -L [CHAIN] [-n])`,
      );
  }
  if (!listing)
    return errorCommand(
      'iptables: not simulated in this node shell (it runs iptables -t nat -L [CHAIN] [-n])',
    );
  if (!sudo)
    return errorCommand(
      `iptables v1.8.7 (legacy): can't initialize iptables table \`${table}': Permission denied (you must be root)\nPerhaps iptables or your kernel needs to be upgraded.`,
    );
  if (table !== 'nat')
    return errorCommand(`iptables: the ${table} table is not simulated in this node shell (it lists -t nat)`);
  return {
    type: 'read',
    run(reader) {
      const ports = servicePorts(reader);
      const services = chain('KUBE-SERVICES', 2, [
        ...ports.map((s) =>
          row(
            svcChain(s),
            s.protocol,
            '0.0.0.0/0',
            s.clusterIP,
            `/* ${s.portName} cluster IP */ ${s.protocol} dpt:${dpt(s.port, numeric)}`,
            numeric,
          ),
        ),
        row(
          'KUBE-NODEPORTS',
          'all',
          '0.0.0.0/0',
          '0.0.0.0/0',
          '/* kubernetes service nodeports; NOTE: this must be the last rule in this chain */ ADDRTYPE match dst-type LOCAL',
          numeric,
        ),
      ]);
      const svc = (s: ServicePortRules) =>
        chain(svcChain(s), 1, [
          row(
            'KUBE-MARK-MASQ',
            s.protocol,
            `!${POD_CIDR}`,
            s.clusterIP,
            `/* ${s.portName} cluster IP */ ${s.protocol} dpt:${dpt(s.port, numeric)}`,
            numeric,
          ),
          ...s.endpoints.map((e, i) => {
            const left = s.endpoints.length - i;
            const pick = left > 1 ? ` statistic mode random probability ${(1 / left).toFixed(11)}` : '';
            return row(
              sepChain(s, e),
              'all',
              '0.0.0.0/0',
              '0.0.0.0/0',
              `/* ${s.portName} -> ${e} */${pick}`,
              numeric,
            );
          }),
        ]);
      const sep = (s: ServicePortRules, e: string) =>
        chain(sepChain(s, e), 1, [
          row('KUBE-MARK-MASQ', 'all', e.split(':')[0]!, '0.0.0.0/0', `/* ${s.portName} */`, numeric),
          row(
            'DNAT',
            s.protocol,
            '0.0.0.0/0',
            '0.0.0.0/0',
            `/* ${s.portName} */ ${s.protocol} to:${e}`,
            numeric,
          ),
        ]);
      if (list === null)
        return ok(
          [services, ...ports.map(svc), ...ports.flatMap((s) => s.endpoints.map((e) => sep(s, e)))].join(
            '\n\n',
          ),
        );
      if (list === 'KUBE-SERVICES') return ok(services);
      const bySvc = ports.find((s) => svcChain(s) === list);
      if (bySvc) return ok(svc(bySvc));
      for (const s of ports) for (const e of s.endpoints) if (sepChain(s, e) === list) return ok(sep(s, e));
      return fail(`iptables: No chain/target/match by that name.`);
    },
  };
}
