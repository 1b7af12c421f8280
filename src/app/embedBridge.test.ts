import { describe, expect, it } from 'vitest';
import { readHostMessage } from './embedBridge';

describe('messages from the host page', () => {
  it.each([
    [{ type: 'k8s-explorer:play' }, { type: 'k8s-explorer:play' }],
    [{ type: 'k8s-explorer:pause' }, { type: 'k8s-explorer:pause' }],
    [{ type: 'k8s-explorer:hello' }, { type: 'k8s-explorer:hello' }],
    [
      { type: 'k8s-explorer:goToStep', step: 3 },
      { type: 'k8s-explorer:goToStep', step: 3 },
    ],
  ])('takes %j', (data, message) => expect(readHostMessage(data)).toEqual(message));

  it.each([
    null,
    'k8s-explorer:play',
    [],
    { type: 'play' },
    { type: 'k8s-explorer:goToStep' },
    { type: 'k8s-explorer:goToStep', step: '3' },
    { type: 'k8s-explorer:goToStep', step: 0 },
    { type: 'k8s-explorer:goToStep', step: 2.5 },
    { type: 'k8s-explorer:goToStep', step: 1e9 },
    { type: 'k8s-explorer:play', step: 1 },
    { type: 'k8s-explorer:play', html: '<img src=x onerror=alert(1)>' },
    { type: 'k8s-explorer:eval', code: 'alert(1)' },
  ])('ignores %j', (data) => expect(readHostMessage(data)).toBeNull());
});
