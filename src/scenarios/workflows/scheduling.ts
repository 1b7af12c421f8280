/**
 * Workflow 5: scheduling in depth. Nodes of different sizes, a taint and a nodeSelector: which
 * nodes kube-scheduler filters out and why, how the rest score, the winner; then a pod that fits
 * nowhere stays Pending with FailedScheduling until a bigger node joins.
 */
import type { Scenario } from '../types';

/** A single named Pod (like `kubectl run`, labelled run=<name>) asking for cpu and 256Mi. */
const pod = (name: string, cpu: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { run: name } },
  spec: {
    ...spec,
    containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu, memory: '256Mi' } } }],
  },
});

export const scheduling: Scenario = {
  id: 'scheduling',
  title: { en: 'Scheduling in depth', zh: '深入调度' },
  summary: {
    en: 'How kube-scheduler chooses a node: Filter plugins rule nodes out (a taint, a nodeSelector, not enough CPU), Score plugins rank the rest, the highest total wins. A pod that fits nowhere stays Pending until a bigger node joins.',
    zh: 'kube-scheduler 如何选择节点：过滤插件排除节点（污点、nodeSelector、CPU 不足），打分插件给剩下的节点排序，总分最高者胜出。哪里都放不下的 Pod 会一直 Pending，直到一个更大的节点加入。',
  },
  cluster: {
    nodes: 4,
    sizes: {
      'minikube-m03': { cpu: '4', memory: '8Gi' },
      'minikube-m04': { cpu: '8', memory: '16Gi' },
    },
    offAtStart: ['minikube-m04'],
  },
  steps: [
    {
      title: { en: 'Three nodes, two sizes', zh: '三个节点，两种规格' },
      narration: {
        en: 'Three nodes run: minikube and minikube-m02 have 2 CPUs and about 3.8 GiB of memory each, minikube-m03 has 4 CPUs and 8 GiB. kube-scheduler never measures how busy a node really is: it adds up the resource requests of the pods bound to it and compares them with the node’s allocatable. On minikube the control-plane pods, CoreDNS and kindnet (the pod network’s DaemonSet, one pod on every node) already request 850m CPU. A fourth machine, minikube-m04, is still switched off. (minikube itself gives every node the same size; here they differ to make the scores tell.)',
        zh: '集群里有三个节点在运行：minikube 和 minikube-m02 各有 2 个 CPU、约 3.8 GiB 内存，minikube-m03 有 4 个 CPU、8 GiB 内存。kube-scheduler 从不测量节点实际有多忙：它把已绑定到节点的 Pod 的资源请求（requests）加起来，与节点的可分配量（allocatable）比较。在 minikube 上，控制面的 Pod、CoreDNS 和 kindnet（Pod 网络的 DaemonSet，每个节点一个 Pod）已经请求了 850m CPU。第四台机器 minikube-m04 还没开机。（minikube 本身会给所有节点相同的规格；这里让它们不同，分数的差别才明显。）',
      },
      focus: ['minikube', 'minikube-m02', 'minikube-m03'],
      until: { seconds: 3 },
      tryIt: ['kubectl get nodes', 'kubectl describe node minikube-m03'],
    },
    {
      title: { en: 'A taint on minikube-m02', zh: '给 minikube-m02 加污点' },
      narration: {
        en: 'kubectl taint adds dedicated=gpu:NoSchedule to the Node’s spec.taints, an update kube-apiserver stores in etcd under /registry/minions/minikube-m02. From now on kube-scheduler’s TaintToleration filter refuses minikube-m02 for every pod that does not tolerate this taint. NoSchedule only keeps new pods away: the kindnet pod already running there stays (a NoExecute taint would evict it).',
        zh: 'kubectl taint 在 Node 的 spec.taints 中加入 dedicated=gpu:NoSchedule，kube-apiserver 把这次更新存进 etcd 的 /registry/minions/minikube-m02。从现在起，kube-scheduler 的 TaintToleration 过滤器会为所有不容忍这个污点的 Pod 排除 minikube-m02。NoSchedule 只挡住新 Pod：已经在上面运行的 kindnet Pod 不受影响（NoExecute 污点才会把它驱逐）。',
      },
      actions: [{ taint: { node: 'minikube-m02', key: 'dedicated', value: 'gpu', effect: 'NoSchedule' } }],
      until: { nodeTaint: { node: 'minikube-m02', key: 'dedicated' } },
      focus: ['kubectl', 'kube-apiserver', 'etcd', 'minikube-m02'],
      tryIt: [
        'kubectl taint nodes minikube-m02 dedicated=gpu:NoSchedule',
        'kubectl describe node minikube-m02 | grep Taints',
      ],
    },
    {
      title: { en: 'Filter, score, pick: the web pod', zh: '过滤、打分、选择：web Pod' },
      narration: {
        en: 'kubectl apply creates a single Pod, web, requesting 500m CPU and 256Mi of memory, with no nodeSelector and no toleration. kube-scheduler takes it from its queue, runs the Filter plugins on every node, then the Score plugins on the nodes that passed, and binds the pod to the highest total through the pods/binding subresource. The Details panel shows each node’s verdict: the filter that refused it, or every plugin’s score and the total.',
        zh: 'kubectl apply 创建一个单独的 Pod：web，请求 500m CPU 和 256Mi 内存，没有 nodeSelector，也没有容忍（toleration）。kube-scheduler 从队列中取出它，先在每个节点上运行过滤插件，再对通过的节点运行打分插件，然后通过 pods/binding 子资源把 Pod 绑定到总分最高的节点。详情面板列出每个节点的结果：拒绝它的过滤器，或者每个插件的分数与总分。',
      },
      actions: [{ apply: pod('web', '500m') }],
      until: { podScheduled: { selector: 'run=web' } },
      focus: ['kube-scheduler', 'kube-apiserver'],
      inspect: 'kube-scheduler',
      predict: {
        question: {
          en: 'Which node will kube-scheduler pick for web?',
          zh: 'kube-scheduler 会为 web 选择哪个节点？',
        },
        choices: 'nodes',
        answer: { podNode: 'run=web' },
        explain: {
          en: 'minikube-m03. minikube-m02 is filtered out first: TaintToleration reports “node(s) had untolerated taint {dedicated: gpu}”. minikube and minikube-m03 both pass and both get TaintToleration 100 (weight 3). The difference is NodeResourcesFit, whose LeastAllocated strategy favours free room: minikube, where the control plane already requests a good part of the 2 CPUs, scores 42; the bigger, nearly empty minikube-m03 scores 87. NodeResourcesBalancedAllocation adds 80 and 94, so the totals are 422 and 481: minikube-m03 wins.',
          zh: 'minikube-m03。minikube-m02 首先被过滤掉：TaintToleration 报告“node(s) had untolerated taint {dedicated: gpu}”。minikube 和 minikube-m03 都通过了过滤，TaintToleration 都得 100 分（权重 3）。差别在 NodeResourcesFit：它的 LeastAllocated 策略偏爱剩余空间多的节点。控制面已经请求了 minikube 那 2 个 CPU 中的一大部分，它只得 42 分；更大、几乎空闲的 minikube-m03 得 87 分。NodeResourcesBalancedAllocation 再分别加上 80 和 94，总分 422 对 481：minikube-m03 胜出。',
        },
      },
      tryIt: ['kubectl get pod web -o wide', 'kubectl describe pod web'],
    },
    {
      title: { en: 'Label two nodes disktype=ssd', zh: '给两个节点打上 disktype=ssd 标签' },
      narration: {
        en: 'kubectl label adds disktype=ssd to the labels of minikube and minikube-m02: two more updates of Node objects in etcd. Labels are how a pod chooses nodes: a nodeSelector lists labels a node must carry. minikube-m03 gets no such label. Every node already has built-in labels too, such as kubernetes.io/hostname and kubernetes.io/os.',
        zh: 'kubectl label 给 minikube 和 minikube-m02 加上标签 disktype=ssd：又是两次对 etcd 中 Node 对象的更新。Pod 正是通过标签来挑选节点的：nodeSelector 列出节点必须带有的标签。minikube-m03 没有这个标签。每个节点本来也带有内置标签，例如 kubernetes.io/hostname 和 kubernetes.io/os。',
      },
      actions: [
        { label: { node: 'minikube-m02', key: 'disktype', value: 'ssd' } },
        { label: { node: 'minikube', key: 'disktype', value: 'ssd' } },
      ],
      until: { nodeLabel: { node: 'minikube', key: 'disktype', value: 'ssd' } },
      focus: ['kubectl', 'kube-apiserver', 'etcd', 'minikube', 'minikube-m02'],
      tryIt: [
        'kubectl label node minikube disktype=ssd',
        'kubectl label node minikube-m02 disktype=ssd',
        'kubectl get nodes -L disktype',
      ],
    },
    {
      title: { en: 'A nodeSelector: the db pod', zh: '按 nodeSelector 选节点：db Pod' },
      narration: {
        en: 'Now a Pod db asks for the same 500m CPU and 256Mi, with nodeSelector disktype: ssd. kube-scheduler’s NodeAffinity filter compares the nodeSelector (and any required node affinity) with each node’s labels, while TaintToleration and NodeResourcesFit still apply. Watch the Details panel again.',
        zh: '现在 Pod db 同样请求 500m CPU 和 256Mi 内存，但带有 nodeSelector disktype: ssd。kube-scheduler 的 NodeAffinity 过滤器把 nodeSelector（以及必需的节点亲和性）与每个节点的标签比较，TaintToleration 和 NodeResourcesFit 也照常检查。再看一次详情面板。',
      },
      actions: [{ apply: pod('db', '500m', { nodeSelector: { disktype: 'ssd' } }) }],
      until: { podScheduled: { selector: 'run=db' } },
      focus: ['kube-scheduler', 'kube-apiserver'],
      inspect: 'kube-scheduler',
      predict: {
        question: {
          en: 'Which node will kube-scheduler pick for db?',
          zh: 'kube-scheduler 会为 db 选择哪个节点？',
        },
        choices: 'nodes',
        answer: { podNode: 'run=db' },
        explain: {
          en: 'minikube, the busiest node. minikube-m03 scored best a moment ago, but Filter comes before Score: it fails NodeAffinity (“node(s) didn’t match Pod’s node affinity/selector”). minikube-m02 has the label but still fails TaintToleration. Only minikube is left, and with a single feasible node there is nothing to rank. Filters are hard rules; scores only order the nodes that passed them.',
          zh: 'minikube，也就是最忙的节点。刚才得分最高的是 minikube-m03，但过滤在打分之前：它没通过 NodeAffinity（“node(s) didn’t match Pod’s node affinity/selector”）。minikube-m02 有这个标签，却依然过不了 TaintToleration。只剩下 minikube，只有一个可行节点时就无需排名。过滤是硬性规则；打分只为通过过滤的节点排序。',
        },
      },
      tryIt: ['kubectl get pod db -o wide'],
    },
    {
      title: { en: 'A pod that fits nowhere', zh: '哪里都放不下的 Pod' },
      narration: {
        en: 'Pod big requests 4 CPUs. minikube (2 CPUs) and minikube-m03 (4 CPUs, but web already requests 500m of them) fail NodeResourcesFit with Insufficient cpu; minikube-m02 fails on its taint. kube-scheduler records a Warning FailedScheduling Event, “0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.”, and sets the pod’s condition PodScheduled=False, reason Unschedulable. The pod stays Pending in the scheduler’s unschedulable queue (preemption cannot help: no pod here has a lower priority).',
        zh: 'Pod big 请求 4 个 CPU。minikube（2 个 CPU）和 minikube-m03（4 个 CPU，但 web 已经请求了其中的 500m）都没通过 NodeResourcesFit，原因是 Insufficient cpu；minikube-m02 则因污点被排除。kube-scheduler 记录一个 Warning 级别的 FailedScheduling Event：“0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.”，并把 Pod 的 PodScheduled 条件设为 False，原因 Unschedulable。Pod 停留在 Pending，待在调度器的不可调度队列里（抢占也帮不上忙：这里没有优先级更低的 Pod）。',
      },
      actions: [{ apply: pod('big', '4') }],
      until: { podUnschedulable: { selector: 'run=big' }, event: { reason: 'FailedScheduling' } },
      focus: ['kube-scheduler', 'kube-apiserver'],
      inspect: 'kube-scheduler',
      tryIt: [
        'kubectl get pod big',
        'kubectl describe pod big',
        'kubectl get events --field-selector reason=FailedScheduling',
      ],
    },
    {
      title: { en: 'A bigger node joins', zh: '一个更大的节点加入' },
      narration: {
        en: 'The machine minikube-m04 (8 CPUs, 16 GiB) boots and its kubelet registers the Node through kube-apiserver. kube-scheduler watches Nodes, and every added or changed Node moves the unschedulable pods back to its queue for another try. The first try still fails, with 0/4 nodes: until the kubelet reports Ready, a new node carries the taint node.kubernetes.io/not-ready:NoSchedule.',
        zh: '机器 minikube-m04（8 个 CPU、16 GiB）启动，它的 kubelet 通过 kube-apiserver 注册 Node。kube-scheduler 监视着 Node，每当有 Node 新增或变化，就把不可调度的 Pod 移回队列再试一次。第一次重试仍然失败，这次是 0/4 nodes：在 kubelet 报告 Ready 之前，新节点带着污点 node.kubernetes.io/not-ready:NoSchedule。',
      },
      actions: [{ startNode: 'minikube-m04' }],
      until: { nodeReady: { node: 'minikube-m04', status: 'True' } },
      focus: ['minikube-m04', 'kubelet minikube-m04', 'kube-apiserver', 'kube-scheduler'],
      inspect: 'kube-scheduler',
      tryIt: ['minikube node add', 'kubectl get nodes -w'],
    },
    {
      title: { en: 'The pending pod is scheduled', zh: 'Pending 的 Pod 被调度' },
      narration: {
        en: 'Once minikube-m04 is Ready, the node lifecycle controller in kube-controller-manager removes the not-ready taint. That Node update sends big back to the queue again; after its backoff (1 s, doubling with each failed attempt, at most 10 s) kube-scheduler runs another cycle. minikube-m04 is the only node that passes the filters, and the Scheduled Event reads “Successfully assigned default/big to minikube-m04”.',
        zh: 'minikube-m04 进入 Ready 后，kube-controller-manager 中的节点生命周期控制器移除了 not-ready 污点。这次 Node 更新再次把 big 送回队列；等过退避时间（1 秒起，每失败一次翻倍，最多 10 秒），kube-scheduler 再跑一轮调度。minikube-m04 是唯一通过过滤的节点，Scheduled Event 写着“Successfully assigned default/big to minikube-m04”。',
      },
      until: { podScheduled: { selector: 'run=big' } },
      focus: ['kube-controller-manager', 'kube-scheduler', 'kube-apiserver'],
      inspect: 'kube-scheduler',
      tryIt: ['kubectl get pod big -o wide'],
    },
    {
      title: { en: 'big runs on minikube-m04', zh: 'big 在 minikube-m04 上运行' },
      narration: {
        en: 'kubelet on minikube-m04 sees a pod bound to its node and starts it through the container runtime: RunPodSandbox, PullImage nginx:1.27, CreateContainer, StartContainer. A pod no node can take is never dropped: it waits, and kube-scheduler retries it whenever the cluster changes (a node joins, a taint goes, a pod is deleted) and at the latest after 5 minutes.',
        zh: 'minikube-m04 上的 kubelet 发现有 Pod 绑定到本节点，于是通过容器运行时启动它：RunPodSandbox、PullImage nginx:1.27、CreateContainer、StartContainer。没有节点能接收的 Pod 不会被丢弃：它会一直等待，每当集群发生变化（节点加入、污点移除、Pod 被删除）kube-scheduler 就会重试，最迟 5 分钟也会重试一次。',
      },
      until: { podsRunning: { selector: 'run=big', count: 1 } },
      focus: ['kubelet minikube-m04', 'container runtime'],
      tryIt: ['kubectl get pods -o wide'],
    },
  ],
};
