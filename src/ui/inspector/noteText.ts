/**
 * The controllers' desired / actual / diff / action notes in the learner's language. The engine
 * writes them in English (it knows no language); here each phrase it writes is read back and said
 * in Chinese. Names, numbers and API fields stay as they are; a phrase not known here stays English.
 */

type Phrase = readonly [RegExp, (m: RegExpExecArray) => string];

/** Each phrase the controllers write (controllers/*.ts), most specific first. */
const ZH: readonly Phrase[] = [
  [/^none$/, () => '无'],
  [/^(\d+) replicas$/, (m) => `${m[1]} 个副本`],
  [/^(\d+) in (\S+)$/, (m) => `${m[2]} 中有 ${m[1]} 个`],
  [/^(\d+) × template (\S+)$/, (m) => `${m[1]} 个，模板 ${m[2]}`],
  [/^new (\d+), old (\d+)$/, (m) => `新 ${m[1]}，旧 ${m[2]}`],
  [/^no ReplicaSet for it, old (\d+)$/, (m) => `还没有对应的 ReplicaSet，旧 ${m[1]}`],
  [/^(-?\d+) to move$/, (m) => `还差 ${m[1]} 个`],
  [/^new template$/, () => '新模板'],
  [/^endpoints of pods matching (.+)$/, (m) => `匹配 ${m[1]} 的 Pod 的端点`],
  [/^(\d+) endpoints? listed$/, (m) => `已列出 ${m[1]} 个端点`],
  [/^(\d+) endpoints?, (\d+) ready$/, (m) => `${m[1]} 个端点，${m[2]} 个就绪`],
  [/^update EndpointSlice$/, () => '更新 EndpointSlice'],
  [/^create EndpointSlice$/, () => '创建 EndpointSlice'],
  [/^no dependents of a deleted owner$/, () => '已删除的属主不留依赖对象'],
  [/^(\d+) dependent\(s\)$/, (m) => `${m[1]} 个依赖对象`],
  [/^a pod range for every Node$/, () => '每个 Node 都有 Pod 网段'],
  [/^no spec\.podCIDR$/, () => '没有 spec.podCIDR'],
  [/^(\S+) is free$/, (m) => `${m[1]} 空闲`],
  [/^heartbeat within (\d+)s$/, (m) => `${m[1]} 秒内有心跳`],
  [/^silent for (\d+)s$/, (m) => `已沉默 ${m[1]} 秒`],
  [/^kubelet stopped posting node status$/, () => 'kubelet 停止上报节点状态'],
  [/^set Ready=Unknown$/, () => '设置 Ready=Unknown'],
  [/^no condition taints$/, () => '没有状况污点'],
  [/^taints differ$/, () => '污点不一致'],
  [/^update Node taints$/, () => '更新 Node 的污点'],
  [/^no pods on a node that is gone$/, () => '已不存在的节点上不留 Pod'],
  [/^(\d+) orphaned pod\(s\)$/, (m) => `${m[1]} 个孤儿 Pod`],
  [/^force-delete (\d+)$/, (m) => `强制删除 ${m[1]} 个`],
  [/^(\d+) active pods$/, (m) => `${m[1]} 个活跃 Pod`],
  [/^create (\d+) pod\(s\)$/, (m) => `创建 ${m[1]} 个 Pod`],
  [/^delete (\d+) pod\(s\)$/, (m) => `删除 ${m[1]} 个 Pod`],
  [/^delete (\d+) old pod\(s\) to replace$/, (m) => `删除 ${m[1]} 个旧 Pod 以替换`],
  [/^delete old ReplicaSet (\S+)$/, (m) => `删除旧 ReplicaSet ${m[1]}`],
  [/^delete (\d+)$/, (m) => `删除 ${m[1]} 个`],
  [/^delete (.+)$/, (m) => `删除 ${m[1]}`],
  [/^wait for its own creates\/deletes to be observed$/, () => '等待自己发出的创建和删除被观察到'],
  [/^one pod on each of (\d+) node\(s\)$/, (m) => `每个节点一个 Pod，共 ${m[1]} 个节点`],
  [/^(\d+) pod\(s\)$/, (m) => `${m[1]} 个 Pod`],
  [/^missing on (.+)$/, (m) => `${m[1]} 上缺少`],
  [/^not to run on (.+)$/, (m) => `不应运行在 ${m[1]} 上`],
  [/^more than one pod on (.+)$/, (m) => `${m[1]} 上多于一个 Pod`],
  [/^old template on (.+)$/, (m) => `${m[1]} 上是旧模板`],
  [/^annotate (\S+) \(revision (\d+)\)$/, (m) => `给 ${m[1]} 加注解（revision ${m[2]}）`],
  [/^wait for the old pods to be gone$/, () => '等待旧 Pod 消失'],
  [/^create ReplicaSet (\S+) with (\d+)$/, (m) => `创建 ReplicaSet ${m[1]}，副本数 ${m[2]}`],
  [/^scale up (\S+) to (\d+)$/, (m) => `把 ${m[1]} 扩容到 ${m[2]}`],
  [/^scale down (\S+) to (\d+)$/, (m) => `把 ${m[1]} 缩容到 ${m[2]}`],
];

function phrase(text: string): string | null {
  for (const [pattern, say] of ZH) {
    const m = pattern.exec(text);
    if (m) return say(m);
  }
  return null;
}

/** One part of a note: a known phrase, or a list of known phrases joined by commas. */
function part(text: string): string {
  const whole = phrase(text);
  if (whole !== null) return whole;
  const items = text.split(', ').map(phrase);
  return items.every((i) => i !== null) ? items.join('，') : text;
}

/** A controller's note as the learner reads it: Chinese for `zh`, the engine's English otherwise. */
export function noteText(text: string, language: string): string {
  if (language !== 'zh') return text;
  const paused = text.endsWith(' (paused)');
  const body = paused ? text.slice(0, -' (paused)'.length) : text;
  return body.split('; ').map(part).join('；') + (paused ? '（已暂停）' : '');
}
