/** The trace: every interaction between components, in order, as plain data the UI animates. */
import type { SimMillis } from './core/time';
import type { Endpoint } from './topology';

/** What a message does, for labels and filters. */
export type MessageKind =
  | 'request' // a client's API request to kube-apiserver
  | 'etcd' // kube-apiserver reads or writes etcd
  | 'watch' // kube-apiserver tells a watcher about a change
  | 'list' // kube-apiserver answers a list
  | 'error' // kube-apiserver refuses a request
  | 'cri' // kubelet asks its runtime to do something
  | 'cri-reply' // the runtime answers kubelet
  | 'run' // the runtime starts or stops a pod's containers
  | 'traffic' // a packet to a Service, through kube-proxy's rules
  | 'probe'; // kubelet probes a container at its pod's address (HTTP, TCP or gRPC)

export interface ObjectRef {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

const refs = new Map<string, Map<string, Map<string, ObjectRef>>>();

/**
 * The reference to an object a message carries, made once per object and shared by every message
 * about it (a run holds millions of messages, most about the same few thousand objects).
 */
export function objectRef(kind: string, namespace: string | undefined, name: string): ObjectRef {
  let byNamespace = refs.get(kind);
  if (!byNamespace) refs.set(kind, (byNamespace = new Map()));
  let byName = byNamespace.get(namespace ?? '');
  if (!byName) byNamespace.set(namespace ?? '', (byName = new Map()));
  let ref = byName.get(name);
  if (!ref) byName.set(name, (ref = namespace ? { kind, name, namespace } : { kind, name }));
  return ref;
}

export interface Message {
  readonly id: number;
  readonly sentAt: SimMillis;
  readonly deliverAt: SimMillis;
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly kind: MessageKind;
  /** A short technical line, the same in every language: `PUT /registry/pods/default/nginx`. */
  readonly summary: string;
  readonly object?: ObjectRef;
  /** True for routine traffic (heartbeats, status reports) the UI may dim or hide. */
  readonly routine?: boolean;
}

const KINDS: readonly MessageKind[] = [
  'request',
  'etcd',
  'watch',
  'list',
  'error',
  'cri',
  'cri-reply',
  'run',
  'traffic',
  'probe',
];
/** Each kind's code (a plain object: a property read, not a Map's string hashing, for every message). */
const KIND_CODE = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<MessageKind, number>;

/**
 * The trace, stored by column: a 1,000-node hour holds over a million messages, and one object
 * each would keep the garbage collector busy. `at(i)` makes a Message on demand; iteration,
 * `filter`, `some`, `slice` and JSON see plain Message objects.
 */
export class Trace implements Iterable<Message> {
  private n = 0;
  private sent = new Float64Array(1024);
  private deliver = new Float64Array(1024);
  private kinds = new Uint8Array(1024);
  private flags = new Uint8Array(1024);
  private readonly from: Endpoint[] = [];
  private readonly to: Endpoint[] = [];
  private readonly summaries: string[] = [];
  private readonly objects: (ObjectRef | undefined)[] = [];

  get length(): number {
    return this.n;
  }

  /** Appends a message; returns its id (its index). */
  push(
    sentAt: SimMillis,
    deliverAt: SimMillis,
    from: Endpoint,
    to: Endpoint,
    kind: MessageKind,
    summary: string,
    object: ObjectRef | undefined,
    routine: boolean,
  ): number {
    const i = this.n++;
    if (i === this.sent.length) this.grow();
    this.sent[i] = sentAt;
    this.deliver[i] = deliverAt;
    this.kinds[i] = KIND_CODE[kind];
    this.flags[i] = routine ? 1 : 0;
    this.from.push(from);
    this.to.push(to);
    this.summaries.push(summary);
    this.objects.push(object);
    return i;
  }

  private grow(): void {
    const size = this.sent.length * 2;
    const copy = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.sent = copy(this.sent, (k) => new Float64Array(k));
    this.deliver = copy(this.deliver, (k) => new Float64Array(k));
    this.kinds = copy(this.kinds, (k) => new Uint8Array(k));
    this.flags = copy(this.flags, (k) => new Uint8Array(k));
  }

  /** The message with id `i`, or undefined past the end. */
  at(i: number): Message | undefined {
    if (i < 0 || i >= this.n) return undefined;
    const m: { -readonly [K in keyof Message]: Message[K] } = {
      id: i,
      sentAt: this.sent[i] as SimMillis,
      deliverAt: this.deliver[i] as SimMillis,
      from: this.from[i]!,
      to: this.to[i]!,
      kind: KINDS[this.kinds[i]!]!,
      summary: this.summaries[i]!,
    };
    const object = this.objects[i];
    if (object) m.object = object;
    if (this.flags[i]) m.routine = true;
    return m;
  }

  /** Who message `i` goes to (without making the whole Message). */
  receiver(i: number): Endpoint {
    return this.to[i]!;
  }

  /** When message `i` was sent (without making the whole Message). */
  sentAt(i: number): SimMillis {
    return this.sent[i] as SimMillis;
  }

  /** Whether message `i` is routine traffic (without making the whole Message). */
  isRoutine(i: number): boolean {
    return this.flags[i] === 1;
  }

  /** When message `i` arrives (without making the whole Message). */
  deliverAt(i: number): SimMillis {
    return this.deliver[i] as SimMillis;
  }

  *[Symbol.iterator](): Iterator<Message> {
    for (let i = 0; i < this.n; i++) yield this.at(i)!;
  }

  slice(start = 0, end = this.n): Message[] {
    const out: Message[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.n); i++) out.push(this.at(i)!);
    return out;
  }

  filter(test: (m: Message) => boolean): Message[] {
    const out: Message[] = [];
    for (const m of this) if (test(m)) out.push(m);
    return out;
  }

  some(test: (m: Message) => boolean): boolean {
    for (const m of this) if (test(m)) return true;
    return false;
  }

  toJSON(): Message[] {
    return this.slice();
  }
}
