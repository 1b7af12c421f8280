/** How a message's sender or receiver is named in words: `kubelet (minikube-m02)`, `the pods on minikube`. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../storeContext';

export function useEndpointName(): (endpoint: string) => string {
  const { t } = useTranslation();
  const topology = useAppStore((s) => s.topology);
  return useCallback(
    (endpoint: string) => {
      if (endpoint.startsWith('pods/')) return t('messages.podsOn', { node: endpoint.slice('pods/'.length) });
      const c = topology.components.find((x) => x.id === endpoint);
      if (!c) return endpoint;
      return c.node ? `${c.name} (${c.node})` : c.name;
    },
    [t, topology],
  );
}
