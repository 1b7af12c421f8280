/**
 * Workflow 10: addons. `minikube addons list`, the addons a cluster starts with (CoreDNS from
 * kubeadm, minikube's storage-provisioner), and enabling the Dashboard: what it adds and how its
 * pods start like any other.
 */
import type { Scenario } from '../types';

export const addons: Scenario = {
  id: 'addons',
  title: { en: 'Addons', zh: '插件' },
  summary: {
    en: 'minikube addons list, the addons every cluster starts with (CoreDNS, storage-provisioner), and what enabling the Dashboard adds: its own namespace, two Deployments and two Services, started like any other pods.',
    zh: 'minikube addons list、每个集群自带的插件（CoreDNS、storage-provisioner），以及开启 Dashboard 会添加什么：它自己的命名空间、两个 Deployment 和两个 Service，它们的 Pod 和其他 Pod 一样启动。',
  },
  cluster: { nodes: 1 },
  steps: [
    {
      title: { en: 'minikube addons list', zh: '插件列表：minikube addons list' },
      narration: {
        en: 'Addons add features on top of the seven components, and they run as ordinary Kubernetes objects: Deployments, Pods, Services. minikube addons list shows minikube’s addons and their state: on a new cluster default-storageclass and storage-provisioner are enabled, while dashboard, metrics-server, ingress and most others are disabled.',
        zh: '插件在七个组件之上增加功能，它们以普通的 Kubernetes 对象运行：Deployment、Pod、Service。minikube addons list 列出 minikube 的插件及其状态：新集群里 default-storageclass 和 storage-provisioner 是开启的，dashboard、metrics-server、ingress 等大多数插件是关闭的。',
      },
      until: { seconds: 3 },
      tryIt: ['minikube addons list', 'kubectl get pod -A'],
    },
    {
      title: { en: 'CoreDNS: on from the start', zh: 'CoreDNS：从一开始就开启' },
      narration: {
        en: 'CoreDNS is the cluster DNS addon. kubeadm installs it while the cluster is created (its addon phase, together with kube-proxy), so it is on in every cluster and minikube addons list does not show it: the Deployment kube-system/coredns (one replica on minikube), the Service kube-dns at 10.96.0.10 and the ConfigMap coredns with its Corefile. It watches Services through kube-apiserver to answer names like web.default.svc.cluster.local.',
        zh: 'CoreDNS 是集群的 DNS 插件。kubeadm 在创建集群时安装它（在 addon 阶段，与 kube-proxy 一起），所以每个集群都开启着它，minikube addons list 里也不会列出：Deployment kube-system/coredns（minikube 上为 1 个副本）、地址为 10.96.0.10 的 Service kube-dns，以及保存 Corefile 的 ConfigMap coredns。它通过 kube-apiserver 监视 Service，以便解析 web.default.svc.cluster.local 这样的域名。',
      },
      until: { seconds: 3 },
      focus: ['CoreDNS'],
      tryIt: ['kubectl get deployment -n kube-system coredns', 'kubectl get service -n kube-system kube-dns'],
    },
    {
      title: { en: 'storage-provisioner', zh: 'storage-provisioner（存储供应）' },
      narration: {
        en: 'storage-provisioner is minikube’s own addon: a single Pod in kube-system, with no Deployment behind it, that creates a hostPath PersistentVolume for each PersistentVolumeClaim. The default-storageclass addon marks its StorageClass, standard, as the default, so a claim that names no class still gets a volume.',
        zh: 'storage-provisioner 是 minikube 自己的插件：kube-system 中一个单独的 Pod，背后没有 Deployment，它为每个 PersistentVolumeClaim 创建一个 hostPath 类型的 PersistentVolume。default-storageclass 插件把它的 StorageClass（standard）设为默认，所以没有指定存储类的 PVC 也能得到卷。',
      },
      until: { seconds: 3 },
      focus: ['minikube'],
      tryIt: ['kubectl get pod -n kube-system storage-provisioner', 'kubectl get storageclass'],
    },
    {
      title: { en: 'Enable the Dashboard', zh: '开启 Dashboard' },
      narration: {
        en: 'minikube addons enable dashboard applies the addon’s manifests through kube-apiserver, just as kubectl apply would: the Namespace kubernetes-dashboard, two Deployments (kubernetes-dashboard, the web UI, from kubernetesui/dashboard:v2.7.0, and dashboard-metrics-scraper from kubernetesui/metrics-scraper:v1.0.8) and a Service for each. Nothing is added to kube-system: the Dashboard lives in its own namespace. The real addon also creates a ServiceAccount, RBAC rules, a ConfigMap and a Secret, left out here.',
        zh: 'minikube addons enable dashboard 通过 kube-apiserver 应用插件的清单，和 kubectl apply 一样：命名空间 kubernetes-dashboard、两个 Deployment（网页界面 kubernetes-dashboard，镜像 kubernetesui/dashboard:v2.7.0；以及 dashboard-metrics-scraper，镜像 kubernetesui/metrics-scraper:v1.0.8），外加各自的 Service。kube-system 里不会多出任何东西：Dashboard 住在自己的命名空间里。真实的插件还会创建 ServiceAccount、RBAC 规则、一个 ConfigMap 和一个 Secret，这里略去。',
      },
      actions: [{ enableAddon: 'dashboard' }],
      until: {
        message: {
          kind: 'etcd',
          summary: '/registry/services/specs/kubernetes-dashboard/dashboard-metrics-scraper',
        },
      },
      focus: ['kube-apiserver', 'etcd'],
      tryIt: ['minikube addons enable dashboard', 'kubectl get all -n kubernetes-dashboard'],
    },
    {
      title: { en: 'Addon pods start like any other', zh: '插件的 Pod 和其他 Pod 一样启动' },
      narration: {
        en: 'Addon pods get no special treatment. The Deployment controller creates a ReplicaSet for each Deployment, the ReplicaSet controller a Pod, kube-scheduler binds both to minikube, and kubelet pulls the images and starts the containers. The dashboard image is large, so its pull takes several seconds; the endpointslice-controller adds each pod to its Service’s EndpointSlice once it is Ready.',
        zh: '插件的 Pod 没有任何特殊待遇。Deployment 控制器为每个 Deployment 创建 ReplicaSet，ReplicaSet 控制器创建 Pod，kube-scheduler 把它们绑定到 minikube，kubelet 拉取镜像并启动容器。dashboard 镜像较大，拉取要花好几秒；Pod 就绪后，endpointslice-controller 会把它加入对应 Service 的 EndpointSlice。',
      },
      until: {
        podsRunning: {
          selector: 'k8s-app=kubernetes-dashboard',
          count: 1,
          namespace: 'kubernetes-dashboard',
        },
      },
      focus: ['kube-controller-manager', 'kube-scheduler', 'kubelet', 'container runtime'],
      inspect: 'kube-controller-manager',
      tryIt: ['kubectl get pod -A', 'kubectl get deployment -n kubernetes-dashboard'],
    },
    {
      title: { en: 'dashboard-metrics-scraper runs', zh: 'dashboard-metrics-scraper 运行起来' },
      narration: {
        en: 'dashboard-metrics-scraper starts next: kubelet pulls images one at a time by default, so its pull waited for the dashboard’s. It collects CPU and memory figures from the Metrics API for the Dashboard’s graphs, which only has data once the metrics-server addon is enabled too (minikube addons enable metrics-server).',
        zh: '接着启动的是 dashboard-metrics-scraper：kubelet 默认一次只拉取一个镜像，所以它的拉取要等 dashboard 的完成。它从 Metrics API 收集 CPU 和内存数据，供 Dashboard 绘图；只有同时开启 metrics-server 插件（minikube addons enable metrics-server）后，才会有这些数据。',
      },
      until: {
        podsRunning: {
          selector: 'k8s-app=dashboard-metrics-scraper',
          count: 1,
          namespace: 'kubernetes-dashboard',
        },
      },
      focus: ['kubelet', 'container runtime'],
      tryIt: ['kubectl get pod -n kubernetes-dashboard -o wide'],
    },
    {
      title: { en: 'The Dashboard is one more API client', zh: 'Dashboard 只是又一个 API 客户端' },
      narration: {
        en: 'The Dashboard has no back door into the cluster: like kubectl, it lists and watches Pods, Nodes and other objects through kube-apiserver, with the permissions of its ServiceAccount. minikube dashboard starts a kubectl proxy to the kubernetes-dashboard Service and opens it in your browser; minikube addons disable dashboard deletes its objects again.',
        zh: 'Dashboard 没有进入集群的后门：和 kubectl 一样，它以自己 ServiceAccount 的权限，通过 kube-apiserver 列出并监视 Pod、Node 等对象。minikube dashboard 会启动一个指向 kubernetes-dashboard Service 的 kubectl proxy，并在浏览器中打开它；minikube addons disable dashboard 则会再把它的对象删掉。',
      },
      until: { seconds: 3 },
      focus: ['Dashboard', 'kube-apiserver'],
      tryIt: ['minikube dashboard', 'minikube dashboard --url'],
    },
  ],
};
