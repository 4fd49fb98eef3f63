import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type {
  DepartureUtilisation,
  Items,
  NewTransportService,
  OperatorFeedEvent,
  PublishedService,
  ServiceAmendment,
} from './types';

/** The tracking feed is what the operator watches; it asks again this often. */
export const FEED_REFRESH_MS = 5_000;
/** Utilisation changes with every booking; a minute is fresh enough for a dashboard. */
const DEPARTURES_REFRESH_MS = 60_000;

export const operationsKeys = {
  departures: (serviceId: string | null, from: string, limit: number) =>
    ['logistics', 'departures', serviceId ?? 'all', from, limit] as const,
  allDepartures: ['logistics', 'departures'] as const,
  feed: (limit: number) => ['logistics', 'tracking-feed', limit] as const,
  // Every services query (list and details, in every language) starts with this.
  services: ['logistics', 'services'] as const,
};

/** Departures of the caller's services (every operator's for authorities) from `from`, with what is sold. */
export function useDepartures(serviceId: string | null, from: string, limit = 200) {
  return useQuery({
    queryKey: operationsKeys.departures(serviceId, from, limit),
    queryFn: ({ signal }) =>
      api
        .get<Items<DepartureUtilisation>>('/api/logistics/departures', {
          signal,
          query: { serviceId: serviceId ?? undefined, from, limit },
        })
        .then((r) => r.items),
    refetchInterval: DEPARTURES_REFRESH_MS,
  });
}

/** The latest tracking events on the caller's services, newest first. */
export function useTrackingFeed(limit = 50) {
  return useQuery({
    queryKey: operationsKeys.feed(limit),
    queryFn: ({ signal }) =>
      api
        .get<Items<OperatorFeedEvent>>('/api/logistics/tracking/feed', { signal, query: { limit } })
        .then((r) => r.items),
    refetchInterval: FEED_REFRESH_MS,
  });
}

export function usePublishService(idempotencyKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewTransportService) =>
      api.post<PublishedService>('/api/logistics/services', body, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: operationsKeys.services });
      void client.invalidateQueries({ queryKey: operationsKeys.allDepartures });
    },
  });
}

/** Suspend or resume a service, or change its capacity per run. */
export function useAmendService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: ServiceAmendment }) =>
      api.patch<{ id: string; version: number }>(`/api/logistics/services/${encodeURIComponent(id)}`, change),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: operationsKeys.services });
      void client.invalidateQueries({ queryKey: operationsKeys.allDepartures });
    },
  });
}
