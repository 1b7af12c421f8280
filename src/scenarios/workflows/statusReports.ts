/** Workflow 3: status reports — kubelet's Lease heartbeats and node status, into etcd, and who reads them. */
import type { Scenario } from '../types';

/** A pod pinned to minikube-m02 whose image the node does not have yet: the pull changes the node's status. */
const cache = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'cache', labels: { app: 'cache' } },
  spec: {
    nodeSelector: { 'kubernetes.io/hostname': 'minikube-m02' },
    containers: [
      {
        name: 'redis',
        image: 'redis:7',
        ports: [{ containerPort: 6379 }],
        resources: { requests: { cpu: '100m', memory: '64Mi' } },
      },
    ],
  },
};

export const statusReports: Scenario = {
  id: 'status-reports',
  title: { en: 'Status reports: Leases and node status', zh: '状态上报：Lease 与节点状态' },
  summary: {
    en: 'Every kubelet tells the control plane it is alive (a Lease renewed every 10 s) and what its node looks like (node status, sent on change or every 5 minutes). Follow both into etcd and see who reads them.',
    zh: '每个 kubelet 都在告诉控制面：我还活着（每 10 秒续约一次 Lease），以及节点现在的样子（节点状态，有变化时或每 5 分钟上报一次）。跟随它们进入 etcd，看看谁在读取它们。',
  },
  cluster: { nodes: 2 },
  steps: [
    {
      title: { en: 'kubelet renews its Lease', zh: 'kubelet 续约 Lease' },
      narration: {
        en: 'Each node has a small Lease object in the kube-node-lease namespace, named after the node. kubelet on minikube-m02 updates it through kube-apiserver, which writes it to etcd under /registry/leases/kube-node-lease/minikube-m02. The update only moves spec.renewTime forward (holderIdentity minikube-m02, leaseDurationSeconds 40): a heartbeat that costs almost nothing.',
        zh: '每个节点在 kube-node-lease 命名空间里都有一个以节点命名的小小的 Lease 对象。minikube-m02 上的 kubelet 通过 kube-apiserver 更新它，kube-apiserver 把它写入 etcd 的 /registry/leases/kube-node-lease/minikube-m02。这次更新只是把 spec.renewTime 往前推（holderIdentity 为 minikube-m02，leaseDurationSeconds 为 40）：一次几乎没有成本的心跳。',
      },
      until: {
        message: {
          kind: 'etcd',
          from: 'kube-apiserver',
          summary: '/registry/leases/kube-node-lease/minikube-m02',
        },
      },
      limit: 20,
      focus: ['kubelet minikube-m02', 'kube-apiserver', 'etcd'],
      tryIt: [
        'kubectl get lease -n kube-node-lease',
        'kubectl get lease minikube-m02 -n kube-node-lease -o yaml',
      ],
    },
    {
      title: { en: 'And again', zh: '再来一次' },
      narration: {
        en: 'Wait for the next renewal and follow it all the way: kubelet → kube-apiserver → etcd, then kube-apiserver hands the change to the one component watching node Leases, kube-controller-manager. kubelet renews every 10 seconds: a quarter of leaseDurationSeconds (40 s × 0.25), with up to 4% jitter so that thousands of nodes do not all write at the same instant. A failed renewal is retried quickly, backing off up to 7 seconds.',
        zh: '等待下一次续约，并完整地跟随它：kubelet → kube-apiserver → etcd，然后 kube-apiserver 把这次变更交给唯一监视节点 Lease 的组件 kube-controller-manager。kubelet 每 10 秒续约一次：即 leaseDurationSeconds 的四分之一（40 秒 × 0.25），再加最多 4% 的随机抖动，免得成千上万个节点在同一瞬间写入。续约失败时会很快重试，退避时间最长 7 秒。',
      },
      predict: {
        question: {
          en: 'How often does kubelet renew its node’s Lease?',
          zh: 'kubelet 多久续约一次节点的 Lease？',
        },
        choices: [
          { id: '1s', label: { en: 'Every second', zh: '每秒一次' } },
          { id: '10s', label: { en: 'Every 10 seconds', zh: '每 10 秒一次' } },
          { id: '40s', label: { en: 'Every 40 seconds', zh: '每 40 秒一次' } },
          { id: '5m', label: { en: 'Every 5 minutes', zh: '每 5 分钟一次' } },
        ],
        answer: '10s',
        explain: {
          en: 'Every 10 seconds: nodeLeaseDurationSeconds is 40 and kubelet renews at a quarter of it, so a node misses several renewals before anyone worries. 5 minutes is nodeStatusReportFrequency, the fallback for full node status reports.',
          zh: '每 10 秒：nodeLeaseDurationSeconds 是 40 秒，kubelet 在其四分之一时续约，所以节点要连续错过好几次续约才会引起注意。5 分钟是 nodeStatusReportFrequency，是完整节点状态上报的兜底周期。',
        },
      },
      until: {
        message: {
          kind: 'watch',
          to: 'kube-controller-manager',
          summary: 'Lease kube-node-lease/minikube-m02',
        },
      },
      limit: 20,
      focus: ['kubelet minikube-m02', 'kube-apiserver', 'etcd', 'kube-controller-manager'],
      tryIt: ['kubectl get lease minikube-m02 -n kube-node-lease -w'],
    },
    {
      title: { en: 'Who reads the Lease', zh: '谁在读取 Lease' },
      narration: {
        en: 'Inside kube-controller-manager the reader is the node lifecycle controller. A new renewTime (or a new lastHeartbeatTime in node status) resets that node’s probe time. Every 5 seconds (node-monitor-period) the controller checks all nodes; one silent for longer than 50 seconds (node-monitor-grace-period) would be marked Ready=Unknown and tainted. kube-scheduler does not watch Leases at all: it only reacts to what the controller then writes on the Node.',
        zh: '在 kube-controller-manager 里，读取 Lease 的是节点生命周期控制器。新的 renewTime（或节点状态里新的 lastHeartbeatTime）会重置该节点的探测时间。控制器每 5 秒（node-monitor-period）检查一遍所有节点；沉默超过 50 秒（node-monitor-grace-period）的节点会被标记为 Ready=Unknown 并打上污点。kube-scheduler 根本不监视 Lease：它只对控制器随后写到 Node 上的内容作出反应。',
      },
      until: { seconds: 5 },
      focus: ['kube-controller-manager'],
      inspect: 'kube-controller-manager',
      tryIt: ['kubectl describe node minikube-m02 | grep -A3 Lease'],
    },
    {
      title: {
        en: 'Node status: computed every 10 s, sent on change',
        zh: '节点状态：每 10 秒计算，有变化才发送',
      },
      narration: {
        en: 'Node status is the big report: conditions, capacity, addresses and the images on the node. kubelet computes it every 10 seconds (nodeStatusUpdateFrequency) but sends it only when something changed. Here a pod pinned to minikube-m02 makes kubelet pull redis:7; the node’s image list changes, so the next computation PATCHes /api/v1/nodes/minikube-m02/status at once.',
        zh: '节点状态是一份大报告：各项条件、容量、地址以及节点上的镜像。kubelet 每 10 秒（nodeStatusUpdateFrequency）计算一次，但只有内容变化时才发送。这里一个固定到 minikube-m02 的 Pod 让 kubelet 拉取 redis:7；节点的镜像列表变了，所以下一次计算后立刻 PATCH /api/v1/nodes/minikube-m02/status。',
      },
      actions: [{ apply: cache }],
      until: {
        message: {
          kind: 'request',
          from: 'kubelet minikube-m02',
          summary: 'PATCH /api/v1/nodes/minikube-m02/status',
        },
      },
      limit: 60,
      focus: ['kubelet minikube-m02', 'container runtime', 'kube-apiserver'],
      tryIt: [
        "kubectl get node minikube-m02 -o jsonpath='{.status.images[*].names}'",
        'kubectl get node minikube-m02 -o yaml',
      ],
    },
    {
      title: { en: 'Who reads node status', zh: '谁在读取节点状态' },
      narration: {
        en: 'kube-apiserver stores the Node in etcd (/registry/minions/minikube-m02) and tells its watchers. kube-scheduler keeps every Node in its cache: allocatable for NodeResourcesFit, taints for TaintToleration, the image list for ImageLocality. The node lifecycle controller reads the Ready condition and its lastHeartbeatTime. kubectl get node and describe read the same object.',
        zh: 'kube-apiserver 把 Node 存入 etcd（/registry/minions/minikube-m02）并通知监视者。kube-scheduler 在缓存里保存每个 Node：NodeResourcesFit 用可分配资源，TaintToleration 用污点，ImageLocality 用镜像列表。节点生命周期控制器读取 Ready 条件及其 lastHeartbeatTime。kubectl get node 和 describe 读的也是这个对象。',
      },
      until: { message: { kind: 'watch', to: 'kube-scheduler', summary: 'MODIFIED Node minikube-m02' } },
      limit: 20,
      focus: ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager'],
      inspect: 'kube-scheduler',
      tryIt: ['kubectl describe node minikube-m02'],
    },
    {
      title: { en: 'No change: a report every 5 minutes anyway', zh: '没有变化：每 5 分钟照样上报' },
      narration: {
        en: 'Now nothing changes on minikube-m02. kubelet still computes its status every 10 seconds but keeps it to itself, while the Lease goes on every 10 seconds. Only when 5 minutes have passed since the last report (nodeStatusReportFrequency) does it send the full status again, refreshing each condition’s lastHeartbeatTime. This split, a tiny Lease often and a big status rarely, keeps large clusters cheap.',
        zh: '现在 minikube-m02 上没有任何变化。kubelet 仍然每 10 秒计算一次状态但不发送，而 Lease 照旧每 10 秒续约。只有距上次上报满 5 分钟（nodeStatusReportFrequency）时，它才再次发送完整状态，刷新各条件的 lastHeartbeatTime。这种分工——频繁发送小小的 Lease、很少发送大大的状态——让大集群的开销保持很低。',
      },
      until: {
        message: {
          kind: 'request',
          from: 'kubelet minikube-m02',
          summary: 'PATCH /api/v1/nodes/minikube-m02/status',
        },
      },
      limit: 330,
      focus: ['kubelet minikube-m02', 'kube-apiserver', 'etcd'],
      tryIt: [
        'kubectl get node minikube-m02 -o jsonpath=\'{.status.conditions[?(@.type=="Ready")].lastHeartbeatTime}\'',
      ],
    },
  ],
};
