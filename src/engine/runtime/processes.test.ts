import { describe, expect, it } from 'vitest';
import { exitOnSigterm, processLifetime } from './processes';

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

describe('exitOnSigterm', () => {
  it.each([
    ['nginx:1.27', undefined, 0],
    ['nginx:1.27', ['-g', 'daemon off;'], 0],
    ['busybox', ['sleep', '3600'], null],
    ['busybox', ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 600'], null],
    ['busybox', undefined, null],
    ['redis:7', ['redis-server'], 0],
    ['registry.k8s.io/e2e-test-images/agnhost:2.40', ['liveness'], 2],
  ] as const)('%s %j → %s', (image, command, code) => {
    expect(exitOnSigterm(image, command as readonly string[] | undefined)).toBe(code);
  });
});
