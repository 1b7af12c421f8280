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
  | 'traffic'; // a packet to a Service, through kube-proxy's rules

export interface ObjectRef {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
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
