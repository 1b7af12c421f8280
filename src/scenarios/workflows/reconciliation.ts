/** Workflow 6: reconciliation — a deleted pod is replaced by the ReplicaSet controller; scaling up and down. */
import type { Scenario } from '../types';
import { webDeployment } from './webDeployment';

const deployment = webDeployment(3);

export const reconciliation: Scenario = {
  id: 'reconciliation',
  title: { en: 'Reconciliation: desired vs actual', zh: '调和：期望状态与实际状态' },
  summary: {
    en: 'Delete a pod of a Deployment and watch the ReplicaSet controller notice the difference and replace it; then scale up to 5 and down to 2.',
    zh: '删除 Deployment 的一个 Pod，看 ReplicaSet 控制器发现差异并补上新的；然后扩容到 5 个，再缩容到 2 个。',
  },
  cluster: { nodes: 1 },
  setup: [{ apply: deployment }],
  // The pods have run a while before the first step, so at the scale-down their ages tell them apart.
  setupUntil: { podsRunning: { selector: 'app=web', count: 3 }, seconds: 30 },
  steps: [
    {
      title: { en: 'Delete one pod', zh: '删除一个 Pod' },
      narration: {
        en: 'The Deployment web runs 3 nginx pods. kubectl delete pod asks kube-apiserver to delete one; it does not vanish at once: kube-apiserver sets its deletionTimestamp (a 30-second grace period) and the pod shows Terminating. kubelet on its node sees that and stops the container: the Killing Event, “Stopping container nginx”.',
        zh: 'Deployment web 运行着 3 个 nginx Pod。kubectl delete pod 请求 kube-apiserver 删除其中一个；它不会立刻消失：kube-apiserver 给它设置 deletionTimestamp（30 秒宽限期），Pod 显示为 Terminating。所在节点的 kubelet 看到后停止容器：产生 Killing 事件，“Stopping container nginx”。',
      },
      actions: [{ deletePod: { selector: 'app=web' } }],
      until: { event: { reason: 'Killing', kind: 'Pod' } },
      limit: 30,
      focus: ['kubectl', 'kube-apiserver', 'kubelet', 'container runtime'],
      tryIt: [
        'kubectl delete $(kubectl get pod -l app=web -o name | head -n 1)',
        'kubectl get pods -l app=web -w',
      ],
    },
    {
      title: { en: 'The ReplicaSet controller sees 2 of 3', zh: 'ReplicaSet 控制器发现只剩 2 个' },
      narration: {
        en: 'The ReplicaSet controller in kube-controller-manager watches Pods too. A pod with a deletionTimestamp no longer counts as active, so it compares: desired 3, actual 2, difference +1. It acts at once, creating a new Pod through kube-apiserver (SuccessfulCreate, “Created pod: web-…”), without waiting for the old one to finish. The Details panel shows each pass: desired, actual, diff and action.',
        zh: 'kube-controller-manager 中的 ReplicaSet 控制器同样监视 Pod。带有 deletionTimestamp 的 Pod 不再算作活跃，于是它进行比较：期望 3 个，实际 2 个，差 1 个。它立即行动，通过 kube-apiserver 创建一个新 Pod（SuccessfulCreate，“Created pod: web-…”），并不等旧 Pod 结束。详情面板显示每一轮的期望、实际、差异和动作。',
      },
      until: { event: { reason: 'SuccessfulCreate', kind: 'ReplicaSet' } },
      limit: 30,
      focus: ['kube-controller-manager', 'kube-apiserver', 'etcd'],
      inspect: 'kube-controller-manager',
      tryIt: ['kubectl describe replicaset -l app=web'],
    },
    {
      title: { en: 'The replacement starts, the old pod goes', zh: '替代 Pod 启动，旧 Pod 消失' },
      narration: {
        en: 'kube-scheduler binds the new pod to a node and that node’s kubelet starts it through the container runtime (Scheduled, Pulled, Created, Started). Meanwhile the old container has exited on SIGTERM, so kubelet removes its sandbox and finally deletes the Pod object. Again 3 pods run: actual equals desired.',
        zh: 'kube-scheduler 把新 Pod 绑定到一个节点，该节点的 kubelet 通过容器运行时启动它（Scheduled、Pulled、Created、Started）。与此同时，旧容器收到 SIGTERM 后已经退出，kubelet 清理它的沙箱，最后删除这个 Pod 对象。又是 3 个 Pod 在运行：实际状态等于期望状态。',
      },
      until: {
        podsRunning: { selector: 'app=web', count: 3 },
        podCount: { selector: 'app=web', count: 3 },
      },
      limit: 60,
      focus: ['kube-scheduler', 'kubelet', 'container runtime'],
      tryIt: ['kubectl get pods -l app=web -o wide'],
    },
    {
      title: { en: 'Scale up to 5', zh: '扩容到 5 个' },
      narration: {
        en: 'kubectl scale deployment web --replicas=5 changes only the Deployment’s spec.replicas. The Deployment controller passes the number on to its ReplicaSet (ScalingReplicaSet, “Scaled up replica set web-… from 3 to 5”). The ReplicaSet controller now sees desired 5, actual 3, creates 2 pods, and the scheduler and kubelet do the rest.',
        zh: 'kubectl scale deployment web --replicas=5 只修改 Deployment 的 spec.replicas。Deployment 控制器把这个数字传给它的 ReplicaSet（ScalingReplicaSet，“Scaled up replica set web-… from 3 to 5”）。ReplicaSet 控制器看到期望 5 个、实际 3 个，于是创建 2 个 Pod，剩下的交给调度器和 kubelet。',
      },
      actions: [{ scale: { deployment: 'web', replicas: 5 } }],
      until: { podsRunning: { selector: 'app=web', count: 5 } },
      limit: 60,
      focus: ['kubectl', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet'],
      inspect: 'kube-controller-manager',
      tryIt: ['kubectl scale deployment web --replicas=5', 'kubectl get replicaset -l app=web'],
    },
    {
      title: { en: 'Scale down to 2', zh: '缩容到 2 个' },
      narration: {
        en: 'kubectl scale deployment web --replicas=2: the ReplicaSet now has 5 active pods for 2 wanted, a difference of −3. The controller ranks its pods and deletes the first three (SuccessfulDelete); each one’s kubelet stops its container, and the Pod objects disappear.',
        zh: 'kubectl scale deployment web --replicas=2：ReplicaSet 现在有 5 个活跃 Pod，但只需要 2 个，差 −3。控制器对 Pod 排序，删除排在最前的三个（SuccessfulDelete）；各自节点的 kubelet 停止容器，Pod 对象随之消失。',
      },
      predict: {
        question: {
          en: 'The ReplicaSet must delete 3 of its 5 running pods. Which ones go?',
          zh: 'ReplicaSet 要从 5 个运行中的 Pod 里删除 3 个。删哪几个？',
        },
        choices: [
          { id: 'oldest', label: { en: 'The oldest ones', zh: '最老的' } },
          { id: 'newest', label: { en: 'The newest ones', zh: '最新的' } },
          { id: 'random', label: { en: 'Any three, at random', zh: '随机三个' } },
          { id: 'alphabetical', label: { en: 'The last ones by name', zh: '按名字排在最后的' } },
        ],
        answer: 'newest',
        explain: {
          en: 'The controller deletes the least useful pods first: unscheduled before scheduled, Pending before Running, not ready before ready, a lower pod-deletion-cost annotation first, pods doubled up on a node first, then the ones Ready for the shortest time. All five here run and are Ready on the same node, so age decides: the two just added and the replacement go, the two oldest stay. (Since LogarithmicScaleDown, pods of about the same age count as equal and are picked at random.)',
          zh: '控制器先删“最没用”的 Pod：未调度的先于已调度的，Pending 先于 Running，未就绪先于已就绪，pod-deletion-cost 注解较低的优先，同一节点上扎堆的优先，然后是就绪时间最短的。这里五个 Pod 都在同一节点上运行且已就绪，所以由“年龄”决定：刚扩出的两个和那个替代 Pod 被删除，最老的两个留下。（启用 LogarithmicScaleDown 后，年龄相近的 Pod 视为相同，在其中随机挑选。）',
        },
      },
      actions: [{ scale: { deployment: 'web', replicas: 2 } }],
      until: { podCount: { selector: 'app=web', count: 2 } },
      limit: 60,
      focus: ['kube-controller-manager', 'kube-apiserver', 'kubelet'],
      inspect: 'kube-controller-manager',
      tryIt: [
        'kubectl scale deployment web --replicas=2',
        'kubectl get events --field-selector reason=SuccessfulDelete',
      ],
    },
    {
      title: { en: 'Desired equals actual', zh: '期望等于实际' },
      narration: {
        en: 'Every pass of the loop now finds nothing to do: desired 2, actual 2, diff none. That is all a controller is: watch, compare, act, and do it again whenever anything changes. You never told Kubernetes which pods to make or delete, only how many you want.',
        zh: '现在控制循环的每一轮都无事可做：期望 2 个，实际 2 个，没有差异。控制器就是这样：监视、比较、行动，任何变化发生都再来一遍。你从未告诉 Kubernetes 该创建或删除哪些 Pod，只告诉它你想要几个。',
      },
      until: { seconds: 3 },
      focus: ['kube-controller-manager'],
      inspect: 'kube-controller-manager',
      tryIt: ['kubectl get deployment web', 'kubectl get replicaset -l app=web'],
    },
  ],
};
