/** The `get` verb's flags and runner. */
import { GET_FLAGS, getCommand } from '../get/get';
import type { Verb } from './context';

export const get: Verb = { flags: GET_FLAGS, run: getCommand };
