/** Reading time-ordered records (decisions, control-loop passes) at the cursor. */
export { lastIndexAtOrBefore as lastAtOrBeforeTime } from '../engine/core/timeSearch';
