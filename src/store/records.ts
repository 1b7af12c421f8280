/** Reading time-ordered records (decisions, control-loop passes) at the cursor. */
export { lastIndexAtOrBefore as lastAtOrBeforeTime } from '../playback/timeSearch';
