/**
 * Workflow 7: node failure — a node stops reporting; the node lifecycle controller marks it
 * Unknown, taints it, its pods are evicted once their toleration runs out, and replacements run
 * elsewhere; then the node comes back.
 */
import type { Scenario } from '../types';
import { webDeployment } from './webDeployment';

const deployment = webDeployment(3);

const UNREACHABLE = 'node.kubernetes.io/unreachable';

export const nodeFailure: Scenario = {
  id: 'node-failure',
  title: { en: 'Node failure and pod eviction', zh: '节点故障与 Pod 驱逐' },
  summary: {
    en: 'minikube-m03 goes down. Its Lease stops, the node lifecycle controller marks it Unknown and taints it unreachable, its pods are evicted after their 300-second toleration, and the ReplicaSet runs replacements on healthy nodes. Then the node comes back.',
    zh: 'minikube-m03 宕机。它的 Lease 停止续约，节点生命周期控制器把它标记为 Unknown 并打上 unreachable 污点，Pod 在 300 秒容忍期满后被驱逐，ReplicaSet 在健康节点上运行替代 Pod。最后节点恢复。',
  },
  cluster: { nodes: 3 },
  setup: [{ apply: deployment }],
  setupUntil: { podsRunning: { selector: 'app=web', count: 3 } },
  steps: [
    {
      title: { en: 'minikube-m03 goes down', zh: 'minikube-m03 宕机' },
      narration: {
        en: 'The Deployment web runs 3 pods, one on each node: kube-scheduler spreads a ReplicaSet’s pods across nodes (PodTopologySpread). Now minikube-m03 loses power: its kubelet, kube-proxy, container runtime and containers are gone. Nothing tells the control plane; it only notices what stops arriving. Watch: no more Lease renewals from minikube-m03, while the other nodes renew every 10 seconds.',
        zh: 'Deployment web 运行着 3 个 Pod，每个节点一个：kube-scheduler 会把同一 ReplicaSet 的 Pod 分散到各个节点上（PodTopologySpread）。现在 minikube-m03 断电了：它的 kubelet、kube-proxy、容器运行时和容器都没了。没有谁会通知控制面；控制面只能察觉到“有什么不再到来”。看：minikube-m03 不再续约 Lease，而其他节点仍每 10 秒续约一次。',
      },
      actions: [{ stopNode: 'minikube-m03' }],
      until: { seconds: 12 },
      focus: ['minikube-m03', 'kubelet minikube-m03', 'kube-apiserver'],
      tryIt: ['minikube node stop minikube-m03', 'kubectl get lease -n kube-node-lease'],
    },
    {
      title: { en: 'The grace period runs out', zh: '宽限期耗尽' },
      narration: {
        en: 'Every 5 seconds the node lifecycle controller in kube-controller-manager checks when it last heard from each node. Once minikube-m03 has been silent for more than 50 seconds (node-monitor-grace-period), it sets the node’s conditions to Unknown, reason NodeStatusUnknown, “Kubelet stopped posting node status.”, records NodeNotReady, and marks the node’s pods not Ready so Services stop sending them traffic.',
        zh: 'kube-controller-manager 中的节点生命周期控制器每 5 秒检查一次：最后一次收到各节点的消息是什么时候。minikube-m03 沉默超过 50 秒（node-monitor-grace-period）后，控制器把节点的各项条件设为 Unknown，原因 NodeStatusUnknown，“Kubelet stopped posting node status.”，记录 NodeNotReady 事件，并把该节点上的 Pod 标记为未就绪，让 Service 不再把流量发给它们。',
      },
      predict: {
        question: {
          en: 'minikube-m03 has been silent for 50 seconds, the grace period. What happens when it runs out?',
          zh: 'minikube-m03 已经沉默了 50 秒，也就是宽限期。宽限期耗尽时会发生什么？',
        },
        choices: [
          {
            id: 'evict-now',
            label: {
              en: 'Its pods are deleted at once and recreated on other nodes',
              zh: '它的 Pod 立即被删除，并在其他节点上重建',
            },
          },
          {
            id: 'unknown',
            label: {
              en: 'The node is marked Unknown (NotReady) and tainted; its pods stay for now',
              zh: '节点被标记为 Unknown（NotReady）并打上污点；Pod 暂时保留',
            },
          },
          {
            id: 'delete-node',
            label: { en: 'The Node object is deleted from the cluster', zh: 'Node 对象被从集群中删除' },
          },
          {
            id: 'nothing',
            label: { en: 'Nothing until the kubelet comes back', zh: '什么也不发生，直到 kubelet 回来' },
          },
        ],
        answer: 'unknown',
        explain: {
          en: 'The controller cannot tell a dead node from a network cut, so it only marks what it knows: Ready=Unknown (kubectl shows NotReady) and the taints node.kubernetes.io/unreachable:NoSchedule and :NoExecute. The pods are not deleted yet: each tolerates unreachable:NoExecute for 300 seconds, a default the DefaultTolerationSeconds admission plugin added. The Node object stays; only minikube node delete would remove it.',
          zh: '控制器分不清节点是真的宕机还是网络断了，所以只标记它确定的事：Ready=Unknown（kubectl 显示 NotReady），以及污点 node.kubernetes.io/unreachable:NoSchedule 和 :NoExecute。Pod 还不会被删除：每个 Pod 都容忍 unreachable:NoExecute 300 秒，这是 DefaultTolerationSeconds 准入插件加上的默认值。Node 对象保留；只有 minikube node delete 才会删除它。',
        },
      },
      until: { nodeReady: { node: 'minikube-m03', status: 'Unknown' } },
      limit: 90,
      focus: ['kube-controller-manager', 'kube-apiserver', 'minikube-m03'],
      inspect: 'kube-controller-manager',
      tryIt: ['kubectl get node', 'kubectl describe node minikube-m03'],
    },
    {
      title: { en: 'Tainted unreachable', zh: '打上 unreachable 污点' },
      narration: {
        en: 'Ready=Unknown makes the node lifecycle controller taint the node node.kubernetes.io/unreachable, once with NoSchedule (kube-scheduler will place no new pods there) and once with NoExecute (pods that do not tolerate it must leave). The pods on minikube-m03 still show 1/1 Running, as their kubelet last reported; but the controller has set their Ready condition to False (kubectl describe pod shows it), so Services stop sending them traffic. Their kubelet cannot tell anyone they are gone.',
        zh: 'Ready=Unknown 使节点生命周期控制器给节点打上 node.kubernetes.io/unreachable 污点，一个是 NoSchedule（kube-scheduler 不再往这里放新 Pod），一个是 NoExecute（不容忍它的 Pod 必须离开）。minikube-m03 上的 Pod 仍显示 1/1 Running，这是它们的 kubelet 最后一次报告的样子；但控制器已把它们的 Ready 状态条件设为 False（kubectl describe pod 可以看到），所以 Service 不再把流量发给它们。它们的 kubelet 无法告诉任何人它们已经不在了。',
      },
      until: { nodeTaint: { node: 'minikube-m03', key: UNREACHABLE } },
      limit: 30,
      focus: ['kube-controller-manager', 'kube-apiserver', 'etcd'],
      inspect: 'kube-controller-manager',
      tryIt: ['kubectl describe node minikube-m03 | grep -A2 Taints', 'kubectl get pods -l app=web -o wide'],
    },
    {
      title: { en: 'Pods tolerate it for 300 seconds', zh: 'Pod 容忍 300 秒' },
      narration: {
        en: 'Every pod got two default tolerations at creation: node.kubernetes.io/not-ready and unreachable, NoExecute, for 300s. The taint-eviction controller waits those five minutes in case the node comes back, then marks each pod for deletion (TaintManagerEviction, “Marking for deletion Pod default/web-…”). The kube-proxy pod stays: DaemonSet pods tolerate these taints forever.',
        zh: '每个 Pod 在创建时都被加上两个默认容忍：node.kubernetes.io/not-ready 和 unreachable，NoExecute，300 秒。taint-eviction 控制器等待这五分钟，以防节点恢复，然后把每个 Pod 标记为删除（TaintManagerEviction，“Marking for deletion Pod default/web-…”）。kube-proxy Pod 不受影响：DaemonSet 的 Pod 永久容忍这些污点。',
      },
      until: { event: { reason: 'TaintManagerEviction', kind: 'Pod' } },
      limit: 330,
      focus: ['kube-controller-manager', 'kube-apiserver'],
      tryIt: ['kubectl describe pod -l app=web | grep -A2 Tolerations', 'kubectl get events -w'],
    },
    {
      title: { en: 'Replacements on healthy nodes', zh: '在健康节点上重建' },
      narration: {
        en: 'An evicted pod has a deletionTimestamp, so it no longer counts as active: the ReplicaSet controller sees 2 of 3 and creates one pod (SuccessfulCreate). kube-scheduler filters minikube-m03 out (untolerated taint unreachable:NoSchedule) and binds it to a healthy node, where kubelet starts it. The old pod stays Terminating: no kubelet is there to confirm it stopped.',
        zh: '被驱逐的 Pod 带有 deletionTimestamp，不再算作活跃：ReplicaSet 控制器看到只剩 2 个，于是创建一个 Pod（SuccessfulCreate）。kube-scheduler 把 minikube-m03 过滤掉（不容忍 unreachable:NoSchedule 污点），把它绑定到健康节点，由那里的 kubelet 启动。旧 Pod 一直停在 Terminating：那边没有 kubelet 来确认它已停止。',
      },
      until: { podsRunning: { selector: 'app=web', count: 3 } },
      limit: 60,
      focus: ['kube-controller-manager', 'kube-scheduler', 'kubelet'],
      inspect: 'kube-scheduler',
      tryIt: ['kubectl get pods -l app=web -o wide'],
    },
    {
      title: { en: 'minikube-m03 comes back', zh: 'minikube-m03 恢复' },
      narration: {
        en: 'The machine boots again; its kubelet finds its Node already registered and starts reporting. It sees the pod bound to it with a deletionTimestamp and no containers left (the reboot took them), so it confirms its deletion and the Terminating pod finally disappears.',
        zh: '机器重新启动；kubelet 发现自己的 Node 已经注册过，于是直接开始上报。它看到绑定到本节点、带有 deletionTimestamp 的那个 Pod，而容器已随重启消失，于是确认删除，停在 Terminating 的 Pod 终于消失。',
      },
      actions: [{ startNode: 'minikube-m03' }],
      until: { podCount: { selector: 'app=web', count: 3 } },
      limit: 60,
      focus: ['minikube-m03', 'kubelet minikube-m03', 'kube-apiserver'],
      tryIt: ['minikube node start minikube-m03', 'kubectl get pods -l app=web -o wide'],
    },
    {
      title: { en: 'Ready again, taints lifted', zh: '重新 Ready，污点解除' },
      narration: {
        en: 'kubelet reports Ready=True and renews its Lease again. The node lifecycle controller removes the unreachable taints, and kube-scheduler may use minikube-m03 for new pods. Running pods are not moved back: Kubernetes does not rebalance on its own.',
        zh: 'kubelet 上报 Ready=True，并重新开始续约 Lease。节点生命周期控制器移除 unreachable 污点，kube-scheduler 又可以把新 Pod 放到 minikube-m03 上。已经在运行的 Pod 不会被移回来：Kubernetes 不会自动重新平衡。',
      },
      until: {
        nodeReady: { node: 'minikube-m03', status: 'True' },
        nodeUntainted: { node: 'minikube-m03', key: UNREACHABLE },
      },
      limit: 60,
      focus: ['kubelet minikube-m03', 'kube-controller-manager', 'kube-apiserver'],
      inspect: 'kube-controller-manager',
      tryIt: ['kubectl get node', 'kubectl get pods -l app=web -o wide'],
    },
  ],
};
