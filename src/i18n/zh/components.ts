import type { ComponentDetails } from '../componentText';
import type { ComponentTextKey } from '../en/components';

/**
 * Inspector text for each component, in Simplified Chinese.
 * Same keys and placeholders as the English catalog; `cmd` is never translated.
 */
export const componentsZh: Record<ComponentTextKey, ComponentDetails> = {
  kubectl: {
    analogy: '遥控器',
    role: '装在你自己电脑上的命令行客户端，位于集群之外。它从 ~/.kube/config 读取 kube-apiserver 的地址（minikube 使用 docker 驱动时是 https://192.168.49.2:8443），以及证明你身份的证书。凡是要访问集群的命令，都会变成一个发往 kube-apiserver REST API 的 HTTPS 请求，返回结果再以表格、YAML 或 JSON 的形式打印出来；也有少数命令（例如 kubectl config）只读写这个本地文件。',
    talksTo: [
      'kube-apiserver — 通过 HTTPS 发送 REST 请求（GET、POST、PATCH、DELETE），并带上你的客户端证书；返回对象或表格',
      'kube-apiserver — 执行 kubectl logs、exec、port-forward 时建立一条流式连接，由 kube-apiserver 转接到 Pod 所在节点的 kubelet',
      '~/.kube/config — 不是通信对象，而是一个本地文件：里面有服务器地址、集群的 CA 证书和你的凭据',
    ],
    neverTalksTo:
      '它从不直接与 etcd、kube-scheduler、kube-controller-manager、kubelet 或容器运行时通信。就连 kubectl logs 和 kubectl exec 也是发给 kube-apiserver，由它替你去连接 kubelet。',
    runsAs:
      '只是你电脑上的一个程序，不属于集群：集群里没有任何地方运行它。minikube start 会在 ~/.kube/config 中写入一个名为 minikube 的 context；minikube kubectl -- 则会运行一个与集群版本相匹配的 kubectl。',
    commands: [
      {
        cmd: 'kubectl get node',
        says: '列出所有节点。结果来自 kube-apiserver，而不是直接来自各个节点。',
      },
      {
        cmd: 'kubectl config view --minify',
        says: '只读取 ~/.kube/config，不访问集群：显示当前 context，server 为 https://192.168.49.2:8443，user 为 minikube（在 macOS 和 Windows 上，docker 驱动显示的是 https://127.0.0.1:<port>）。',
      },
      {
        cmd: 'kubectl cluster-info',
        says: '打印控制面的访问地址：“Kubernetes control plane is running at https://192.168.49.2:8443”，以及 CoreDNS 的地址。',
      },
      {
        cmd: 'kubectl get pod -n kube-system',
        says: '列出系统 Pod。加上 -v=6 可以看到背后的 REST 请求：对 https://192.168.49.2:8443/api/v1/namespaces/kube-system/pods?limit=500 的 GET，响应为 200 OK。',
      },
    ],
  },

  'kube-apiserver': {
    analogy: '联络员',
    role: '集群的大门，而且是唯一的一道门。每个请求都要先经过认证（你是谁？）和鉴权（你能做这件事吗？）。写请求（create、update、patch、delete）还要再经过准入（补默认值、执行策略）和校验，之后才写入 etcd；所有 watch 这类对象的组件都会立刻收到变更通知。读请求则直接作答，大多由 watch 缓存（它在内存里保存的一份 etcd 副本）提供。其他组件之间从不直接对话：它们都在这里碰头。',
    talksTo: [
      'etcd — 每一次写入、watch 缓存答不了的读取，以及让缓存保持最新的 watch（gRPC，端口 2379）',
      'kubectl — 接收来自你电脑的 REST 请求，以对象或表格作答',
      'kube-scheduler — 把还在等待节点的 Pod，以及 Node 和已调度的 Pod 推送给它；接收它为每个安置好的 Pod 写下的 Binding',
      'kube-controller-manager — 把各个控制器关注的对象推送给它；接收它们写入的 Pod、EndpointSlice 和状态更新',
      'kubelet — 把绑定到各节点的 Pod 推送给对应的 kubelet；接收 Node 状态、Lease 续约、Pod 状态和 Event',
      'kubelet（反方向）— 执行 kubectl logs、exec、port-forward 时，由 kube-apiserver 主动连接 kubelet 的 10250 端口',
      'kube-proxy 和 CoreDNS — 向它们推送 Service 和 EndpointSlice',
      'Dashboard — 与 kubectl 使用同一套 REST API',
    ],
    neverTalksTo:
      '它从不调度 Pod、不启动容器，也不负责把工作负载推向期望状态：它只负责把请求存下来，再通知各个 watcher。它还是唯一读写 etcd 的组件，其他组件根本拿不到 etcd 的地址和证书。',
    runsAs:
      'kube-system 中静态 Pod（static pod）kube-apiserver-minikube 里的一个容器。kubelet 根据 /etc/kubernetes/manifests 中的文件启动它，所以在还没有任何 API 可用之前，它就能跑起来。minikube 让它监听 8443 端口（docker 驱动下为 https://192.168.49.2:8443）。',
    commands: [
      {
        cmd: 'kubectl get pod -n kube-system kube-apiserver-minikube',
        says: '从 API 看到的这个静态 Pod（即它的 mirror Pod）：1/1 Running，名字以节点名结尾。',
      },
      {
        cmd: 'kubectl cluster-info',
        says: '“Kubernetes control plane is running at https://192.168.49.2:8443”：所有客户端使用的就是这个地址。',
      },
      {
        cmd: 'minikube ssh "{{ps}} | grep kube-apiserver"',
        says: '向节点上的容器运行时查询：kube-apiserver 容器，和其他容器一样在运行。使用 docker 时还会多出一行，即这个 Pod 的 pause 容器（k8s_POD_…）；crictl ps 只列出应用容器，Pod 沙箱要用 sudo crictl pods 查看。',
      },
    ],
  },

  etcd: {
    analogy: '配置管理员',
    role: '集群的记忆：一个强一致的键值存储，所有对象都存放在这里，键名形如 /registry/pods/default/nginx。每次写入都会让全集群共用的 revision 计数加一，kube-apiserver 把它作为对象的 resourceVersion 展示出来；watcher 可以要求获取某个 revision 之后的全部变更。在生产环境的高可用集群中，由 3 个或 5 个 etcd 成员通过 Raft 协议对每次写入达成一致；minikube 只运行一个成员。',
    talksTo: [
      'kube-apiserver — 在 2379 端口上通过 gRPC 进行读取（range）、写入（put、delete、事务）和 watch，使用双向 TLS 认证',
      '其他 etcd 成员 — 在 2380 端口上交换 Raft 消息（单节点 minikube 上没有其他成员）',
    ],
    neverTalksTo:
      '只有 kube-apiserver 读写 etcd（kubelet 只是探测它的健康检查端点）。调度器、各个控制器、kubelet、kubectl 以及其他所有组件都要经过 kube-apiserver，由它先检查每个请求，再把数据写进去。',
    runsAs:
      'kube-system 中静态 Pod etcd-minikube 里的一个容器，由 kubelet 根据 /etc/kubernetes/manifests 启动。数据保存在节点磁盘上的 /var/lib/minikube/etcd 目录，容器重启后数据依然还在。',
    commands: [
      {
        cmd: 'kubectl get pod -n kube-system etcd-minikube',
        says: 'etcd 的静态 Pod：一个容器，1/1 Running。',
      },
      {
        cmd: 'kubectl -n kube-system exec etcd-minikube -- etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/var/lib/minikube/certs/etcd/ca.crt --cert=/var/lib/minikube/certs/etcd/healthcheck-client.crt --key=/var/lib/minikube/certs/etcd/healthcheck-client.key get /registry/pods --prefix --keys-only',
        says: '列出每个 Pod 的键，例如 /registry/pods/kube-system/etcd-minikube。值是二进制的 protobuf，所以查看对象还是要通过 kube-apiserver。',
      },
      {
        cmd: 'minikube ssh "sudo ls /var/lib/minikube/etcd/member"',
        says: 'snap 和 wal：控制面节点磁盘上的数据库快照和预写日志（WAL）。',
      },
    ],
  },

  'kube-scheduler': {
    analogy: '部署人员',
    role: '为每个还没有节点的新 Pod 挑选一个节点。Filter 插件（NodeResourcesFit、TaintToleration、NodeAffinity 等）先排除容纳不了这个 Pod 的节点；Score 插件再给剩下的节点打 0 到 100 分，加权总分最高的节点胜出。它通过 kube-apiserver 写入一个 Binding 来记录这个选择，并产生 Event“Successfully assigned default/nginx to minikube”。如果没有任何节点合适，Pod 会一直处于 Pending，并带有 FailedScheduling Event，例如“0/3 nodes are available: 3 Insufficient cpu. …”。',
    talksTo: [
      'kube-apiserver — watch 没有 spec.nodeName 的 Pod，以及判断节点能否容纳时要用到的 Node 和已调度的 Pod',
      'kube-apiserver — 提交 Binding，设置 Pod 的 spec.nodeName',
      'kube-apiserver — 写入 Scheduled 或 FailedScheduling Event，以及 Pod 的 PodScheduled 状态条件',
    ],
    neverTalksTo:
      '它从不与 kubelet 或容器运行时通信，也从不启动容器：Binding 只是写入 kube-apiserver 的一条记录，被选中节点上的 kubelet 通过自己的 watch 看到它。它也从不碰 etcd。',
    runsAs:
      'kube-system 中静态 Pod kube-scheduler-minikube 里的一个容器，由控制面节点上的 kubelet 根据 /etc/kubernetes/manifests 启动。minikube 以 --leader-elect=false 运行它：只有一个控制面节点，没有第二份需要轮流工作，所以也没有 Lease kube-system/kube-scheduler。',
    commands: [
      {
        cmd: 'kubectl get pod -n kube-system kube-scheduler-minikube',
        says: '调度器的静态 Pod，1/1 Running。',
      },
      {
        cmd: 'kubectl describe pod <name>',
        says: '看底部的 Events：来自 default-scheduler 的 Scheduled 及选中的节点，或者 FailedScheduling 及每个节点被排除的原因。',
      },
      {
        cmd: 'kubectl get events -A --field-selector reason=FailedScheduling',
        says: '所有 namespace 中调度失败的记录，每条都带着“0/N nodes are available: …”消息。Event 默认只保留 1 小时，更早的失败已经查不到；而之后已被安置的 Pod，仍会显示它先前的失败记录。',
      },
    ],
  },

  'kube-controller-manager': {
    analogy: '监控运维人员',
    role: '一个进程里运行着几十个控制器。每个控制器都是一个控制循环：watch 自己负责的对象，比较期望状态与实际状态，再通过 kube-apiserver 采取行动来消除差距。ReplicaSet 的 Pod 不够时，replicaset-controller 会创建新的 Pod。某个节点的 kubelet 沉默超过 50 秒时，node-lifecycle-controller 会把它标记为 Ready=Unknown，并打上污点（taint）node.kubernetes.io/unreachable。Pod 对这个污点的 300 秒容忍期一过，taint-eviction-controller（1.29 起从 node-lifecycle 中拆分出来）就会驱逐它；只有归控制器管理的 Pod（例如属于某个 ReplicaSet 的 Pod）才会有新的 Pod 替代。',
    talksTo: [
      'kube-apiserver — 通过 shared informer 对 Deployment、ReplicaSet、Pod、Node、节点 Lease、Service 等对象做 list 和 watch',
      'kube-apiserver — 创建和删除 Pod，更新 ReplicaSet，写入 EndpointSlice，设置 Node 的状态条件和污点',
      'kube-apiserver — 写入 SuccessfulCreate、ScalingReplicaSet、NodeNotReady、TaintManagerEviction 等 Event',
    ],
    neverTalksTo:
      '它从不直接与 kubelet、kube-scheduler 或 etcd 通信。它不挑选节点，也不启动容器：它只创建 Pod 对象，剩下的交给 kube-scheduler 和 kubelet，全程都经过 kube-apiserver。',
    runsAs:
      'kube-system 中静态 Pod kube-controller-manager-minikube 里的一个容器，由 kubelet 根据 /etc/kubernetes/manifests 启动。minikube 以 --leader-elect=false 运行它，所以没有 leader Lease。（有多个控制面节点、每个节点各运行一份时，会开启选主，只有持有 Lease kube-system/kube-controller-manager 的那一份真正工作。）',
    commands: [
      {
        cmd: 'kubectl get pod -n kube-system kube-controller-manager-minikube',
        says: '这个静态 Pod 只有一个容器，里面装着全部控制器。',
      },
      {
        cmd: 'kubectl get lease -n kube-system',
        says: '这里没有 leader Lease：minikube 为 kube-controller-manager 和 kube-scheduler 关闭了选主。有多个控制面节点时，HOLDER 列会显示正在工作的那一份。',
      },
      {
        cmd: 'kubectl get events -A --field-selector reason=SuccessfulCreate',
        says: '最近 1 小时内各控制器创建的对象（Event 默认保留 1 小时），例如 replicaset-controller 的“Created pod: …”。Job、CronJob、DaemonSet 和 StatefulSet 的控制器报告创建时也用这个 reason。',
      },
    ],
  },

  kubelet: {
    analogy: '节点管家',
    role: '{{node}} 上的代理程序。它注册 Node，每 10 秒续约一次 Lease，并上报节点状态。它 watch 绑定到 {{node}} 的 Pod，并让它们真正跑起来：通过 CRI 让 {{runtime}} 拉取镜像、创建 Pod 沙箱（sandbox）和容器，然后启动它们。之后它持续照看这些容器（探针、重启），并把每个 Pod 的状态报告给 kube-apiserver。',
    talksTo: [
      'kube-apiserver — watch spec.nodeName 为 {{node}} 的 Pod；上报 Node 状态、Pod 状态和 Event',
      'kube-apiserver — 每 10 秒续约一次 Lease kube-node-lease/{{node}}：这就是心跳',
      '{{runtime}} — 通过本地 socket 发起 CRI 调用（gRPC；使用 docker 时，调用的是适配器 cri-dockerd）：拉取镜像、运行 Pod 沙箱、创建并启动容器、查询容器状态',
      'kube-apiserver（反向连入）— 为 kubectl logs、exec、port-forward 连接 kubelet 的 10250 端口',
      '{{node}} 上的 Pod — 按每个探针的周期执行探测：对 Pod IP 发 HTTP GET 或建立 TCP 连接（exec 探针经由 {{runtime}} 执行）。就绪探针失败，Pod 就不进入其 Service 的端点；存活探针失败，容器会被重启',
    ],
    neverTalksTo:
      '它从不与 kube-scheduler、kube-controller-manager、etcd 或其他节点上的 kubelet 通信：它从 kube-apiserver 领取任务，也向 kube-apiserver 汇报。它只指挥本节点上的容器运行时，也只探测本节点上的 Pod。',
    runsAs:
      '{{node}} 上的宿主机进程（systemd 服务 kubelet），不是容器。容器正是由它启动的，控制面的静态 Pod 也不例外，所以它必须在任何容器出现之前就运行起来，而且需要直接访问宿主机的 cgroup、挂载点和容器运行时的 socket。',
    commands: [
      {
        cmd: 'minikube ssh -n {{node}}',
        says: '在 {{node}} 上打开一个 shell；接下来的两条命令在那里执行。',
      },
      {
        cmd: 'ps -ef | grep kubelet',
        says: '一个普通进程 /var/lib/minikube/binaries/v1.34.0/kubelet 及其参数，而不是容器。（在控制面节点上，kube-apiserver 那一行也会被匹配到，因为它的参数里提到了 kubelet。）',
      },
      {
        cmd: 'systemctl status kubelet',
        says: 'systemd 单元：active (running)，一旦停止会被 systemd 重新拉起。',
      },
      {
        cmd: 'kubectl get lease -n kube-node-lease',
        says: '每个节点一个 Lease，由该节点的 kubelet 持有，每 10 秒续约一次。',
      },
    ],
  },

  'kube-proxy': {
    analogy: '邮差',
    role: '让 Service 在 {{node}} 上生效：它像邮差一样决定每个 Service 的数据包该送到哪里，办法是写下内核遵循的路由规则。它 watch Service 和 EndpointSlice，把它们翻译成节点上的规则（默认为 iptables，另有 ipvs 和 nftables 模式），于是每个发往 Service ClusterIP 的新连接都会被改写（DNAT）到随机挑选的一个就绪 Pod。数据包由内核按这些规则转发；在 iptables 模式下，kube-proxy 自己并不在数据包的转发路径上。',
    talksTo: [
      'kube-apiserver — watch Service、EndpointSlice 以及自己所在的 Node',
      '{{node}} 的内核 — 用 iptables-restore 写入 nat 表中的 KUBE-SERVICES、KUBE-SVC-…、KUBE-SEP-… 链',
      'Pod — Service 流量按它写下的规则到达这些 Pod：转发由内核完成，数据包从不经过 kube-proxy 进程本身',
    ],
    neverTalksTo:
      '它从不与 kubelet、kube-scheduler 或 etcd 通信，也从不去问某个 Pod 是否就绪：就绪与否只会以 EndpointSlice 更新的形式，从 kube-apiserver 传给它。',
    runsAs:
      '是容器：DaemonSet kube-system/kube-proxy 在每个节点上运行一个 Pod，名字形如 kube-proxy-9fz6k。它之所以能以 Pod 的形式运行，是因为它只需要 kubelet 和容器运行时已经就位；它使用宿主机网络并以特权模式运行，这样才能修改节点上的规则。',
    commands: [
      {
        cmd: 'kubectl get pod -n kube-system -l k8s-app=kube-proxy -o wide',
        says: '每个节点一个 kube-proxy Pod；NODE 列显示它们各自运行在哪个节点上。',
      },
      {
        cmd: 'minikube ssh -n {{node}} "{{ps}} | grep kube-proxy"',
        says: '{{node}} 上的 kube-proxy 容器：和 kubelet 不同，它是容器。使用 docker 时，它的 pause 容器（k8s_POD_kube-proxy-…）也会出现。',
      },
      {
        cmd: 'minikube ssh -n {{node}} "sudo iptables -t nat -L KUBE-SERVICES -n"',
        says: 'kube-proxy 在 {{node}} 上写下的规则：每个 Service 端口一条，匹配其 ClusterIP，并跳转到一条 KUBE-SVC-… 链，再由其中的 KUBE-SEP-… 规则选出一个 Pod。',
      },
    ],
  },

  docker: {
    analogy: '干活的工人',
    role: '在 {{node}} 上运行容器，是 minikube 的默认运行时。自从 Kubernetes v1.24 移除 dockershim 以来，kubelet 不再直接使用 Docker 自己的 API，而是通过 CRI 与一个小型适配器 cri-dockerd 通信，再由 cri-dockerd 驱动 Docker Engine（Docker Engine 底层又使用 containerd 和 runc）。每个 Pod 对应一个持有 Pod 网络的 pause 容器，再加上 Pod 中每个容器各一个。',
    talksTo: [
      'kubelet — 经由 cri-dockerd 在 /var/run/cri-dockerd.sock 上接收 CRI 调用：拉取镜像、运行 Pod 沙箱、创建、启动、停止、报告状态',
      'Docker Engine — cri-dockerd 把每个 CRI 调用转换为 /var/run/docker.sock 上的 Docker API 调用',
      '镜像仓库 — 拉取镜像层，例如来自 docker.io 或 registry.k8s.io',
      '{{node}} 的内核 — 为每个容器创建 namespace 和 cgroup',
    ],
    neverTalksTo:
      '它从不与 kube-apiserver 或任何其他控制面组件通信：它不认识作为 API 对象的 Pod 和 Node，只执行 kubelet 的调用。',
    runsAs:
      '{{node}} 上的宿主机进程：systemd 服务 docker 和 cri-docker。kubelet 启动任何容器之前它们就必须已经在运行，所以它们自己不可能是 Pod。',
    commands: [
      {
        cmd: 'minikube ssh -n {{node}}',
        says: '在 {{node}} 上打开一个 shell；接下来的两条命令在那里执行。',
      },
      {
        cmd: 'docker ps',
        says: '节点上的所有容器，命名为 k8s_<container>_<pod>_<namespace>_…，另外每个 Pod 还有一个 k8s_POD_… pause 容器。',
      },
      {
        cmd: 'docker images',
        says: '节点上已有的镜像，例如 registry.k8s.io/kube-apiserver 和 registry.k8s.io/pause。',
      },
      {
        cmd: 'kubectl get node -o wide',
        says: 'CONTAINER-RUNTIME 列显示 docker://<version>。',
      },
    ],
  },

  containerd: {
    analogy: '干活的工人',
    role: '在 {{node}} 上运行容器。containerd 以插件形式内置了 CRI，所以 kubelet 直接与它通信，中间不需要适配器。它负责拉取镜像、保存在自己的存储中，并通过 runc 启动容器。用 --container-runtime=containerd 启动 minikube 时，就会使用它。',
    talksTo: [
      'kubelet — 在 /run/containerd/containerd.sock 上接收 CRI 调用（gRPC）：拉取镜像、运行 Pod 沙箱、创建、启动、停止、报告状态',
      '镜像仓库 — 拉取镜像层，例如来自 docker.io 或 registry.k8s.io',
      '{{node}} 的内核 — 通过 runc 为每个容器创建 namespace 和 cgroup',
    ],
    neverTalksTo: '它从不与 kube-apiserver 或任何其他控制面组件通信：它只在本节点上执行 kubelet 的调用。',
    runsAs:
      '{{node}} 上的宿主机进程：systemd 服务 containerd。kubelet 启动任何容器之前它就必须已经在运行，所以它自己不可能是 Pod。',
    commands: [
      {
        cmd: 'minikube start --container-runtime=containerd',
        says: '创建一个节点使用 containerd（而不是 Docker）的集群。',
      },
      {
        cmd: 'sudo crictl pods',
        says: '在 minikube ssh -n {{node}} 里执行：列出 Pod 沙箱，走的是与 kubelet 相同的 CRI。',
      },
      {
        cmd: 'sudo crictl ps',
        says: '在 minikube ssh -n {{node}} 里执行：正在运行的容器。这里用不了 docker ps：选用其他运行时后，minikube 会停掉节点上的 Docker。',
      },
      {
        cmd: 'kubectl get node -o wide',
        says: 'CONTAINER-RUNTIME 列显示 containerd://<version>。',
      },
    ],
  },

  'cri-o': {
    analogy: '干活的工人',
    role: '在 {{node}} 上运行容器。CRI-O 生来只为一件事：实现 Kubernetes 的 CRI，它的版本号也与 Kubernetes 保持同步。kubelet 直接与它通信；它负责拉取镜像，并通过 crun 或 runc 等 OCI 运行时启动容器。用 --container-runtime=cri-o 启动 minikube 时，就会使用它。',
    talksTo: [
      'kubelet — 在 /var/run/crio/crio.sock 上接收 CRI 调用（gRPC）：拉取镜像、运行 Pod 沙箱、创建、启动、停止、报告状态',
      '镜像仓库 — 拉取镜像层，例如来自 docker.io 或 registry.k8s.io',
      '{{node}} 的内核 — 通过 OCI 运行时为每个容器创建 namespace 和 cgroup',
    ],
    neverTalksTo: '它从不与 kube-apiserver 或任何其他控制面组件通信：它只在本节点上执行 kubelet 的调用。',
    runsAs:
      '{{node}} 上的宿主机进程：systemd 服务 crio。kubelet 启动任何容器之前它就必须已经在运行，所以它自己不可能是 Pod。',
    commands: [
      {
        cmd: 'minikube start --container-runtime=cri-o',
        says: '创建一个节点使用 CRI-O 的集群。',
      },
      {
        cmd: 'sudo crictl ps',
        says: '在 minikube ssh -n {{node}} 里执行：正在运行的容器，走的是与 kubelet 相同的 CRI。',
      },
      {
        cmd: 'systemctl status crio',
        says: '在 minikube ssh -n {{node}} 里执行：这个运行时的 systemd 单元，active (running)。',
      },
      {
        cmd: 'kubectl get node -o wide',
        says: 'CONTAINER-RUNTIME 列显示 cri-o://<version>。',
      },
    ],
  },

  coredns: {
    analogy: '电话簿',
    role: '在集群内部把名字翻译成地址。Pod 查询 nginx.default.svc.cluster.local（在同一 namespace 内直接查 nginx 即可），CoreDNS 就回答该 Service 的 ClusterIP；集群之外的名字则转发给节点自己的 DNS 服务器。它是插件（addon），不是核心组件，但 kubeadm（因而 minikube 也一样）会在每个集群里安装它。',
    talksTo: [
      'kube-apiserver — watch Service、EndpointSlice 和 Namespace，让自己的记录保持最新',
      'Pod — 发往 10.96.0.10（kube-dns Service）53 端口的 DNS 查询，由内核按 kube-proxy 写下的规则转给某个 CoreDNS Pod；应答沿原路返回，提问 Pod 所在节点的连接跟踪让它看起来来自 10.96.0.10',
      '上游 DNS — cluster.local 之外的名字一律转发给节点 /etc/resolv.conf 中列出的服务器',
    ],
    neverTalksTo:
      '它从不读取 etcd，也从不向 kubelet 或 kube-proxy 打听任何事：它知道的一切都来自对 kube-apiserver 的 watch。它只负责解析名字，并不承载发往这些 Service 的流量。',
    runsAs:
      'Deployment kube-system/coredns 的普通 Pod（minikube 上 1 个副本，kubeadm 默认 2 个），和其他工作负载一样由 kube-scheduler 安排节点。它们位于 Service kube-dns（10.96.0.10）之后，这个 Service 为了兼容保留了旧名字。',
    commands: [
      {
        cmd: 'kubectl get pod -n kube-system -l k8s-app=kube-dns',
        says: 'CoreDNS 的 Pod，名字形如 coredns-<hash>-<suffix>；标签仍然写着 kube-dns。',
      },
      {
        cmd: 'kubectl get svc -n kube-system kube-dns',
        says: 'CLUSTER-IP 为 10.96.0.10，端口为 53/UDP、53/TCP 和 9153/TCP（监控指标）。',
      },
      {
        cmd: 'kubectl get configmap -n kube-system coredns -o yaml',
        says: 'Corefile：kubernetes 插件负责 cluster.local，forward . /etc/resolv.conf 处理其余所有名字，minikube 还加了一个解析 host.minikube.internal 的 hosts 块。',
      },
      {
        cmd: 'kubectl exec <pod> -- cat /etc/resolv.conf',
        says: 'Pod 是怎样找到它的：nameserver 10.96.0.10，外加 default.svc.cluster.local 等搜索域。',
      },
    ],
  },

  dashboard: {
    analogy: '监控大屏',
    role: '一个用来浏览和修改集群的网页：工作负载、Pod 及其日志、Service、Event。它自己不保存任何状态：每个列表、每个按钮都是对 kube-apiserver 的一次调用，和 kubectl 一样。它是插件（addon），minikube 默认不启用，需要你主动开启。',
    talksTo: [
      'kube-apiserver — 使用自己 ServiceAccount 的 token 读取和修改对象',
      '你的浏览器 — 通过 minikube dashboard 启动的本地代理，经由 kube-apiserver 的 Service 代理访问它',
      'dashboard-metrics-scraper — 图表所需的 CPU 和内存数据（需要 metrics-server 插件）',
    ],
    neverTalksTo:
      '它从不直接与 etcd、kube-scheduler、kube-controller-manager 或 kubelet 通信：和所有客户端一样，它只调用 kube-apiserver。就连页面上显示的 Pod 日志，也是通过 kube-apiserver 取来的。',
    runsAs:
      'namespace kubernetes-dashboard 中的插件 Pod（Deployment kubernetes-dashboard 和 dashboard-metrics-scraper）。只有在执行 minikube addons enable dashboard 或第一次执行 minikube dashboard 时，minikube 才会创建它们。',
    commands: [
      {
        cmd: 'minikube addons list',
        says: 'minikube 的可选插件及其启用状态；在你开启之前，dashboard 一直是 disabled。',
      },
      {
        cmd: 'minikube dashboard',
        says: '必要时先启用插件，再启动本地代理并在浏览器中打开界面（加 --url 则只打印地址）。',
      },
      {
        cmd: 'kubectl get pod -n kubernetes-dashboard',
        says: '启用之后可以看到 kubernetes-dashboard-… 和 dashboard-metrics-scraper-… 两个 Pod。',
      },
    ],
  },

  node: {
    analogy: '车间',
    role: '{{node}} 是一台运行 Pod 的机器。每个节点都有同样的三个组成部分：kubelet、kube-proxy 和容器运行时。在 minikube 中，节点是一个容器（docker 驱动）或一台虚拟机；新增的节点依次命名为 minikube-m02、minikube-m03……，用 minikube node add 添加。',
    talksTo: [
      'kube-apiserver — 节点上的 kubelet 上报状态、续约节点的 Lease，并接收绑定到 {{node}} 的 Pod；kube-proxy 接收 Service 和 EndpointSlice',
      'kube-apiserver（反向连入）— 为 logs、exec、port-forward 连接 kubelet 的 10250 端口',
      '其他节点 — 通过集群网络传输 Pod 之间的流量（有多个节点或运行时不是 docker 时，minikube 选用的 CNI 插件是 kindnet）',
      '镜像仓库 — 容器运行时拉取 Pod 所需的镜像',
    ],
    neverTalksTo:
      '{{node}} 上的任何组件都不与 etcd、kube-scheduler 或 kube-controller-manager 通信：它与控制面唯一的接触点是 kube-apiserver。节点之间也不会互相发号施令。',
    runsAs:
      '使用 minikube 的 docker 驱动时，{{node}} 是你电脑上的一个 Docker 容器，表现得像一台完整的 Linux 主机，里面有自己的 systemd、kubelet 和容器运行时（驱动不等于运行时：节点里跑的也可以是 containerd 或 cri-o）；使用虚拟机驱动时，它是一台虚拟机。在生产环境中，节点通常是一台物理服务器或云主机。',
    commands: [
      {
        cmd: 'kubectl get node',
        says: '每个节点一行：STATUS 为 Ready，普通工作节点的 ROLES 为 <none>，VERSION 为 v1.34.0。',
      },
      {
        cmd: 'kubectl describe node {{node}}',
        says: '节点的状态条件、容量和可分配资源、上面运行的 Pod，以及它的 Lease。',
      },
      {
        cmd: 'minikube ssh -n {{node}}',
        says: '在节点本身上打开一个 shell，kubelet 和容器运行时就运行在这里。',
      },
      {
        cmd: 'minikube node add',
        says: '再添加一个工作节点，编号接着现有节点往下排（minikube-m03、minikube-m04……）。',
      },
    ],
  },

  controlPlaneNode: {
    analogy: '总部',
    role: 'minikube 是运行控制面的节点：kube-apiserver、etcd、kube-scheduler 和 kube-controller-manager 都在这里。控制面负责决策，决定该运行什么、运行在哪里；数据面，也就是运行 Pod 并承载其流量的那些节点，负责干活。生产集群通常把两者分开，使用专门的控制面节点（旧称 master），并用污点把普通 Pod 挡在外面；但 minikube 的第一个节点身兼二职：它没有 control-plane 污点，所以普通 Pod 也会运行在这里。',
    talksTo: [
      '工作节点 — 它们的 kubelet 和 kube-proxy 连接这里的 kube-apiserver，地址是 https://192.168.49.2:8443',
      '你电脑上的 kubectl — 你的命令也发到同一个地址',
      '各节点的 kubelet（向外连接）— kube-apiserver 为 logs、exec、port-forward 连接每个节点的 10250 端口',
      '自己的 kubelet — 根据 /etc/kubernetes/manifests 启动控制面，同时也运行普通 Pod',
    ],
    neverTalksTo:
      '工作节点从不访问它上面的 etcd、kube-scheduler 或 kube-controller-manager：它们唯一使用的入口是 8443 端口上的 kube-apiserver。',
    runsAs:
      'minikube 的第一个节点：docker 驱动下是一个容器，其他驱动下是一台虚拟机。它带有标签 node-role.kubernetes.io/control-plane，在 ROLES 中显示为 control-plane，但 minikube 没有给它加污点，所以调度器把它当作普通工作节点对待。',
    commands: [
      {
        cmd: 'kubectl get node',
        says: 'minikube   Ready    control-plane   …   v1.34.0：角色是 control-plane，但你的 Pod 也运行在这里。',
      },
      {
        cmd: 'kubectl get pod -n kube-system -o wide --field-selector spec.nodeName=minikube',
        says: '这个节点上的系统 Pod：四个控制面静态 Pod（…-minikube）、CoreDNS、storage-provisioner，以及本节点自己的 kube-proxy。每个节点都运行一个 kube-proxy Pod；有多个节点，或使用 containerd、CRI-O 时，minikube 还会在每个节点上运行 kindnet-…，也就是 CNI 插件的 Pod。',
      },
      {
        cmd: 'kubectl describe node minikube | grep Taints',
        says: 'Taints: <none>，这正是调度器可以把普通 Pod 放到控制面节点上的原因。',
      },
      {
        cmd: 'minikube ssh "sudo ls /etc/kubernetes/manifests"',
        says: 'etcd.yaml、kube-apiserver.yaml、kube-controller-manager.yaml 和 kube-scheduler.yaml：kubelet 就是根据这四个文件启动控制面的。',
      },
    ],
  },
};
