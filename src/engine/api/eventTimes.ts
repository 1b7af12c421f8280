/**
 * When an Event happened and how often, read as kubectl reads both kinds of Event (printEvent,
 * DescribeEvents): a core/v1 Event has firstTimestamp, lastTimestamp and count; an events.k8s.io
 * one has eventTime and, once it repeats, a series.
 */
import type { KubeEvent } from './types';

/** When it first happened: firstTimestamp, or eventTime when that is null. */
export const eventFirstSeen = (e: KubeEvent): string =>
  e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp;

/** When it last happened: the series' last observation, lastTimestamp, or the first time. */
export const eventLastSeen = (e: KubeEvent): string =>
  e.series?.lastObservedTime ?? e.lastTimestamp ?? eventFirstSeen(e);

/** How often it happened ("Singleton events don't have a count set in the new API"). */
export const eventCount = (e: KubeEvent): number => e.series?.count ?? (e.count || 1);

/** The last time as milliseconds, for sorting (kubectl's SortableEvents orders by it). */
export const eventLastMillis = (e: KubeEvent): number => Date.parse(eventLastSeen(e));

/**
 * The SOURCE column of `get events -o wide` (formatEventSource): the component or the reporting
 * controller, then the host or the reporting instance.
 */
export function eventSourceText(e: KubeEvent): string {
  const component = e.source.component || e.reportingComponent;
  const instance = e.source.host || e.reportingInstance;
  if (!component) return '<unknown>';
  return instance ? `${component}, ${instance}` : component;
}

/** The From column of `kubectl describe`: source.component, or the reporting controller. */
export const eventFrom = (e: KubeEvent): string => e.source.component || e.reportingComponent;
