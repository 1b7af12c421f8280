/**
 * Workflow 9: the runtime is pluggable. The same pod starts through the same CRI calls on docker
 * (through cri-dockerd), containerd or cri-o — the page's Runtime control picks which; kube-proxy
 * runs as a container, kubelet as a host process.
 */
import type { Scenario } from '../types';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { run: 'web' } },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80 }],
        resources: { requests: { cpu: '100m', memory: '64Mi' } },
      },
    ],
  },
};

export const runtimes: Scenario = {
  id: 'runtimes',
  title: { en: 'The runtime is pluggable', zh: '可插拔的容器运行时' },
  summary: {
    en: 'kubelet starts every pod through the same CRI calls, whatever the runtime: docker (through cri-dockerd), containerd or cri-o. kube-proxy runs as a container like any pod; kubelet runs as a process on the host.',
    zh: '无论用哪种运行时——docker（通过 cri-dockerd）、containerd 还是 cri-o——kubelet 都用同样的 CRI 调用启动每个 Pod。kube-proxy 和普通 Pod 一样以容器运行；kubelet 则是主机上的一个进程。',
  },
  cluster: { nodes: 2, runtime: 'docker' },
  steps: [
    {
      title: { en: 'kubelet calls the runtime over CRI', zh: 'kubelet 通过 CRI 调用运行时' },
      narration: {
        en: 'kubectl apply creates a Pod web and kube-scheduler binds it to minikube-m02. That node’s kubelet sees the pod, but it never runs containers itself: it calls the container runtime through the CRI (Container Runtime Interface), a gRPC API on a local socket. The first call is RunPodSandbox. Which runtime answers is chosen with the Runtime control above; docker is minikube’s default.',
        zh: 'kubectl apply 创建 Pod web，kube-scheduler 把它绑定到 minikube-m02。该节点的 kubelet 发现了这个 Pod，但它从不亲自运行容器：它通过 CRI（容器运行时接口，一个走本地 socket 的 gRPC API）调用容器运行时。第一个调用是 RunPodSandbox。由哪个运行时来响应，取决于上方的“运行时”控件；docker 是 minikube 的默认选择。',
      },
      actions: [{ apply: pod }],
      until: { message: { kind: 'cri', summary: 'RunPodSandbox default/web' } },
      focus: ['kube-scheduler', 'kubelet minikube-m02', 'container runtime'],
      tryIt: ['kubectl get pod web -o wide'],
    },
    {
      title: { en: 'RunPodSandbox: the pod’s home', zh: 'RunPodSandbox：Pod 的家' },
      narration: {
        en: 'RunPodSandbox makes the pod’s sandbox: the pause container that holds its network namespace, and the pod IP, which the CNI plugin assigns from the node’s range 10.244.1.0/24. Every container of the pod will join this namespace, which is why they can reach each other on localhost. The runtime answers with the sandbox id and IP.',
        zh: 'RunPodSandbox 创建 Pod 的沙箱：持有网络命名空间的 pause 容器，以及由 CNI 插件从节点网段 10.244.1.0/24 分配的 Pod IP。Pod 的所有容器都会加入这个命名空间，所以它们之间能通过 localhost 互相访问。运行时返回沙箱 id 和 IP。',
      },
      until: { message: { kind: 'cri-reply', summary: 'sandbox' } },
      focus: ['kubelet minikube-m02', 'container runtime'],
    },
    {
      title: { en: 'PullImage', zh: 'PullImage：拉取镜像' },
      narration: {
        en: 'The image nginx:1.27 is not on minikube-m02 yet (imagePullPolicy IfNotPresent, since the tag is not latest), so kubelet records the Event Pulling and calls PullImage. The runtime downloads the layers from the registry; kubelet then records Pulled with the time it took and the image size.',
        zh: 'minikube-m02 上还没有 nginx:1.27 镜像（标签不是 latest，所以 imagePullPolicy 为 IfNotPresent），于是 kubelet 记录 Pulling 事件并调用 PullImage。运行时从镜像仓库下载各层；随后 kubelet 记录 Pulled 事件，写明耗时和镜像大小。',
      },
      until: { message: { kind: 'cri-reply', summary: 'pulled nginx:1.27' } },
      focus: ['kubelet minikube-m02', 'container runtime'],
      tryIt: ['kubectl describe pod web'],
    },
    {
      title: { en: 'CreateContainer, StartContainer', zh: 'CreateContainer 与 StartContainer' },
      narration: {
        en: 'kubelet calls CreateContainer (Event Created: “Created container: nginx”) and StartContainer (Event Started), then reports the pod Running with its IP to kube-apiserver. These four CRI calls are the same on every runtime; only the program answering them differs.',
        zh: 'kubelet 调用 CreateContainer（Created 事件：“Created container: nginx”）和 StartContainer（Started 事件），然后向 kube-apiserver 报告 Pod 处于 Running 以及它的 IP。这四个 CRI 调用在所有运行时上都一样；不同的只是响应它们的程序。',
      },
      until: { podsRunning: { selector: 'run=web', count: 1 } },
      focus: ['kubelet minikube-m02', 'container runtime', 'kube-apiserver'],
      tryIt: ['kubectl get events --field-selector involvedObject.name=web'],
    },
    {
      title: { en: 'kube-proxy is a container', zh: 'kube-proxy 是一个容器' },
      narration: {
        en: 'kube-proxy is the DaemonSet kube-system/kube-proxy: one pod per node, named kube-proxy-<suffix>, whose container kubelet started through the same runtime, exactly like web. The control-plane components on minikube run as containers too, as static pods from /etc/kubernetes/manifests. Inside the node, docker ps lists them when the runtime is docker; with containerd or cri-o, sudo crictl ps does.',
        zh: 'kube-proxy 是 DaemonSet kube-system/kube-proxy：每个节点一个 Pod，名为 kube-proxy-<后缀>，它的容器由 kubelet 通过同一个运行时启动，和 web 完全一样。minikube 上的控制面组件也以容器运行，它们是来自 /etc/kubernetes/manifests 的静态 Pod。在节点内部，运行时为 docker 时用 docker ps 可以看到它们；用 containerd 或 cri-o 时则用 sudo crictl ps。',
      },
      until: { seconds: 3 },
      focus: ['kube-proxy', 'container runtime'],
      tryIt: [
        'kubectl get daemonset -n kube-system kube-proxy',
        'minikube ssh',
        'docker ps | grep kube-proxy',
        'sudo crictl ps | grep kube-proxy',
      ],
    },
    {
      title: { en: 'kubelet is a host process', zh: 'kubelet 是主机进程' },
      narration: {
        en: 'kubelet is not a pod: it is a systemd service on each node, started before any container, because it is what starts containers (the control plane’s static pods included). ps -ef | grep kubelet shows it with --config=/var/lib/kubelet/config.yaml, where containerRuntimeEndpoint names the runtime’s socket. Even now it renews its node’s Lease every 10 seconds.',
        zh: 'kubelet 不是 Pod：它是每个节点上的一个 systemd 服务，在任何容器之前启动，因为容器正是由它启动的（包括控制面的静态 Pod）。ps -ef | grep kubelet 可以看到它带着 --config=/var/lib/kubelet/config.yaml 运行，其中的 containerRuntimeEndpoint 指明运行时的 socket。即使此刻，它也在每 10 秒续约一次本节点的 Lease。',
      },
      until: { message: { kind: 'request', from: 'kubelet minikube-m02', summary: 'leases/' } },
      limit: 15,
      focus: ['kubelet'],
      tryIt: ['minikube ssh', 'ps -ef | grep kubelet', 'systemctl status kubelet'],
    },
    {
      title: { en: 'Same pod, another runtime', zh: '同一个 Pod，换一个运行时' },
      narration: {
        en: 'Now switch the Runtime control above to containerd or cri-o: the workflow replays on that runtime and web starts with the same RunPodSandbox, PullImage, CreateContainer and StartContainer. Only what answers kubelet’s socket changes: cri-dockerd in front of Docker Engine (minikube’s default), containerd’s built-in CRI plugin, or CRI-O. kubectl get nodes -o wide shows the runtime and its version in CONTAINER-RUNTIME.',
        zh: '现在把上方的“运行时”控件切换为 containerd 或 cri-o：工作流程会在那个运行时上重新播放，web 依然通过同样的 RunPodSandbox、PullImage、CreateContainer 和 StartContainer 启动。变的只是在 kubelet 的 socket 另一端应答的程序：Docker Engine 前面的 cri-dockerd（minikube 默认）、containerd 内置的 CRI 插件，或 CRI-O。kubectl get nodes -o wide 的 CONTAINER-RUNTIME 列显示运行时及其版本。',
      },
      until: { seconds: 2 },
      focus: ['container runtime', 'kubelet'],
      tryIt: ['minikube start --container-runtime=containerd', 'kubectl get nodes -o wide'],
    },
  ],
};
