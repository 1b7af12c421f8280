import type { ComponentTextKey } from '../en/components';

/** Each component's label on its diagram card, in Simplified Chinese. */
export const componentShortZh: Record<ComponentTextKey, { short: string }> = {
  kubectl: { short: '命令行客户端' },
  'kube-apiserver': { short: 'API 服务器' },
  etcd: { short: '集群存储' },
  'kube-scheduler': { short: '调度器' },
  'kube-controller-manager': { short: '控制器' },
  kubelet: { short: '节点代理' },
  'kube-proxy': { short: '网络代理' },
  docker: { short: '容器运行时' },
  containerd: { short: '容器运行时' },
  'cri-o': { short: '容器运行时' },
  coredns: { short: '集群 DNS' },
  dashboard: { short: 'Web 界面' },
  node: { short: '工作节点' },
  controlPlaneNode: { short: '控制面节点' },
};
