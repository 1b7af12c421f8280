import { describe, expect, it } from 'vitest';
import { noteText } from './noteText';

describe('controllers’ notes in the learner’s language', () => {
  it('keeps the engine’s English in English', () => {
    expect(noteText('3 replicas', 'en')).toBe('3 replicas');
  });

  it('says each phrase in Chinese, names and numbers kept', () => {
    const cases: [string, string][] = [
      ['none', '无'],
      ['one pod on each of 3 node(s)', '每个节点一个 Pod，共 3 个节点'],
      ['3 pod(s)', '3 个 Pod'],
      ['3 in web-6b9549d74c', 'web-6b9549d74c 中有 3 个'],
      ['endpoints of pods matching {"app":"web"}', '匹配 {"app":"web"} 的 Pod 的端点'],
      ['1 endpoint listed', '已列出 1 个端点'],
      ['2 endpoints, 2 ready', '2 个端点，2 个就绪'],
      ['update EndpointSlice', '更新 EndpointSlice'],
      ['a pod range for every Node', '每个 Node 都有 Pod 网段'],
      ['delete web-abc, web-def', '删除 web-abc, web-def'],
      ['create 1 pod(s), delete 2 pod(s)', '创建 1 个 Pod，删除 2 个 Pod'],
      [
        'missing on minikube-m02, minikube-m03; not to run on minikube',
        'minikube-m02, minikube-m03 上缺少；不应运行在 minikube 上',
      ],
      [
        'scale up web-6b9549d74c to 3; annotate web-6b9549d74c (revision 2) (paused)',
        '把 web-6b9549d74c 扩容到 3；给 web-6b9549d74c 加注解（revision 2）（已暂停）',
      ],
      ['PATCH Node spec.podCIDR=10.244.1.0/24', 'PATCH Node spec.podCIDR=10.244.1.0/24'],
    ];
    for (const [en, zh] of cases) expect(noteText(en, 'zh'), en).toBe(zh);
  });
});
