/** The Chinese catalog: typed as the English one, so a missing key fails to compile. */
import type { Messages } from '../en';
import { appZh } from './appText';
import { componentsZh } from './components';

export const messagesZh: Messages = { ...appZh, components: componentsZh };
