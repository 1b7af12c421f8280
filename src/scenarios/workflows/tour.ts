/** Workflow 1: the architecture at a glance, one part at a time, while the cluster just runs. */
import type { Scenario } from '../types';

export const tour: Scenario = {
  id: 'tour',
  title: { en: 'Tour of the architecture', zh: '架构总览' },
  summary: {
    en: 'The parts of a Kubernetes cluster and how they fit: control plane and data plane, the control-plane node (the Master of older courses) and workers, kubectl outside, components and addons.',
    zh: 'Kubernetes 集群由哪些部分组成、如何配合：控制面与数据面、控制面节点（旧称 Master）与 Worker、集群外的 kubectl、组件与插件。',
  },
  cluster: { nodes: 2 },
  steps: [
    {
      title: { en: 'A cluster is a set of machines', zh: '集群是一组机器' },
      narration: {
        en: 'A Kubernetes cluster is a group of machines called nodes. Here there are two: minikube and minikube-m02. Together they run your containers and keep them running. Press Next to look at each part.',
        zh: 'Kubernetes 集群是一组称为节点（Node）的机器。这里有两个：minikube 和 minikube-m02。它们一起运行你的容器，并让容器一直保持运行。点击“下一步”逐一查看各个部分。',
      },
      focus: ['minikube', 'minikube-m02'],
      until: { seconds: 2 },
      tryIt: ['kubectl get node'],
    },
    {
      title: { en: 'The control plane and its node', zh: '控制面与控制面节点' },
      narration: {
        en: 'The control plane decides what should run where and keeps watching. It is four components: kube-apiserver, etcd, kube-scheduler and kube-controller-manager. A node that runs them is a control-plane node (older material calls it the Master; kubectl get nodes shows its ROLES as control-plane).',
        zh: '控制面决定什么应该运行在哪里，并持续监视集群。它由四个组件组成：kube-apiserver、etcd、kube-scheduler 和 kube-controller-manager。运行它们的节点称为控制面节点（旧称 Master；kubectl get nodes 的 ROLES 列显示 control-plane）。',
      },
      focus: ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager'],
      until: { seconds: 2 },
      tryIt: ['kubectl get pod -n kube-system'],
    },
    {
      title: { en: 'kube-apiserver: the only door', zh: 'kube-apiserver：唯一的入口' },
      narration: {
        en: 'Every component talks only to kube-apiserver, the liaison. It checks who is asking (authentication), whether they may (authorization) and whether the request makes sense (admission, validation), then stores the result in etcd. Watch the faint dots, the nodes’ Lease renewals every 10 seconds: they go to kube-apiserver too, never straight to etcd.',
        zh: '所有组件都只和 kube-apiserver（联络员）通信。它检查请求者是谁（认证）、有没有权限（授权）、请求是否合理（准入、校验），然后把结果存进 etcd。看那些淡淡的小圆点，即各节点每 10 秒一次的 Lease 续约：它们也都发给 kube-apiserver，从不直接写 etcd。',
      },
      focus: ['kube-apiserver'],
      // Long enough for a round of Lease renewals (every 10 s) to pass through it.
      until: { seconds: 12 },
    },
    {
      title: { en: 'etcd: the cluster’s memory', zh: 'etcd：集群的记忆' },
      narration: {
        en: 'etcd, the configuration keeper, is a key-value store that holds every object: nodes, pods, deployments, leases. Only kube-apiserver reads and writes it, under keys like /registry/pods/default/web.',
        zh: 'etcd（配置管理员）是一个键值存储，保存所有对象：节点、Pod、Deployment、Lease。只有 kube-apiserver 会读写它，键名形如 /registry/pods/default/web。',
      },
      focus: ['etcd', 'kube-apiserver'],
      until: { seconds: 2 },
    },
    {
      title: {
        en: 'kube-scheduler and kube-controller-manager',
        zh: 'kube-scheduler 与 kube-controller-manager',
      },
      narration: {
        en: 'kube-scheduler, the dispatcher, picks a node for each new pod. kube-controller-manager, the operations watcher, runs control loops that compare what you asked for with what exists and fix the difference. Neither starts containers itself: they only write to kube-apiserver.',
        zh: 'kube-scheduler（部署人员）为每个新 Pod 选择节点。kube-controller-manager（监控运维人员）运行控制循环，比较你期望的状态和实际状态并消除差异。它们都不亲自启动容器：只向 kube-apiserver 写入。',
      },
      focus: ['kube-scheduler', 'kube-controller-manager'],
      until: { seconds: 2 },
    },
    {
      title: { en: 'The data plane: Worker nodes', zh: '数据面：Worker 节点' },
      narration: {
        en: 'The data plane is where your containers run: the Worker nodes. Each runs three node components: kubelet (the node’s steward), kube-proxy (the postman for Service traffic) and a container runtime (the labourer: docker here, as minikube uses it).',
        zh: '数据面是容器真正运行的地方：Worker 节点。每个节点运行三个节点组件：kubelet（节点管家）、kube-proxy（负责 Service 流量的邮差）和容器运行时（干活的工人：这里是 docker，与 minikube 一致）。',
      },
      focus: ['kubelet', 'kube-proxy', 'container runtime'],
      until: { seconds: 2 },
      tryIt: ['minikube ssh', 'ps -ef | grep kubelet'],
    },
    {
      title: { en: 'minikube: one node that is both', zh: 'minikube：一个节点身兼两职' },
      narration: {
        en: 'On minikube the first node, minikube, is the control-plane node and a worker at once: it runs the control plane and also its own kubelet, kube-proxy, runtime and pods. minikube-m02 is a pure Worker.',
        zh: '在 minikube 中，第一个节点 minikube 同时是控制面节点和 Worker：它既运行控制面，也运行自己的 kubelet、kube-proxy、运行时和 Pod。minikube-m02 是纯粹的 Worker。',
      },
      focus: ['minikube', 'kubelet minikube', 'kube-proxy minikube'],
      until: { seconds: 2 },
    },
    {
      title: { en: 'kubectl is outside the cluster', zh: 'kubectl 在集群之外' },
      narration: {
        en: 'kubectl is not part of the cluster: it is a command-line client on your machine that sends requests to kube-apiserver, like every other client.',
        zh: 'kubectl 不属于集群：它是你电脑上的命令行客户端，和其他客户端一样，向 kube-apiserver 发送请求。',
      },
      focus: ['kubectl', 'kube-apiserver'],
      until: { seconds: 2 },
      tryIt: ['kubectl cluster-info'],
    },
    {
      title: { en: 'Components and addons', zh: '组件与插件' },
      narration: {
        en: 'The seven components above make a working cluster. Addons add features on top and run as ordinary pods: CoreDNS gives Services names, the Dashboard is a web UI. minikube turns addons on and off.',
        zh: '上面七个组件构成一个可用的集群。插件（Addon）在其上增加功能，以普通 Pod 的形式运行：CoreDNS 为 Service 提供域名，Dashboard 是网页界面。minikube 可以开启或关闭插件。',
      },
      focus: ['CoreDNS', 'Dashboard'],
      until: { seconds: 2 },
      tryIt: ['minikube addons list'],
    },
    {
      title: { en: 'Heartbeats keep it honest', zh: '心跳让状态保持真实' },
      narration: {
        en: 'Even when nothing changes, every kubelet renews its Lease every 10 seconds through kube-apiserver. That is how the control plane knows each node is alive. The other workflows follow each process in detail.',
        zh: '即使没有任何变化，每个 kubelet 也会每 10 秒通过 kube-apiserver 续约它的 Lease。控制面就是这样知道每个节点还活着。其他工作流程会详细展示每个过程。',
      },
      focus: ['kubelet', 'kube-apiserver', 'etcd'],
      until: { message: { kind: 'request', from: 'kubelet', summary: 'leases/' } },
      limit: 15,
    },
  ],
};
