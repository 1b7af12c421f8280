/** Workflow 4: one `kubectl apply` followed all the way to running containers. */
import type { Scenario } from '../types';
import { webDeployment } from './webDeployment';

const deployment = webDeployment(3);

export const applyToRunning: Scenario = {
  id: 'apply-to-running',
  title: { en: 'From kubectl apply to a running pod', zh: '从 kubectl apply 到运行的 Pod' },
  summary: {
    en: 'Follow one kubectl apply through kube-apiserver and etcd, the controllers, the scheduler, kubelet and the container runtime, until three nginx pods run.',
    zh: '跟随一次 kubectl apply，经过 kube-apiserver 和 etcd、控制器、调度器、kubelet 和容器运行时，直到三个 nginx Pod 运行起来。',
  },
  cluster: { nodes: 3 },
  steps: [
    {
      title: { en: 'kubectl sends the Deployment', zh: 'kubectl 发送 Deployment' },
      narration: {
        en: 'kubectl apply -f web.yaml sends a Deployment (3 replicas of nginx) to kube-apiserver. It authenticates the user, authorizes the request (may this user create Deployments here?), runs admission (defaults filled in) and validation, then writes the object to etcd under /registry/deployments/default/web. Nothing runs yet: only the wish is stored.',
        zh: 'kubectl apply -f web.yaml 把一个 Deployment（3 个 nginx 副本）发给 kube-apiserver。它先认证用户，再授权（这个用户能在这里创建 Deployment 吗？），执行准入（补全默认值）和校验，然后把对象写入 etcd 的 /registry/deployments/default/web。此时什么都还没运行：只是把“期望”存了下来。',
      },
      actions: [{ apply: deployment }],
      until: { message: { kind: 'etcd', summary: '/registry/deployments/default/web' } },
      focus: ['kubectl', 'kube-apiserver', 'etcd'],
      tryIt: ['kubectl apply -f web.yaml', 'kubectl get deployment web'],
    },
    {
      title: { en: 'The Deployment controller makes a ReplicaSet', zh: 'Deployment 控制器创建 ReplicaSet' },
      narration: {
        en: 'kube-controller-manager watches Deployments. Its Deployment controller reads the desired state (a Deployment with no ReplicaSet), sees the difference and acts: it asks kube-apiserver to create a ReplicaSet web-<hash> for this pod template.',
        zh: 'kube-controller-manager 监视着 Deployment。其中的 Deployment 控制器读取期望状态（一个还没有 ReplicaSet 的 Deployment），发现差异并行动：请求 kube-apiserver 为这个 Pod 模板创建 ReplicaSet web-<hash>。',
      },
      until: { message: { kind: 'etcd', summary: '/registry/replicasets/default/web-' } },
      focus: ['kube-controller-manager', 'kube-apiserver'],
      inspect: 'kube-controller-manager',
      tryIt: ['kubectl get replicaset'],
    },
    {
      title: { en: 'The ReplicaSet controller makes three Pods', zh: 'ReplicaSet 控制器创建三个 Pod' },
      narration: {
        en: 'The ReplicaSet wants 3 pods and 0 exist: its controller creates 3 Pod objects through kube-apiserver, in slow-start batches: one first, then two once the first is stored (a template that cannot work fails once, not hundreds of times). They are stored in etcd with no node yet: Pending, waiting for the scheduler.',
        zh: 'ReplicaSet 期望 3 个 Pod，实际为 0：它的控制器通过 kube-apiserver 创建 3 个 Pod 对象，按“慢启动”分批：先建 1 个，存好之后再建 2 个（模板有问题时只失败一次，而不是几百次）。它们被存进 etcd，但还没有分配节点：处于 Pending，等待调度器。',
      },
      until: { event: { reason: 'SuccessfulCreate', kind: 'ReplicaSet' } },
      focus: ['kube-controller-manager', 'kube-apiserver', 'etcd'],
      inspect: 'kube-controller-manager',
    },
    {
      title: { en: 'kube-scheduler filters, scores and binds', zh: 'kube-scheduler 过滤、打分并绑定' },
      narration: {
        en: 'kube-scheduler watches for pods with no node. For each it runs the Filter plugins (is the node schedulable, do the taints allow it, do the requests fit?), then the Score plugins (least allocated, spread from the ReplicaSet’s other pods, balanced, image locality), and binds the pod to the highest total. The Details panel shows each node’s numbers. The other two pods follow the same way, each steered away from the nodes that already run one.',
        zh: 'kube-scheduler 监视没有节点的 Pod。对每个 Pod，它先运行过滤插件（节点可调度吗？污点允许吗？资源请求放得下吗？），再运行打分插件（最少分配、与同一 ReplicaSet 其他 Pod 的分散程度、均衡分配、镜像本地性），把 Pod 绑定到总分最高的节点。详情面板显示每个节点的分数。另外两个 Pod 也按同样的方式调度，并会避开已经运行着同类 Pod 的节点。',
      },
      until: { podScheduled: { selector: 'app=web' } },
      focus: ['kube-scheduler', 'kube-apiserver'],
      inspect: 'kube-scheduler',
    },
    {
      title: { en: 'kubelet sees a pod bound to its node', zh: 'kubelet 发现绑定到本节点的 Pod' },
      narration: {
        en: 'Each kubelet watches the pods bound to its own node. When the binding is stored, kube-apiserver tells that node’s kubelet: a new pod is yours. The scheduler never talks to a kubelet directly.',
        zh: '每个 kubelet 都监视绑定到自己节点的 Pod。绑定写入后，kube-apiserver 通知该节点的 kubelet：有一个新 Pod 归你了。调度器从不直接和 kubelet 通信。',
      },
      until: { message: { kind: 'cri', summary: 'RunPodSandbox' } },
      focus: ['kubelet', 'kube-apiserver'],
    },
    {
      title: { en: 'The runtime pulls, creates and starts', zh: '运行时拉取、创建并启动' },
      narration: {
        en: 'kubelet drives its node’s container runtime over the CRI: RunPodSandbox (the pod’s network and pause container), PullImage nginx:1.27 unless the node has it, CreateContainer, StartContainer. Each step becomes an Event: Pulling, Pulled, Created, Started.',
        zh: 'kubelet 通过 CRI 驱动本节点的容器运行时：RunPodSandbox（Pod 的网络和 pause 容器）、PullImage nginx:1.27（节点上没有才拉取）、CreateContainer、StartContainer。每一步都会产生一个 Event：Pulling、Pulled、Created、Started。',
      },
      until: { podsRunning: { selector: 'app=web', count: 3 } },
      focus: ['kubelet', 'container runtime'],
      tryIt: ['kubectl get events'],
    },
    {
      title: { en: 'Status flows back', zh: '状态回传' },
      narration: {
        en: 'kubelet reports the pod’s status (Running, its IP, Ready) to kube-apiserver, which stores it in etcd. The controllers see the ReplicaSet is satisfied. kubectl get pods -o wide now shows each pod, its IP and its node.',
        zh: 'kubelet 把 Pod 的状态（Running、IP、Ready）报告给 kube-apiserver，后者存入 etcd。控制器看到 ReplicaSet 已满足。现在 kubectl get pods -o wide 会显示每个 Pod、它的 IP 和所在节点。',
      },
      until: { seconds: 3 },
      focus: ['kubelet', 'kube-apiserver', 'etcd'],
      tryIt: ['kubectl get pods -o wide'],
    },
  ],
};
