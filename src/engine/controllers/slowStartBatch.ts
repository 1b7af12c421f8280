/**
 * slowStartBatch (controller_utils.go): a controller's many creates go out in batches of 1, 2, 4,
 * 8, …, each batch once every call of the one before has been answered, and the first batch with
 * a failure is the last. A template that cannot work (a quota, a bad field) then costs one
 * failed request rather than hundreds.
 */

/** SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/**
 * Makes `count` calls of `call` in slow-start batches. Each call hands its answer to `answered`
 * (true: it worked). `finished` hears how many worked once the last batch is answered, and whether
 * one failed (the calls never made count as not worked). While `alive` says no, no further batch
 * starts and `finished` is not told.
 */
export function slowStartBatch(
  count: number,
  call: (answered: (ok: boolean) => void) => void,
  finished: (successes: number, failed: boolean) => void,
  alive: () => boolean,
): void {
  let successes = 0;
  let remaining = count;
  const batch = (size: number): void => {
    if (size <= 0) return finished(successes, false);
    let waiting = size;
    let failures = 0;
    const answered = (ok: boolean): void => {
      if (ok) successes++;
      else failures++;
      if (--waiting > 0 || !alive()) return;
      remaining -= size;
      if (failures > 0) return finished(successes, true);
      batch(Math.min(2 * size, remaining));
    };
    for (let i = 0; i < size; i++) call(answered);
  };
  batch(Math.min(remaining, SLOW_START_INITIAL_BATCH_SIZE));
}
