import type { ComponentDetails } from '../componentText';

/** Every component kind the inspector can explain. */
export type ComponentTextKey =
  | 'kubectl'
  | 'kube-apiserver'
  | 'etcd'
  | 'kube-scheduler'
  | 'kube-controller-manager'
  | 'kubelet'
  | 'kube-proxy'
  | 'docker'
  | 'containerd'
  | 'cri-o'
  | 'coredns'
  | 'dashboard'
  | 'node'
  | 'controlPlaneNode';

/**
 * Inspector text for each component, in English (the source of truth); the card labels are in
 * componentShort.ts. Loaded when Details first opens.
 * Placeholders: {{node}} is the node's name (minikube, minikube-m02, …);
 * {{runtime}} is the node's container runtime (docker, containerd or cri-o);
 * {{ps}} is the command that lists the node's containers, to run inside minikube ssh
 * (docker ps with docker, sudo crictl ps with containerd and cri-o).
 */
export const componentsEn = {
  kubectl: {
    analogy: 'The remote control',
    role: "The command-line client on your own machine, outside the cluster. It reads ~/.kube/config to learn where kube-apiserver is (with minikube's docker driver, https://192.168.49.2:8443) and which certificate proves who you are. Every command that touches the cluster becomes an HTTPS request to kube-apiserver's REST API, and the answer is printed as a table, YAML or JSON; a few, such as kubectl config, only read or edit that local file.",
    talksTo: [
      'kube-apiserver — REST requests (GET, POST, PATCH, DELETE) over HTTPS with your client certificate; objects or tables come back',
      "kube-apiserver — for kubectl logs, exec and port-forward, a streaming connection that kube-apiserver carries on to the kubelet of the Pod's node",
      "~/.kube/config — a local file, not a peer: the server address, the cluster's CA certificate and your credentials",
    ],
    neverTalksTo:
      'It never talks to etcd, kube-scheduler, kube-controller-manager, a kubelet or a container runtime. Even kubectl logs and kubectl exec go to kube-apiserver, which opens the connection to the kubelet on your behalf.',
    runsAs:
      "A single program on your machine, not part of the cluster: nothing inside the cluster runs it. minikube start writes a context named minikube into ~/.kube/config, and minikube kubectl -- runs a kubectl that matches the cluster's version.",
    commands: [
      {
        cmd: 'kubectl get node',
        says: 'Lists the nodes. The answer comes from kube-apiserver, not from the nodes themselves.',
      },
      {
        cmd: 'kubectl config view --minify',
        says: 'Read from ~/.kube/config alone, without asking the cluster: the current context, with server https://192.168.49.2:8443 and user minikube (on macOS and Windows the docker driver gives https://127.0.0.1:<port> instead).',
      },
      {
        cmd: 'kubectl cluster-info',
        says: 'Prints where the control plane answers: “Kubernetes control plane is running at https://192.168.49.2:8443”, and the address of CoreDNS.',
      },
      {
        cmd: 'kubectl get pod -n kube-system',
        says: 'Lists the system Pods. Add -v=6 to see the REST request behind it: a GET of https://192.168.49.2:8443/api/v1/namespaces/kube-system/pods?limit=500, answered 200 OK.',
      },
    ],
  },

  'kube-apiserver': {
    analogy: 'The liaison',
    role: 'The front door of the cluster, and the only one. Every request is authenticated (who are you?) and authorized (may you do this?). A write (create, update, patch, delete) then goes through admission (defaults and policies) and validation, and only then is written to etcd; every component watching that kind of object is told about the change at once. A read is answered straight away, mostly from the watch cache, its in-memory copy of etcd. The other components never talk to each other directly: they all meet here.',
    talksTo: [
      'etcd — every write, the reads its watch cache does not answer, and the watches that keep that cache current (gRPC on port 2379)',
      'kubectl — REST requests from your machine; answers as objects or tables',
      'kube-scheduler — streams it the Pods still waiting for a node, and the Nodes and placed Pods; receives a Binding for each Pod it places',
      'kube-controller-manager — streams it the objects its controllers watch; receives the Pods, EndpointSlices and status updates they write',
      'kubelet — streams each kubelet the Pods bound to its node; receives Node status, Lease renewals, Pod status and Events',
      'kubelet (the other way) — for kubectl logs, exec and port-forward, kube-apiserver itself connects to the kubelet on port 10250',
      'kube-proxy and CoreDNS — streams them Services and EndpointSlices',
      'Dashboard — the same REST API kubectl uses',
    ],
    neverTalksTo:
      'It never schedules a Pod, starts a container or steers workloads toward their desired state: it stores what was asked and tells the watchers. And it is the only component that reads or writes etcd; no other component is even given its address or certificates.',
    runsAs:
      'A container in the static pod kube-apiserver-minikube in kube-system. kubelet starts it from a file in /etc/kubernetes/manifests, so it runs before there is any API to ask. minikube serves it on port 8443 (https://192.168.49.2:8443 with the docker driver).',
    commands: [
      {
        cmd: 'kubectl get pod -n kube-system kube-apiserver-minikube',
        says: 'The static pod as the API sees it (its mirror Pod): 1/1 Running, named after the node.',
      },
      {
        cmd: 'kubectl cluster-info',
        says: '“Kubernetes control plane is running at https://192.168.49.2:8443”: the address every client uses.',
      },
      {
        cmd: 'minikube ssh "{{ps}} | grep kube-apiserver"',
        says: "Asks the node's container runtime: the kube-apiserver container, running like any other. With docker a second line shows the Pod's pause container (k8s_POD_…); crictl ps lists only the app containers, and sudo crictl pods shows the Pod sandboxes.",
      },
    ],
  },

  etcd: {
    analogy: 'The configuration keeper',
    role: "The cluster's memory: a consistent key-value store that holds every object under keys such as /registry/pods/default/nginx. Every write raises one cluster-wide revision number, which kube-apiserver shows as the object's resourceVersion, and a watcher can ask for every change after a given revision. In a production high-availability cluster, 3 or 5 etcd members agree on each write through the Raft protocol; minikube runs a single member.",
    talksTo: [
      'kube-apiserver — reads (range), writes (put, delete, transactions) and watches over gRPC on port 2379, with mutual TLS',
      'other etcd members — Raft messages on port 2380 (there are none on a one-node minikube)',
    ],
    neverTalksTo:
      'Only kube-apiserver reads or writes etcd (kubelet merely probes its health endpoint). The scheduler, the controllers, kubelet, kubectl and everything else go through kube-apiserver, which checks each request before anything is stored.',
    runsAs:
      "A container in the static pod etcd-minikube in kube-system, started by kubelet from /etc/kubernetes/manifests. Its data lives on the node's disk under /var/lib/minikube/etcd, so it survives a container restart.",
    commands: [
      {
        cmd: 'kubectl get pod -n kube-system etcd-minikube',
        says: 'The etcd static pod: one container, 1/1 Running.',
      },
      {
        cmd: 'kubectl -n kube-system exec etcd-minikube -- etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/var/lib/minikube/certs/etcd/ca.crt --cert=/var/lib/minikube/certs/etcd/healthcheck-client.crt --key=/var/lib/minikube/certs/etcd/healthcheck-client.key get /registry/pods --prefix --keys-only',
        says: 'Lists the key of every Pod, such as /registry/pods/kube-system/etcd-minikube. The values are binary (protobuf), which is why you read objects through kube-apiserver.',
      },
      {
        cmd: 'minikube ssh "sudo ls /var/lib/minikube/etcd/member"',
        says: "snap and wal: the database snapshots and the write-ahead log on the control plane node's disk.",
      },
    ],
  },

  'kube-scheduler': {
    analogy: 'The dispatcher',
    role: 'Picks a node for every new Pod that has none. Filter plugins (NodeResourcesFit, TaintToleration, NodeAffinity, …) drop the nodes that cannot take the Pod; Score plugins rate the rest from 0 to 100, and the highest weighted total wins. It records its choice by writing a Binding through kube-apiserver, with the Event “Successfully assigned default/nginx to minikube”. When no node fits, the Pod stays Pending with a FailedScheduling Event such as “0/3 nodes are available: 3 Insufficient cpu. …”',
    talksTo: [
      'kube-apiserver — watches Pods with no spec.nodeName, and the Nodes and placed Pods it needs to judge the fit',
      "kube-apiserver — posts the Binding that sets the Pod's spec.nodeName",
      "kube-apiserver — writes Scheduled or FailedScheduling Events and the Pod's PodScheduled condition",
    ],
    neverTalksTo:
      'It never talks to kubelet or a container runtime and never starts a container: the Binding is only a write to kube-apiserver, and the kubelet on the chosen node sees it through its own watch. It never touches etcd either.',
    runsAs:
      'A container in the static pod kube-scheduler-minikube in kube-system, started by kubelet from /etc/kubernetes/manifests on the control plane node. minikube runs it with --leader-elect=false: with one control plane node there is no second copy to take turns with, so it keeps no Lease kube-system/kube-scheduler.',
    commands: [
      {
        cmd: 'kubectl get pod -n kube-system kube-scheduler-minikube',
        says: "The scheduler's static pod, 1/1 Running.",
      },
      {
        cmd: 'kubectl describe pod <name>',
        says: 'Under Events: Scheduled from default-scheduler with the chosen node, or FailedScheduling with the reason each node was ruled out.',
      },
      {
        cmd: 'kubectl get events -A --field-selector reason=FailedScheduling',
        says: 'Failed placement attempts in every namespace, each with its “0/N nodes are available: …” message. Events are kept for 1 hour by default, so older failures are gone, while a Pod placed since then still shows its earlier ones.',
      },
    ],
  },

  'kube-controller-manager': {
    analogy: 'The operations watcher',
    role: "One process running dozens of controllers. Each is a control loop: watch the objects it owns, compare the desired state with the actual state, and act through kube-apiserver to close the gap. The replicaset-controller creates a Pod when a ReplicaSet has too few. The node-lifecycle-controller marks a node Ready=Unknown when its kubelet has been silent for 50 s and taints it node.kubernetes.io/unreachable. Once a Pod's 300 s toleration of that taint runs out, the taint-eviction-controller (split out of node-lifecycle in 1.29) evicts it; only Pods owned by a controller, such as a ReplicaSet, get a replacement.",
    talksTo: [
      'kube-apiserver — lists and watches Deployments, ReplicaSets, Pods, Nodes, node Leases, Services and more through shared informers',
      'kube-apiserver — creates and deletes Pods, updates ReplicaSets, writes EndpointSlices, sets Node conditions and taints',
      'kube-apiserver — writes Events such as SuccessfulCreate, ScalingReplicaSet, NodeNotReady and TaintManagerEviction',
    ],
    neverTalksTo:
      'It never talks to kubelet, kube-scheduler or etcd directly. It does not pick nodes or start containers: it creates a Pod object and leaves the rest to kube-scheduler and kubelet, all through kube-apiserver.',
    runsAs:
      'A container in the static pod kube-controller-manager-minikube in kube-system, started by kubelet from /etc/kubernetes/manifests. minikube runs it with --leader-elect=false, so it keeps no leader Lease. (Where several control plane nodes each run a copy, leader election stays on and only the holder of the Lease kube-system/kube-controller-manager works.)',
    commands: [
      {
        cmd: 'kubectl get pod -n kube-system kube-controller-manager-minikube',
        says: 'The static pod that holds all the controllers in one container.',
      },
      {
        cmd: 'kubectl get lease -n kube-system',
        says: 'No leader Leases here: minikube turns leader election off for kube-controller-manager and kube-scheduler. With several control plane nodes, HOLDER would name the copy that works.',
      },
      {
        cmd: 'kubectl get events -A --field-selector reason=SuccessfulCreate',
        says: "Objects created by controllers in the last hour (Events are kept for 1 hour by default), e.g. the replicaset-controller's “Created pod: …”. The Job, CronJob, DaemonSet and StatefulSet controllers report their creations with the same reason.",
      },
    ],
  },

  kubelet: {
    analogy: "The node's steward",
    role: "The agent on {{node}}. It registers the Node, renews its Lease every 10 s and reports the node's status. It watches for Pods bound to {{node}} and makes them real: through the CRI it asks {{runtime}} to pull the images, create the Pod sandbox and the containers, and start them. Then it keeps them running (probes, restarts) and reports each Pod's status back to kube-apiserver.",
    talksTo: [
      'kube-apiserver — watches Pods whose spec.nodeName is {{node}}; sends Node status, Pod status and Events',
      'kube-apiserver — renews the Lease kube-node-lease/{{node}} every 10 s: the heartbeat',
      '{{runtime}} — CRI calls (gRPC over a local socket; with docker, to the cri-dockerd adapter): pull image, run Pod sandbox, create and start containers, list their state',
      "kube-apiserver (calling in) — connects to kubelet's port 10250 for kubectl logs, exec and port-forward",
      "Pods on {{node}} — runs their probes on each probe's period: an HTTP GET or TCP connect to the pod's IP (an exec probe runs through {{runtime}}). A readiness probe that fails keeps the pod out of its Services' endpoints; a liveness probe that fails gets the container restarted",
    ],
    neverTalksTo:
      'It never talks to kube-scheduler, kube-controller-manager, etcd or the kubelets of other nodes: it learns its work from kube-apiserver and reports back there. It drives only the runtime and probes only the pods on its own node.',
    runsAs:
      "A host process on {{node}} (the systemd service kubelet), not a container. It is what starts containers, the control plane's static pods included, so it must run before any container exists, and it needs direct access to the host's cgroups, mounts and the runtime's socket.",
    commands: [
      {
        cmd: 'minikube ssh -n {{node}}',
        says: 'Opens a shell on {{node}}; the next two commands run there.',
      },
      {
        cmd: 'ps -ef | grep kubelet',
        says: "An ordinary process, /var/lib/minikube/binaries/v1.34.0/kubelet with its flags, not a container. (On the control plane node kube-apiserver's line matches too: its flags mention kubelet.)",
      },
      {
        cmd: 'systemctl status kubelet',
        says: 'The systemd unit: active (running), restarted by systemd if it ever stops.',
      },
      {
        cmd: 'kubectl get lease -n kube-node-lease',
        says: "One Lease per node, held by that node's kubelet, which renews it every 10 s.",
      },
    ],
  },

  'kube-proxy': {
    analogy: 'The postman',
    role: "Makes Services work on {{node}}: like a postman, it decides where each Service's packets go, by writing the routing rules the kernel follows. It watches Services and EndpointSlices and turns them into the node's rules (iptables by default; ipvs and nftables are the other modes), so each new connection to a Service's ClusterIP is rewritten (DNAT) to a ready Pod picked at random. The kernel forwards the packets by those rules; in iptables mode kube-proxy itself is not in the packets' path.",
    talksTo: [
      'kube-apiserver — watches Services, EndpointSlices and its own Node',
      'the kernel of {{node}} — writes the KUBE-SERVICES, KUBE-SVC-… and KUBE-SEP-… chains of the nat table with iptables-restore',
      "Pods — Service traffic reaches them by the rules it wrote: the kernel forwards it, so the packets never pass through kube-proxy's own process",
    ],
    neverTalksTo:
      'It never talks to kubelet, kube-scheduler or etcd, and never asks a Pod whether it is ready: readiness reaches it only as EndpointSlice updates from kube-apiserver.',
    runsAs:
      "A container: one Pod per node from the DaemonSet kube-system/kube-proxy, named like kube-proxy-9fz6k. It can be a Pod because it needs only a running kubelet and runtime; it uses the host's network and runs privileged so it can change the node's rules.",
    commands: [
      {
        cmd: 'kubectl get pod -n kube-system -l k8s-app=kube-proxy -o wide',
        says: 'One kube-proxy Pod per node; the NODE column shows where each runs.',
      },
      {
        cmd: 'minikube ssh -n {{node}} "{{ps}} | grep kube-proxy"',
        says: 'The kube-proxy container on {{node}}: unlike kubelet, it is a container. With docker its pause container (k8s_POD_kube-proxy-…) shows up too.',
      },
      {
        cmd: 'minikube ssh -n {{node}} "sudo iptables -t nat -L KUBE-SERVICES -n"',
        says: 'The rules kube-proxy wrote on {{node}}: one per Service port, matching its ClusterIP and jumping to a KUBE-SVC-… chain, whose KUBE-SEP-… rules pick a Pod.',
      },
    ],
  },

  docker: {
    analogy: 'The labourer',
    role: "Runs the containers on {{node}}; minikube's default runtime. Since dockershim was removed in Kubernetes v1.24, kubelet no longer speaks Docker's own API: it speaks CRI to cri-dockerd, a small adapter, which drives Docker Engine (and Docker Engine uses containerd and runc underneath). Each Pod becomes a pause container holding the Pod's network, plus one container per container in the Pod.",
    talksTo: [
      'kubelet — CRI calls through cri-dockerd on /var/run/cri-dockerd.sock: pull image, run Pod sandbox, create, start, stop, report state',
      'Docker Engine — cri-dockerd turns each CRI call into a Docker API call on /var/run/docker.sock',
      'image registries — pulls image layers, e.g. from docker.io or registry.k8s.io',
      'the kernel of {{node}} — namespaces and cgroups for every container',
    ],
    neverTalksTo:
      "It never talks to kube-apiserver or any other control plane component: it knows nothing of Pods or Nodes as API objects and only carries out kubelet's calls.",
    runsAs:
      'Host processes on {{node}}: the systemd services docker and cri-docker. They must be running before kubelet can start any container, so they cannot be Pods themselves.',
    commands: [
      {
        cmd: 'minikube ssh -n {{node}}',
        says: 'Opens a shell on {{node}}; the next two commands run there.',
      },
      {
        cmd: 'docker ps',
        says: 'Every container on the node, named k8s_<container>_<pod>_<namespace>_…, plus one k8s_POD_… pause container per Pod.',
      },
      {
        cmd: 'docker images',
        says: 'The images already on the node, such as registry.k8s.io/kube-apiserver and registry.k8s.io/pause.',
      },
      {
        cmd: 'kubectl get node -o wide',
        says: 'The CONTAINER-RUNTIME column shows docker://<version>.',
      },
    ],
  },

  containerd: {
    analogy: 'The labourer',
    role: 'Runs the containers on {{node}}. containerd has the CRI built in as a plugin, so kubelet talks to it directly, with no adapter in between. It pulls images, keeps them in its own store, and starts containers through runc. minikube uses it when started with --container-runtime=containerd.',
    talksTo: [
      'kubelet — CRI calls (gRPC) on /run/containerd/containerd.sock: pull image, run Pod sandbox, create, start, stop, report state',
      'image registries — pulls image layers, e.g. from docker.io or registry.k8s.io',
      'the kernel of {{node}} — namespaces and cgroups for every container, through runc',
    ],
    neverTalksTo:
      "It never talks to kube-apiserver or any other control plane component: it only carries out kubelet's calls on its own node.",
    runsAs:
      'A host process on {{node}}: the systemd service containerd. It must be running before kubelet can start any container, so it cannot be a Pod itself.',
    commands: [
      {
        cmd: 'minikube start --container-runtime=containerd',
        says: 'Creates a cluster whose nodes run containerd instead of Docker.',
      },
      {
        cmd: 'sudo crictl pods',
        says: 'Inside minikube ssh -n {{node}}: the Pod sandboxes, asked through the same CRI that kubelet uses.',
      },
      {
        cmd: 'sudo crictl ps',
        says: 'Inside minikube ssh -n {{node}}: the running containers. docker ps does not work here: minikube stops Docker on the node when another runtime is chosen.',
      },
      {
        cmd: 'kubectl get node -o wide',
        says: 'The CONTAINER-RUNTIME column shows containerd://<version>.',
      },
    ],
  },

  'cri-o': {
    analogy: 'The labourer',
    role: "Runs the containers on {{node}}. CRI-O was made for one job only, Kubernetes' CRI, and its versions follow Kubernetes' own. kubelet talks to it directly; it pulls images and starts containers through an OCI runtime such as crun or runc. minikube uses it when started with --container-runtime=cri-o.",
    talksTo: [
      'kubelet — CRI calls (gRPC) on /var/run/crio/crio.sock: pull image, run Pod sandbox, create, start, stop, report state',
      'image registries — pulls image layers, e.g. from docker.io or registry.k8s.io',
      'the kernel of {{node}} — namespaces and cgroups for every container, through the OCI runtime',
    ],
    neverTalksTo:
      "It never talks to kube-apiserver or any other control plane component: it only carries out kubelet's calls on its own node.",
    runsAs:
      'A host process on {{node}}: the systemd service crio. It must be running before kubelet can start any container, so it cannot be a Pod itself.',
    commands: [
      {
        cmd: 'minikube start --container-runtime=cri-o',
        says: 'Creates a cluster whose nodes run CRI-O.',
      },
      {
        cmd: 'sudo crictl ps',
        says: 'Inside minikube ssh -n {{node}}: the running containers, asked through the same CRI that kubelet uses.',
      },
      {
        cmd: 'systemctl status crio',
        says: "Inside minikube ssh -n {{node}}: the runtime's systemd unit, active (running).",
      },
      {
        cmd: 'kubectl get node -o wide',
        says: 'The CONTAINER-RUNTIME column shows cri-o://<version>.',
      },
    ],
  },

  coredns: {
    analogy: 'The phone book',
    role: "Turns names into addresses inside the cluster. A Pod asks for nginx.default.svc.cluster.local (or just nginx, from the same namespace) and CoreDNS answers with that Service's ClusterIP; names outside the cluster it forwards to the node's own DNS servers. It is an addon, not a core component, but kubeadm (and so minikube) installs it on every cluster.",
    talksTo: [
      'kube-apiserver — watches Services, EndpointSlices and Namespaces to keep its records current',
      "Pods — DNS queries on port 53, sent to 10.96.0.10 (the kube-dns Service), which the kernel, following kube-proxy's rules, sends on to a CoreDNS Pod; the answer goes back the same way, and connection tracking on the asking Pod's node makes it come from 10.96.0.10",
      "upstream DNS — forwards every name outside cluster.local to the servers in the node's /etc/resolv.conf",
    ],
    neverTalksTo:
      'It never reads etcd and never asks kubelet or kube-proxy anything: all it knows comes from its watches on kube-apiserver. It only answers names; it carries no traffic to the Services it names.',
    runsAs:
      "Ordinary Pods of the Deployment kube-system/coredns (one replica on minikube, two by kubeadm's default), placed by kube-scheduler like any workload. They sit behind the Service kube-dns at 10.96.0.10, which keeps its old name for compatibility.",
    commands: [
      {
        cmd: 'kubectl get pod -n kube-system -l k8s-app=kube-dns',
        says: 'The CoreDNS Pod, coredns-<hash>-<suffix>; the label still says kube-dns.',
      },
      {
        cmd: 'kubectl get svc -n kube-system kube-dns',
        says: 'CLUSTER-IP 10.96.0.10, ports 53/UDP, 53/TCP and 9153/TCP (metrics).',
      },
      {
        cmd: 'kubectl get configmap -n kube-system coredns -o yaml',
        says: 'The Corefile: the kubernetes plugin serves cluster.local, forward . /etc/resolv.conf handles everything else, and minikube adds a hosts block for host.minikube.internal.',
      },
      {
        cmd: 'kubectl exec <pod> -- cat /etc/resolv.conf',
        says: 'How a Pod finds it: nameserver 10.96.0.10, with search domains such as default.svc.cluster.local.',
      },
    ],
  },

  dashboard: {
    analogy: 'The control-room screen',
    role: 'A web page for browsing and changing the cluster: workloads, Pods and their logs, Services, Events. It keeps no state of its own: every list and every button is a call to kube-apiserver, just like kubectl. It is an addon, and minikube leaves it off until you ask for it.',
    talksTo: [
      "kube-apiserver — reads and changes objects with its ServiceAccount's token",
      "your browser — reaches it through the local proxy that minikube dashboard starts, via kube-apiserver's service proxy",
      'dashboard-metrics-scraper — CPU and memory figures for its graphs (these need the metrics-server addon)',
    ],
    neverTalksTo:
      'It never talks to etcd, kube-scheduler, kube-controller-manager or kubelet directly: like every client, it only calls kube-apiserver. Even the Pod logs on its pages are fetched through kube-apiserver.',
    runsAs:
      'Addon Pods in the namespace kubernetes-dashboard (the Deployments kubernetes-dashboard and dashboard-metrics-scraper). minikube creates them only on minikube addons enable dashboard or the first minikube dashboard.',
    commands: [
      {
        cmd: 'minikube addons list',
        says: "minikube's optional addons and whether each is enabled; dashboard stays disabled until you turn it on.",
      },
      {
        cmd: 'minikube dashboard',
        says: 'Enables the addon if needed, starts a local proxy and opens the UI in your browser (--url prints the address instead).',
      },
      {
        cmd: 'kubectl get pod -n kubernetes-dashboard',
        says: 'Once enabled: the kubernetes-dashboard-… and dashboard-metrics-scraper-… Pods.',
      },
    ],
  },

  node: {
    analogy: 'The workshop',
    role: '{{node}} is a machine that runs Pods. Every node carries the same three parts: kubelet, kube-proxy and a container runtime. Under minikube a node is a container (docker driver) or a virtual machine; extra nodes are named minikube-m02, minikube-m03, … and added with minikube node add.',
    talksTo: [
      "kube-apiserver — its kubelet reports status, renews the node's Lease and receives the Pods bound to {{node}}; its kube-proxy receives Services and EndpointSlices",
      'kube-apiserver (calling in) — reaches the kubelet on port 10250 for logs, exec and port-forward',
      'other nodes — Pod-to-Pod traffic over the cluster network (kindnet, the CNI plugin minikube picks when there are several nodes or the runtime is not docker)',
      'image registries — its runtime pulls the images its Pods need',
    ],
    neverTalksTo:
      'Nothing on {{node}} talks to etcd, kube-scheduler or kube-controller-manager: its only contact with the control plane is kube-apiserver. Nodes do not give each other orders either.',
    runsAs:
      "With minikube's docker driver, {{node}} is a Docker container on your machine that behaves like a whole Linux host, with its own systemd, kubelet and container runtime inside (the driver is not the runtime: the node may run containerd or cri-o); with a VM driver it is a virtual machine. In production a node is usually a physical server or a cloud VM.",
    commands: [
      {
        cmd: 'kubectl get node',
        says: 'One line per node: STATUS Ready, ROLES <none> for a plain worker, VERSION v1.34.0.',
      },
      {
        cmd: 'kubectl describe node {{node}}',
        says: 'Its conditions, capacity and allocatable resources, the Pods on it, and its Lease.',
      },
      {
        cmd: 'minikube ssh -n {{node}}',
        says: 'A shell on the node itself, where kubelet and the runtime run.',
      },
      {
        cmd: 'minikube node add',
        says: 'Adds one more worker node, numbered on from the existing ones (minikube-m03, minikube-m04, …).',
      },
    ],
  },

  controlPlaneNode: {
    analogy: 'The head office',
    role: "minikube, the node that runs the control plane: kube-apiserver, etcd, kube-scheduler and kube-controller-manager. The control plane decides what should run and where; the data plane, the nodes running Pods and carrying their traffic, does the work. Production clusters usually keep the two apart, with dedicated control plane nodes (once called masters) tainted to keep ordinary Pods off, but minikube's first node is both: it has no control-plane taint, so ordinary Pods run here too.",
    talksTo: [
      'worker nodes — their kubelets and kube-proxies connect to kube-apiserver here, at https://192.168.49.2:8443',
      'kubectl on your machine — your commands arrive at the same address',
      "kubelets (calling out) — kube-apiserver connects to each node's port 10250 for logs, exec and port-forward",
      'its own kubelet — starts the control plane from /etc/kubernetes/manifests and runs ordinary Pods as well',
    ],
    neverTalksTo:
      'Worker nodes never reach etcd, kube-scheduler or kube-controller-manager on it: the only door they use is kube-apiserver on port 8443.',
    runsAs:
      'The first minikube node: a container with the docker driver, a VM otherwise. It carries the label node-role.kubernetes.io/control-plane, shown as ROLES control-plane, but minikube gives it no taint, so the scheduler treats it like any worker.',
    commands: [
      {
        cmd: 'kubectl get node',
        says: 'minikube   Ready    control-plane   …   v1.34.0: the control-plane role, yet your Pods run here too.',
      },
      {
        cmd: 'kubectl get pod -n kube-system -o wide --field-selector spec.nodeName=minikube',
        says: "The system Pods on this node: the four control plane static pods (…-minikube), CoreDNS, storage-provisioner and this node's own kube-proxy. Every node runs one kube-proxy Pod; with several nodes, or with containerd or CRI-O, minikube also runs kindnet-…, the CNI plugin's Pod, on each node.",
      },
      {
        cmd: 'kubectl describe node minikube | grep Taints',
        says: 'Taints: <none>, which is why the scheduler may place ordinary Pods on the control plane node.',
      },
      {
        cmd: 'minikube ssh "sudo ls /etc/kubernetes/manifests"',
        says: 'etcd.yaml, kube-apiserver.yaml, kube-controller-manager.yaml and kube-scheduler.yaml: the four files kubelet starts the control plane from.',
      },
    ],
  },
} satisfies Record<ComponentTextKey, ComponentDetails>;
