/** `minikube addons list | enable NAME | disable NAME`: the addon table as minikube prints it. */
import { errorCommand, fail, ok } from '../output';
import type { ClusterReader, Command } from '../types';

/** minikube v1.37's addons and maintainers, in its order. */
export const ADDONS: readonly (readonly [string, string])[] = [
  ['ambassador', '3rd party (Ambassador)'],
  ['amd-gpu-device-plugin', '3rd party (AMD)'],
  ['auto-pause', 'minikube'],
  ['cloud-spanner', 'Google'],
  ['csi-hostpath-driver', 'Kubernetes'],
  ['dashboard', 'Kubernetes'],
  ['default-storageclass', 'Kubernetes'],
  ['efk', '3rd party (Elastic)'],
  ['freshpod', 'Google'],
  ['gcp-auth', 'Google'],
  ['gvisor', 'minikube'],
  ['headlamp', '3rd party (kinvolk.io)'],
  ['inaccel', '3rd party (InAccel'],
  ['ingress', 'Kubernetes'],
  ['ingress-dns', 'minikube'],
  ['inspektor-gadget', '3rd party'],
  ['istio', '3rd party (Istio)'],
  ['istio-provisioner', '3rd party (Istio)'],
  ['kong', '3rd party (Kong HQ)'],
  ['kubeflow', '3rd party'],
  ['kubetail', '3rd party (kubetail.com)'],
  ['kubevirt', '3rd party (KubeVirt)'],
  ['logviewer', '3rd party (unknown)'],
  ['metallb', '3rd party (MetalLB)'],
  ['metrics-server', 'Kubernetes'],
  ['nvidia-device-plugin', '3rd party (NVIDIA)'],
  ['nvidia-driver-installer', '3rd party (NVIDIA)'],
  ['nvidia-gpu-device-plugin', '3rd party (NVIDIA)'],
  ['olm', '3rd party (Operator Framework)'],
  ['pod-security-policy', '3rd party (unknown)'],
  ['portainer', '3rd party (Portainer.io)'],
  ['registry', 'minikube'],
  ['registry-aliases', '3rd party (unknown)'],
  ['registry-creds', '3rd party (UPMC Enterprises)'],
  ['storage-provisioner', 'minikube'],
  ['storage-provisioner-gluster', '3rd party (Gluster)'],
  ['storage-provisioner-rancher', '3rd party (Rancher)'],
  ['volcano', 'third-party (volcano)'],
  ['volumesnapshots', 'Kubernetes'],
  ['yakd', '3rd party (marcnuri.com)'],
];

/** Cell padded to `width` display columns (✅ takes two). */
const cell = (text: string, width: number) => {
  const shown = [...text].reduce((n, ch) => n + (ch === '✅' ? 2 : 1), 0);
  return ` ${text}${' '.repeat(Math.max(0, width - shown - 1))}`;
};
const center = (text: string, width: number) => {
  const left = Math.floor((width - text.length) / 2);
  return ' '.repeat(left) + text + ' '.repeat(width - text.length - left);
};

export function addonsTable(reader: ClusterReader): string {
  const widths = [29, 10, 14, 32];
  const rule = `|${widths.map((w) => '-'.repeat(w)).join('|')}|`;
  const header = `|${['ADDON NAME', 'PROFILE', 'STATUS', 'MAINTAINER'].map((h, i) => center(h, widths[i]!)).join('|')}|`;
  const rows = ADDONS.map(([name, maintainer]) => {
    const status = reader.addons.get(name) ? 'enabled ✅' : 'disabled';
    return `|${[name, 'minikube', status, maintainer].map((c, i) => cell(c, widths[i]!)).join('|')}|`;
  });
  return [rule, header, rule, ...rows, rule].join('\n');
}

const DASHBOARD_ENABLE = [
  '💡  dashboard is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.',
  'You can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS',
  '    ▪ Using image docker.io/kubernetesui/dashboard:v2.7.0',
  '    ▪ Using image docker.io/kubernetesui/metrics-scraper:v1.0.8',
  '💡  Some dashboard features require the metrics-server addon. To enable all features please run:',
  '',
  '\tminikube -p minikube addons enable metrics-server',
  '',
];

export function addons(words: readonly string[], line: string): Command {
  const [sub, name, ...extra] = words;
  if (sub === 'list') return { type: 'read', run: (reader) => ok(addonsTable(reader)) };
  if (sub !== 'enable' && sub !== 'disable')
    return errorCommand(
      sub
        ? `Error: unknown command "${sub}" for "minikube addons"`
        : 'Error: usage: minikube addons SUBCOMMAND [flags]',
    );
  if (!name || extra.length)
    return errorCommand(`❌  Exiting due to MK_USAGE: usage: minikube addons ${sub} ADDON_NAME`);
  if (!ADDONS.some(([n]) => n === name))
    return errorCommand(
      `❌  Exiting due to MK_ADDON_${sub.toUpperCase()}: run callbacks: ${name} is not a valid addon`,
    );
  return {
    type: 'write',
    line,
    run(cluster, print) {
      if (!cluster.addons.has(name)) {
        print(
          fail(
            `❌  Exiting due to MK_ADDON_${sub.toUpperCase()}: this simulated cluster provides only the dashboard, default-storageclass and storage-provisioner addons`,
          ),
        );
        return;
      }
      if (sub === 'enable') {
        const wasOn = cluster.addons.get(name);
        cluster.enableAddon(name);
        print(
          ok(
            [
              ...(name === 'dashboard' && !wasOn ? DASHBOARD_ENABLE : []),
              `🌟  The '${name}' addon is enabled`,
            ].join('\n'),
          ),
        );
      } else {
        cluster.disableAddon(name);
        print(ok(`🌑  "The '${name}' addon is disabled"`));
      }
    },
  };
}
