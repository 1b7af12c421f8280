/**
 * The event broadcaster's recordToSink retry, shared by both recorders: a write kube-apiserver
 * refused the connection for (it is down) is tried again, first after a random part of 10 s, then
 * every 10 s, 12 tries in all; any answer from kube-apiserver, even a refusal, ends it, and the
 * sender's process ending drops the rest.
 */
import type { ApiResult } from '../apiserver/request';
import type { Sim } from '../sim';
import type { Endpoint } from '../topology';

/** maxTriesPerEvent and sleepDuration. */
const EVENT_TRIES = 12;
const EVENT_RETRY_MS = 10_000;

/** Schedules try `tries + 1` (`again`) if `result` was a refused connection and tries are left; says whether it did. */
export function retryRefused(
  sim: Sim,
  from: Endpoint,
  result: ApiResult,
  tries: number,
  again: () => void,
): boolean {
  if (result.ok || result.error.reason !== 'ConnectionRefused' || tries >= EVENT_TRIES) return false;
  const wait = tries === 1 ? sim.rng.int(0, EVENT_RETRY_MS) : EVENT_RETRY_MS;
  sim.after(wait, () => {
    if (sim.isUp(from)) again();
  });
  return true;
}
