import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyLanguage } from '../i18n';
import { ApiError, api } from './client';
import type {
  ApiKey,
  AuditEntry,
  Authority,
  Country,
  Currency,
  Enterprise,
  ExchangeRate,
  Items,
  Locale,
  Location,
  Me,
  PlatformEvent,
  Role,
  RouteSearchRequest,
  RouteSearchResult,
  ScoStatus,
  TransportService,
  TransportServiceDetail,
  User,
  Webhook,
  WebhookDelivery,
} from './types';

/** Reference data changes a few times a year; refetching it on every page visit is waste. */
const REFERENCE_STALE_MS = 60 * 60 * 1000;

export const queryKeys = {
  me: ['auth', 'me'] as const,
  enterprises: ['enterprises'] as const,
  users: ['users'] as const,
  apiKeys: ['api-keys'] as const,
  webhooks: ['webhooks'] as const,
  deliveries: (webhookId: string) => ['webhooks', webhookId, 'deliveries'] as const,
  events: (limit: number) => ['events', limit] as const,
  audit: (entityType: string | undefined, limit: number) => ['audit', entityType ?? 'all', limit] as const,
  countries: (sco: ScoStatus | 'any' | 'all') => ['reference', 'countries', sco] as const,
  currencies: ['reference', 'currencies'] as const,
  exchangeRates: ['reference', 'exchange-rates'] as const,
  locations: ['reference', 'locations'] as const,
  // Service names come back in the request's language, so the language is part of the key.
  transportServices: (language: string) => ['logistics', 'services', language] as const,
  transportService: (id: string, language: string) => ['logistics', 'services', id, language] as const,
};

// --- session -------------------------------------------------------------------------------

/**
 * On sign-in and sign-out every user-specific query is dropped. Reference data is the same for
 * everyone, and the session query itself is kept (and overwritten) because removing it would
 * detach the components watching it from the new value.
 */
function isUserSpecific(query: { queryKey: readonly unknown[] }): boolean {
  return query.queryKey[0] !== 'reference' && query.queryKey[0] !== 'auth';
}

/** The signed-in user, or null when there is no session (a 401 here is an answer, not an error). */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Me>('/api/auth/me', { signal, expectUnauthenticated: true });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60 * 1000,
    retry: false,
  });
}

/**
 * Set while a user signs out on purpose, so the sign-in page does not offer to return them to the
 * page they left (the next person to sign in may not be allowed to see it). An expired session does.
 */
let deliberateSignOut = false;

export function signedOutDeliberately(): boolean {
  return deliberateSignOut;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      api.post<Me>('/api/auth/login', input, { expectUnauthenticated: true }),
    onSuccess: async (me) => {
      // The profile's language wins on sign-in: it is what the user chose last time, on any device.
      await applyLanguage(me.user.locale);
      deliberateSignOut = false;
      // Whatever the previous user had cached must not leak into the new session.
      client.removeQueries({ predicate: isUserSpecific });
      client.setQueryData(queryKeys.me, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout', undefined, { expectUnauthenticated: true }),
    onSettled: () => {
      deliberateSignOut = true;
      client.removeQueries({ predicate: isUserSpecific });
      client.setQueryData(queryKeys.me, null);
    },
  });
}

export function useUpdateMyLocale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api.patch<User>('/api/auth/me', { locale }),
    onSuccess: (user) => {
      client.setQueryData<Me | null>(queryKeys.me, (me) => (me ? { ...me, user } : me));
    },
  });
}

// --- registry and platform ------------------------------------------------------------------

export function useEnterprises(enabled = true) {
  return useQuery({
    queryKey: queryKeys.enterprises,
    queryFn: ({ signal }) => api.get<Items<Enterprise>>('/api/enterprises', { signal }).then((r) => r.items),
    enabled,
  });
}

/** Public platform state; the sign-in page uses `demo` to decide whether to show the demo logins. */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => api.get<{ status: string; demo: boolean }>('/api/health', { signal }),
    staleTime: 60_000,
  });
}

export function useAuthorities(enabled = true) {
  return useQuery({
    queryKey: ['authorities'],
    queryFn: ({ signal }) => api.get<Items<Authority>>('/api/authorities', { signal }).then((r) => r.items),
    enabled,
  });
}

export function useEvents(limit = 20) {
  return useQuery({
    queryKey: queryKeys.events(limit),
    queryFn: ({ signal }) =>
      api.get<Items<PlatformEvent>>('/api/events', { signal, query: { limit } }).then((r) => r.items),
    refetchInterval: 30_000,
  });
}

export function useAudit(entityType: string | undefined, limit = 200) {
  return useQuery({
    queryKey: queryKeys.audit(entityType, limit),
    queryFn: ({ signal }) =>
      api.get<Items<AuditEntry>>('/api/audit', { signal, query: { limit, entityType } }).then((r) => r.items),
  });
}

// --- users ----------------------------------------------------------------------------------

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: ({ signal }) => api.get<Items<User>>('/api/users', { signal }).then((r) => r.items),
    enabled,
  });
}

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  enterpriseId: string | null;
  authorityId: string | null;
  locale: Locale;
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => api.post<User>('/api/users', input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

// --- API keys -------------------------------------------------------------------------------

export function useApiKeys() {
  return useQuery({
    queryKey: queryKeys.apiKeys,
    queryFn: ({ signal }) => api.get<Items<ApiKey>>('/api/api-keys', { signal }).then((r) => r.items),
  });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => api.post<{ apiKey: ApiKey; key: string }>('/api/api-keys', input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<ApiKey>(`/api/api-keys/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
}

// --- webhooks -------------------------------------------------------------------------------

export function useWebhooks() {
  return useQuery({
    queryKey: queryKeys.webhooks,
    queryFn: ({ signal }) => api.get<Items<Webhook>>('/api/webhooks', { signal }).then((r) => r.items),
  });
}

export interface NewWebhook {
  url: string;
  eventTypes: string[];
  description?: string;
}

export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewWebhook) => api.post<{ webhook: Webhook; secret: string }>('/api/webhooks', input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.webhooks }),
  });
}

export function useDeactivateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<Webhook>(`/api/webhooks/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.webhooks }),
  });
}

export function usePingWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ eventId: string }>(`/api/webhooks/${encodeURIComponent(id)}/ping`),
    onSuccess: (_result, id) => {
      void client.invalidateQueries({ queryKey: queryKeys.deliveries(id) });
      void client.invalidateQueries({ queryKey: ['events'] });
    },
  });
}

export function useWebhookDeliveries(webhookId: string | null) {
  return useQuery({
    queryKey: queryKeys.deliveries(webhookId ?? 'none'),
    queryFn: ({ signal }) =>
      api
        .get<Items<WebhookDelivery>>(`/api/webhooks/${encodeURIComponent(webhookId ?? '')}/deliveries`, {
          signal,
          query: { limit: 100 },
        })
        .then((r) => r.items),
    enabled: webhookId !== null,
    // Deliveries move from pending to delivered or dead within seconds; keep the drawer current.
    refetchInterval: 5_000,
  });
}

// --- reference data -------------------------------------------------------------------------

export function useCountries(sco: ScoStatus | 'any' | 'all' = 'all') {
  return useQuery({
    queryKey: queryKeys.countries(sco),
    queryFn: ({ signal }) =>
      api
        .get<Items<Country>>('/api/reference/countries', { signal, query: { sco: sco === 'all' ? undefined : sco } })
        .then((r) => r.items),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useCurrencies() {
  return useQuery({
    queryKey: queryKeys.currencies,
    queryFn: ({ signal }) => api.get<Items<Currency>>('/api/reference/currencies', { signal }).then((r) => r.items),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useExchangeRates() {
  return useQuery({
    queryKey: queryKeys.exchangeRates,
    queryFn: ({ signal }) =>
      api.get<Items<ExchangeRate>>('/api/reference/exchange-rates', { signal }).then((r) => r.items),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useLocations() {
  return useQuery({
    queryKey: queryKeys.locations,
    queryFn: ({ signal }) =>
      api.get<Items<Location>>('/api/reference/locations', { signal, query: { limit: 1000 } }).then((r) => r.items),
    staleTime: REFERENCE_STALE_MS,
  });
}

// --- logistics ------------------------------------------------------------------------------

export function useTransportServices() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useQuery({
    queryKey: queryKeys.transportServices(language),
    queryFn: ({ signal }) =>
      api.get<Items<TransportService>>('/api/logistics/services', { signal }).then((r) => r.items),
  });
}

export function useTransportService(id: string | null) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useQuery({
    queryKey: queryKeys.transportService(id ?? 'none', language),
    queryFn: ({ signal }) =>
      api.get<TransportServiceDetail>(`/api/logistics/services/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

/** Planning writes nothing, but it is an action the user starts (a POST), so it is a mutation. */
export function useRouteSearch() {
  return useMutation({
    mutationFn: (request: RouteSearchRequest) => api.post<RouteSearchResult>('/api/logistics/routes/search', request),
  });
}
