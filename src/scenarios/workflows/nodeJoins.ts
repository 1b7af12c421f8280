/** Workflow 2: a node joins — kubelet registers its Node, the node turns Ready, `kubectl get node` lists it. */
import type { Scenario } from '../types';

export const nodeJoins: Scenario = {
  id: 'node-joins',
  title: { en: 'A node joins the cluster', zh: '节点加入集群' },
  summary: {
    en: 'minikube-m02 boots: its kubelet registers a Node through kube-apiserver into etcd, the controllers and the scheduler see it, kube-proxy and the kindnet network plugin land on it, and the node turns Ready.',
    zh: 'minikube-m02 启动：它的 kubelet 通过 kube-apiserver 把 Node 注册进 etcd，控制器和调度器看到它，kube-proxy 和 kindnet 网络插件落到它上面，节点变为 Ready。',
  },
  cluster: { nodes: 2, offAtStart: ['minikube-m02'] },
  steps: [
    {
      title: { en: 'The machine boots, kubelet registers', zh: '机器启动，kubelet 注册节点' },
      narration: {
        en: 'minikube node start minikube-m02 powers the machine on: the container runtime starts, then kubelet. kubelet’s first job is to register: it POSTs a Node object (capacity, allocatable, addresses, labels such as kubernetes.io/hostname) to kube-apiserver. Admission adds the taint node.kubernetes.io/not-ready:NoSchedule, and the object is stored in etcd under /registry/minions/minikube-m02 (the old name for nodes).',
        zh: 'minikube node start minikube-m02 让这台机器开机：先启动容器运行时，再启动 kubelet。kubelet 的第一件事是注册：向 kube-apiserver POST 一个 Node 对象（容量、可分配资源、地址，以及 kubernetes.io/hostname 等标签）。准入插件给它加上污点 node.kubernetes.io/not-ready:NoSchedule，然后对象存入 etcd 的 /registry/minions/minikube-m02（minions 是节点的旧称）。',
      },
      actions: [{ startNode: 'minikube-m02' }],
      until: { message: { kind: 'etcd', summary: 'PUT /registry/minions/minikube-m02' } },
      limit: 30,
      focus: ['minikube-m02', 'container runtime', 'kubelet minikube-m02', 'kube-apiserver', 'etcd'],
      tryIt: ['minikube node start minikube-m02', 'kubectl get node minikube-m02 -o yaml'],
    },
    {
      title: { en: 'The control plane sees a new node', zh: '控制面看到新节点' },
      narration: {
        en: 'kube-apiserver tells its watchers: ADDED Node minikube-m02. In kube-controller-manager the node lifecycle controller records RegisteredNode and starts watching the node’s heartbeats. The node still reports Ready=False (KubeletNotReady: the pod network is not up yet), so the controller also adds the taint not-ready:NoExecute. kube-scheduler adds the node to its cache, but the not-ready taint keeps ordinary pods away.',
        zh: 'kube-apiserver 通知它的监视者：ADDED Node minikube-m02。在 kube-controller-manager 中，节点生命周期控制器记录 RegisteredNode 事件，并开始关注这个节点的心跳。节点此时仍报告 Ready=False（KubeletNotReady：Pod 网络还没就绪），所以该控制器再加上 not-ready:NoExecute 污点。kube-scheduler 把节点加入缓存，但 not-ready 污点让普通 Pod 暂时不会调度过来。',
      },
      until: { event: { reason: 'RegisteredNode', kind: 'Node' } },
      limit: 30,
      focus: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'],
      inspect: 'kube-controller-manager',
      tryIt: ['kubectl describe node minikube-m02'],
    },
    {
      title: { en: 'kube-proxy and kindnet land on the new node', zh: 'kube-proxy 和 kindnet 落到新节点上' },
      narration: {
        en: 'The DaemonSet controller wants one pod per node of each of kube-system’s DaemonSets: kube-proxy, and kindnet, the pod network’s plugin (minikube’s CNI when a cluster has more than one node). It sees a node without them and creates kube-proxy-<hash> and kindnet-<hash>, pinned to minikube-m02 by node affinity and tolerating the not-ready taints. kube-scheduler binds them there, and kubelet starts them: kube-proxy’s image is already on the machine, kindnet’s is pulled first. Both use the host’s network, so they can run before the pod network exists. From now on this node programs Service rules too.',
        zh: 'DaemonSet 控制器要求 kube-system 的每个 DaemonSet 在每个节点上都有一个 Pod：kube-proxy，以及 Pod 网络插件 kindnet（集群有多个节点时 minikube 使用的 CNI）。它发现新节点上还没有，于是创建 kube-proxy-<hash> 和 kindnet-<hash>，用节点亲和性固定到 minikube-m02，并容忍 not-ready 污点。kube-scheduler 把它们绑定到该节点，kubelet 启动它们：kube-proxy 的镜像已在机器上，kindnet 的镜像要先拉取。两者都使用宿主机网络，所以能在 Pod 网络建立之前运行。从此这个节点也会编写 Service 转发规则。',
      },
      until: {
        podsRunning: { selector: 'k8s-app=kube-proxy', count: 2, namespace: 'kube-system' },
      },
      limit: 30,
      focus: ['kube-controller-manager', 'kube-scheduler', 'kubelet minikube-m02', 'kube-proxy'],
      tryIt: ['kubectl get daemonsets -n kube-system', 'kubectl get pod -n kube-system -o wide'],
    },
    {
      title: { en: 'The node turns Ready', zh: '节点变为 Ready' },
      narration: {
        en: 'The pod network needs a range for the node’s pods: right after the Node was stored, the node-ipam-controller in kube-controller-manager gave it 10.244.1.0/24 by PATCHing spec.podCIDR through kube-apiserver, and kubelet, which watches its own Node, handed that range to the container runtime (CRI UpdateRuntimeConfig). That is not enough yet: the runtime reports NetworkReady=false, “cni plugin not initialized”, until a CNI plugin’s config is on the machine. kindnet writes it: once its pod runs, kindnetd puts /etc/cni/net.d/10-kindnet.conflist there for the node’s range. kubelet recomputes the node’s status every 10 seconds (nodeStatusUpdateFrequency). Once the runtime and the pod network are ready, the Ready condition changes to True (KubeletReady, “kubelet is posting ready status”), so kubelet sends the status at once and records the NodeReady Event.',
        zh: 'Pod 网络需要为这个节点的 Pod 准备一个网段：Node 刚存入 etcd，kube-controller-manager 中的 node-ipam-controller 就通过 kube-apiserver PATCH 了 spec.podCIDR，分给它 10.244.1.0/24；kubelet 监视着自己的 Node，看到后把这个网段交给容器运行时（CRI UpdateRuntimeConfig）。但这还不够：在机器上有 CNI 插件的配置之前，运行时一直报告 NetworkReady=false（“cni plugin not initialized”）。这个配置由 kindnet 来写：它的 Pod 一运行，kindnetd 就按节点的网段写出 /etc/cni/net.d/10-kindnet.conflist。kubelet 每 10 秒（nodeStatusUpdateFrequency）重新计算一次节点状态。运行时和 Pod 网络就绪后，Ready 条件变为 True（KubeletReady，“kubelet is posting ready status”），状态有了变化，kubelet 立刻上报，并记录 NodeReady 事件。',
      },
      until: { nodeReady: { node: 'minikube-m02', status: 'True' } },
      limit: 30,
      focus: ['kubelet minikube-m02', 'kube-apiserver', 'etcd'],
      tryIt: ['kubectl get node minikube-m02 -o jsonpath=\'{.status.conditions[?(@.type=="Ready")]}\''],
    },
    {
      title: { en: 'The not-ready taints come off', zh: 'not-ready 污点被移除' },
      narration: {
        en: 'The node lifecycle controller in kube-controller-manager watches Nodes. It sees Ready=True and removes both node.kubernetes.io/not-ready taints. kube-scheduler, watching Nodes too, now counts minikube-m02 as a place for new pods.',
        zh: 'kube-controller-manager 中的节点生命周期控制器监视 Node。它看到 Ready=True，便移除两个 node.kubernetes.io/not-ready 污点。同样在监视 Node 的 kube-scheduler 从此把 minikube-m02 当作新 Pod 的候选节点。',
      },
      until: { nodeUntainted: { node: 'minikube-m02', key: 'node.kubernetes.io/not-ready' } },
      limit: 30,
      focus: ['kube-controller-manager', 'kube-apiserver', 'kube-scheduler'],
      inspect: 'kube-controller-manager',
      tryIt: ['kubectl describe node minikube-m02 | grep Taints'],
    },
    {
      title: { en: 'kubectl get node shows it', zh: 'kubectl get node 显示新节点' },
      narration: {
        en: 'kubectl get node reads the Nodes from kube-apiserver: minikube-m02 is listed as Ready, ROLES <none> (a worker), VERSION v1.34.0. From now on its kubelet renews its Lease every 10 seconds so the control plane knows it is alive; the next workflow follows those reports.',
        zh: 'kubectl get node 从 kube-apiserver 读取 Node 列表：minikube-m02 显示为 Ready，ROLES 为 <none>（工作节点），VERSION 为 v1.34.0。此后它的 kubelet 每 10 秒续约一次 Lease，让控制面知道它还活着；下一个工作流程会跟踪这些上报。',
      },
      until: { seconds: 3 },
      focus: ['kubectl', 'kube-apiserver', 'minikube-m02'],
      tryIt: ['kubectl get node', 'kubectl get node -o wide'],
    },
  ],
};
