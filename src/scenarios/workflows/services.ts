/**
 * Workflow 8: services and traffic. A Service gets endpoints, kube-proxy on every node programs
 * its rules, CoreDNS resolves the name, and a request from a pod reaches a backend on another node.
 */
import type { Scenario } from '../types';
import { webDeployment } from './webDeployment';

const deployment = webDeployment(2);

const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] },
};

/** The pod the requests come from: a busybox shell on minikube (`kubectl run client`). */
const client = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'client', labels: { run: 'client' } },
  spec: {
    nodeSelector: { 'kubernetes.io/hostname': 'minikube' },
    containers: [{ name: 'client', image: 'busybox:1.36', command: ['sleep', 'infinity'] }],
  },
};

export const services: Scenario = {
  id: 'services',
  title: { en: 'Services and traffic', zh: 'Service 与流量' },
  summary: {
    en: 'A Service gets a ClusterIP and endpoints, kube-proxy on every node programs its rules, CoreDNS resolves the name, and a request from a pod on one node reaches a backend pod on another.',
    zh: 'Service 获得 ClusterIP 和端点，每个节点上的 kube-proxy 写好转发规则，CoreDNS 解析域名，一个节点上 Pod 发出的请求到达另一个节点上的后端 Pod。',
  },
  cluster: { nodes: 3 },
  setup: [{ apply: client }],
  setupUntil: { podsRunning: { selector: 'run=client', count: 1 } },
  steps: [
    {
      title: { en: 'Two web pods, and a client', zh: '两个 web Pod 和一个客户端' },
      narration: {
        en: 'A busybox pod, client, already runs on minikube; requests will start from it. Now kubectl apply creates a Deployment web with 2 nginx replicas. The Deployment and ReplicaSet controllers create the pods, kube-scheduler places them, and each node’s kubelet starts them. Each pod gets its own IP from its node’s pod range (10.244.<node>.0/24), but pods come and go, so clients should not use these IPs directly.',
        zh: '一个 busybox Pod（client）已经在 minikube 上运行，稍后的请求将从它发出。现在 kubectl apply 创建一个有 2 个 nginx 副本的 Deployment web。Deployment 控制器和 ReplicaSet 控制器创建 Pod，kube-scheduler 为它们选择节点，各节点的 kubelet 启动它们。每个 Pod 从所在节点的 Pod 网段（10.244.<node>.0/24）获得自己的 IP，但 Pod 随时会被替换，所以客户端不应直接使用这些 IP。',
      },
      actions: [{ apply: deployment }],
      until: { podsRunning: { selector: 'app=web', count: 2 } },
      focus: ['kubectl', 'kube-apiserver', 'kube-scheduler', 'kubelet'],
      tryIt: ['kubectl get pods -o wide'],
    },
    {
      title: { en: 'A Service gets a ClusterIP', zh: 'Service 获得 ClusterIP' },
      narration: {
        en: 'kubectl apply creates a Service web: selector app=web, port 80 to targetPort 80. kube-apiserver allocates it a stable virtual IP, the ClusterIP, from the service range 10.96.0.0/12, and stores the object in etcd under /registry/services/specs/default/web. No process listens on that IP: it only becomes reachable through the rules kube-proxy writes.',
        zh: 'kubectl apply 创建 Service web：选择器 app=web，端口 80 转到 targetPort 80。kube-apiserver 从 Service 网段 10.96.0.0/12 为它分配一个稳定的虚拟 IP，即 ClusterIP，并把对象存进 etcd 的 /registry/services/specs/default/web。没有任何进程监听这个 IP：只有通过 kube-proxy 写下的规则才能访问它。',
      },
      actions: [{ apply: service }],
      until: { message: { kind: 'etcd', summary: '/registry/services/specs/default/web' } },
      focus: ['kubectl', 'kube-apiserver', 'etcd'],
      tryIt: ['kubectl expose deployment web --port=80', 'kubectl get service web'],
    },
    {
      title: { en: 'The EndpointSlice lists the ready pods', zh: 'EndpointSlice 列出就绪的 Pod' },
      narration: {
        en: 'The endpointslice-controller in kube-controller-manager watches Services and Pods. For web it finds the pods matching app=web and writes an EndpointSlice web-<suffix>, labelled kubernetes.io/service-name=web: one endpoint per pod with its IP, its nodeName and the condition ready=true (the pod is Ready). When a pod goes away or stops being ready, the controller rewrites the slice.',
        zh: 'kube-controller-manager 中的 endpointslice-controller 监视 Service 和 Pod。对于 web，它找到匹配 app=web 的 Pod，写入一个 EndpointSlice web-<后缀>，带标签 kubernetes.io/service-name=web：每个 Pod 一个端点，包含它的 IP、nodeName 和条件 ready=true（Pod 处于 Ready）。Pod 消失或不再就绪时，控制器会重写这个 slice。',
      },
      until: { endpoints: { service: 'web', count: 2 } },
      focus: ['kube-controller-manager', 'kube-apiserver', 'etcd'],
      inspect: 'kube-controller-manager',
      tryIt: ['kubectl get endpointslices -l kubernetes.io/service-name=web', 'kubectl describe service web'],
    },
    {
      title: { en: 'kube-proxy on every node writes rules', zh: '每个节点上的 kube-proxy 写规则' },
      narration: {
        en: 'kube-proxy runs on every node and watches Services and EndpointSlices through kube-apiserver. Within a second (minSyncPeriod 1 s) each one rewrites its node’s iptables rules: traffic to the ClusterIP on port 80 jumps to a KUBE-SVC chain that picks one of the 2 ready endpoints at random and DNATs to that pod’s IP and port. kube-proxy only writes rules; the kernel carries every packet.',
        zh: 'kube-proxy 运行在每个节点上，通过 kube-apiserver 监视 Service 和 EndpointSlice。一秒之内（minSyncPeriod 为 1 秒），每个 kube-proxy 都会重写本节点的 iptables 规则：发往 ClusterIP 80 端口的流量跳转到一条 KUBE-SVC 链，由它在 2 个就绪端点中随机选一个，再 DNAT 到那个 Pod 的 IP 和端口。kube-proxy 只负责写规则；每个数据包都由内核转发。',
      },
      until: { proxyRules: { service: 'web', count: 2 } },
      focus: ['kube-proxy', 'kube-apiserver'],
      tryIt: ['minikube ssh', 'sudo iptables -t nat -L KUBE-SERVICES -n | grep web'],
    },
    {
      title: { en: 'CoreDNS resolves the name', zh: 'CoreDNS 解析域名' },
      narration: {
        en: 'The client asks for web. Its /etc/resolv.conf (search default.svc.cluster.local svc.cluster.local cluster.local, nameserver 10.96.0.10) turns that into web.default.svc.cluster.local and sends the query to 10.96.0.10, the ClusterIP of the kube-dns Service, which kube-proxy’s rules forward to CoreDNS. CoreDNS watches Services too, and answers with web’s ClusterIP. The answer returns the way the query came: on minikube the connection-tracking entry left by that DNAT hands it to the client as if from 10.96.0.10.',
        zh: 'client 查询 web。它的 /etc/resolv.conf（search default.svc.cluster.local svc.cluster.local cluster.local，nameserver 10.96.0.10）把名字补全为 web.default.svc.cluster.local，并把查询发往 10.96.0.10，即 kube-dns Service 的 ClusterIP，kube-proxy 的规则再把它转发给 CoreDNS。CoreDNS 同样监视着 Service，于是用 web 的 ClusterIP 作答。应答沿查询的原路返回：在 minikube 上，那次 DNAT 留下的连接跟踪（conntrack）条目把它交给 client，看起来就像来自 10.96.0.10。',
      },
      actions: [{ resolve: { fromNode: 'minikube', name: 'web.default.svc.cluster.local' } }],
      until: { message: { to: 'pods minikube', summary: 'DNS answer' } },
      focus: ['minikube', 'kube-proxy minikube', 'CoreDNS'],
      tryIt: ['kubectl exec client -- nslookup web', 'kubectl get service -n kube-system kube-dns'],
    },
    {
      title: { en: 'A request crosses nodes', zh: '请求跨越节点' },
      narration: {
        en: 'The client connects to the ClusterIP on port 80. On minikube the packet meets the rules kube-proxy wrote: the KUBE-SVC chain picks a ready endpoint and DNAT rewrites the destination to that pod’s IP. Both web pods run on other nodes, so the packet leaves minikube and the pod network carries it to the backend’s node. The client only knew the name web.',
        zh: 'client 连接 ClusterIP 的 80 端口。在 minikube 上，数据包遇到 kube-proxy 写好的规则：KUBE-SVC 链选出一个就绪端点，DNAT 把目标地址改写为那个 Pod 的 IP。两个 web Pod 都运行在其他节点上，所以数据包离开 minikube，由 Pod 网络送到后端所在的节点。client 自始至终只知道 web 这个名字。',
      },
      actions: [{ connect: { fromNode: 'minikube', service: 'web', port: 80 } }],
      until: { message: { kind: 'traffic', summary: 'DNAT' } },
      focus: ['minikube', 'kube-proxy minikube'],
      tryIt: ['kubectl exec client -- wget -qO- http://web'],
    },
  ],
};
