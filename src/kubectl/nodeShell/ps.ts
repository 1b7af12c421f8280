/** `ps -ef` inside a node: systemd, the runtime's daemons, kubelet with its flags, a shim per pod, pause and each container's process. */
import type { RuntimeName } from '../../engine/clusterConfig';
import { wallClock } from '../format/age';
import type { ClusterReader } from '../types';
import { nodeContainers } from './containers';

interface Proc {
  uid: string;
  pid: number;
  ppid: number;
  startMs: number;
  cpuSeconds: number;
  cmd: string;
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const cpuTime = (s: number) =>
  `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

function runtimeDaemons(runtime: RuntimeName): string[] {
  switch (runtime) {
    case 'docker':
      return [
        '/usr/bin/containerd',
        '/usr/bin/dockerd -H tcp://0.0.0.0:2376 -H unix:///var/run/docker.sock --default-ulimit=nofile=1048576:1048576 --tlsverify --tlscacert /etc/docker/ca.pem --tlscert /etc/docker/server.pem --tlskey /etc/docker/server-key.pem --label provider=docker --insecure-registry 10.96.0.0/12',
        '/usr/bin/cri-dockerd --container-runtime-endpoint fd:// --pod-infra-container-image=registry.k8s.io/pause:3.10.1 --network-plugin=cni --hairpin-mode=hairpin-veth',
      ];
    case 'containerd':
      return ['/usr/bin/containerd'];
    case 'cri-o':
      return ['/usr/bin/crio --config /etc/crio/crio.conf'];
  }
}

const shim = (runtime: RuntimeName, id: string) =>
  runtime === 'cri-o'
    ? `/usr/libexec/crio/conmon -b /run/containers/storage/overlay-containers/${id}/userdata -c ${id} -n k8s_POD -r /usr/bin/runc`
    : `/usr/bin/containerd-shim-runc-v2 -namespace ${runtime === 'docker' ? 'moby' : 'k8s.io'} -id ${id} -address /run/containerd/containerd.sock`;

export function psEf(reader: ClusterReader, node: string): string {
  const now = wallClock(reader.now);
  const nodeObj = reader.get('Node', undefined, node);
  const boot = nodeObj ? Date.parse(nodeObj.metadata.creationTimestamp) - 2_000 : now;
  const ip = nodeObj?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
  const procs: Proc[] = [];
  let pid = 1;
  const add = (cmd: string, ppid: number, startMs: number, uid = 'root', busy = 0) => {
    const p = {
      uid,
      pid,
      ppid,
      startMs,
      cpuSeconds: Math.floor((busy * Math.max(0, now - startMs)) / 1000),
      cmd,
    };
    procs.push(p);
    pid = pid < 100 ? 100 + pid * 37 : pid + 1 + (pid % 7);
    return p.pid;
  };
  add('/sbin/init', 0, boot);
  add('/lib/systemd/systemd-journald', 1, boot);
  for (const d of runtimeDaemons(reader.runtime)) add(d, 1, boot + 500, 'root', 0.01);
  const sshd = add('sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', 1, boot + 600);
  add(
    `/var/lib/minikube/binaries/v1.34.0/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --config=/var/lib/kubelet/config.yaml --hostname-override=${node} --kubeconfig=/etc/kubernetes/kubelet.conf --node-ip=${ip}`,
    1,
    boot + 1_000,
    'root',
    0.03,
  );
  const containers = nodeContainers(reader, node)
    .filter((c) => c.running)
    .reverse();
  const shims = new Map<string, number>();
  for (const c of containers) {
    let parent = shims.get(c.podSandboxId);
    if (parent === undefined) {
      parent = add(shim(reader.runtime, c.podSandboxId), 1, c.createdMs);
      shims.set(c.podSandboxId, parent);
    }
    if (c.pause) {
      add('/pause', parent, c.createdMs, '65535');
      continue;
    }
    const master = add(
      c.command.replace(
        '/docker-entrypoint.sh nginx -g daemon off;',
        'nginx: master process nginx -g daemon off;',
      ),
      parent,
      c.createdMs,
      'root',
      0.01,
    );
    if (c.command.includes('nginx')) {
      add('nginx: worker process', master, c.createdMs + 50, '101');
      add('nginx: worker process', master, c.createdMs + 50, '101');
    }
  }
  const session = add('sshd: docker [priv]', sshd, now - 1_000);
  const shell = add('-bash', session, now - 900, 'docker');
  add('ps -ef', shell, now, 'docker');
  const header = 'UID          PID    PPID  C STIME TTY          TIME CMD';
  const lines = procs.map(
    (p) =>
      `${p.uid.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${hhmm(p.startMs)} ${
        p.cmd === '-bash' || p.cmd === 'ps -ef' ? 'pts/1   ' : '?       '
      } ${cpuTime(p.cpuSeconds)} ${p.cmd}`,
  );
  return [header, ...lines].join('\n');
}
