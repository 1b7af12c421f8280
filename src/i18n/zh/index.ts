/** The Chinese catalog: typed as the English one, so a missing key fails to compile. */
import type { FirstMessages } from '../en';
import { appZh } from './appText';
import { componentShortZh } from './componentShort';

export const messagesZh: FirstMessages = { ...appZh, components: componentShortZh };
