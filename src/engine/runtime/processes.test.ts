import { describe, expect, it } from 'vitest';
import { ignoresSigterm, processLifetime } from './processes';

describe('processLifetime', () => {
  it.each([
    ['nginx:1.27', undefined, null],
    ['busybox', undefined, 1000],
    ['ubuntu:24.04', undefined, 1000],
    ['busybox', ['sleep', '3600'], 3_600_000],
    ['busybox', ['sleep', 'infinity'], null],
    ['busybox', ['sh', '-c', 'echo hello'], 1000],
    ['busybox', ['sh', '-c', 'echo hi; sleep 30'], 31_000],
    ['python:3.12', ['python', 'app.py'], null],
    // The Kubernetes docs' liveness example: both sleeps, one after the other.
    ['busybox', ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'], 631_000],
    ['busybox', ['sh', '-c', 'while true; do echo hi; sleep 5; done'], null],
  ] as const)('%s %j → %s', (image, command, ms) => {
    expect(processLifetime(image, command as readonly string[] | undefined)).toBe(ms);
  });
});

describe('ignoresSigterm', () => {
  it.each([
    ['nginx:1.27', undefined, false],
    ['nginx:1.27', ['-g', 'daemon off;'], false],
    ['busybox', ['sleep', '3600'], true],
    ['busybox', ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 600'], true],
    ['busybox', undefined, true],
    ['redis:7', ['redis-server'], false],
  ] as const)('%s %j → %s', (image, command, ignores) => {
    expect(ignoresSigterm(image, command as readonly string[] | undefined)).toBe(ignores);
  });
});
