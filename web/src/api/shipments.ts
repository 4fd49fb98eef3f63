import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './client';
import type {
  AmendShipmentRequest,
  BookingRequest,
  DocumentVerification,
  Items,
  PdfCheck,
  Shipment,
  ShipmentAlternatives,
  ShipmentEvent,
  ShipmentPage,
  ShipmentStatus,
} from './types';

/** How often an open shipment page asks again, so carrier events show up without a reload. */
export const SHIPMENT_REFRESH_MS = 5_000;
const PAGE_SIZE = 50;

// Place and service names and the risk message come back in the request's language: it is in every key.
export const shipmentKeys = {
  all: ['logistics', 'shipments'] as const,
  list: (status: ShipmentStatus | 'all', language: string) => ['logistics', 'shipments', 'list', status, language],
  detail: (id: string, language: string) => ['logistics', 'shipments', id, 'detail', language],
  events: (id: string) => ['logistics', 'shipments', id, 'events'],
  alternatives: (id: string, language: string) => ['logistics', 'shipments', id, 'alternatives', language],
  verification: (token: string, language: string) => ['public', 'documents', token, language],
};

/**
 * An Idempotency-Key for one opened form. crypto.randomUUID exists only in secure contexts (HTTPS,
 * localhost); the platform may be served over plain HTTP inside a zone's network, so fall back to
 * a version 4 UUID built from getRandomValues, which exists everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function useShipments(status: ShipmentStatus | 'all') {
  const { i18n } = useTranslation();
  return useInfiniteQuery({
    queryKey: shipmentKeys.list(status, i18n.language),
    queryFn: ({ signal, pageParam }) =>
      api.get<ShipmentPage>('/api/logistics/shipments', {
        signal,
        query: { status: status === 'all' ? undefined : status, limit: PAGE_SIZE, before: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
    // Statuses and ETAs move with carrier events; coming back to the list shows them as they are now.
    staleTime: 0,
  });
}

export function useShipment(id: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: shipmentKeys.detail(id, i18n.language),
    queryFn: ({ signal }) => api.get<Shipment>(`/api/logistics/shipments/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: SHIPMENT_REFRESH_MS,
    // Live data: an entry cached in another language (or before the last event) is refetched at once.
    staleTime: 0,
  });
}

export function useShipmentEvents(id: string) {
  return useQuery({
    queryKey: shipmentKeys.events(id),
    queryFn: ({ signal }) =>
      api
        .get<Items<ShipmentEvent>>(`/api/logistics/shipments/${encodeURIComponent(id)}/events`, { signal })
        .then((r) => r.items),
    refetchInterval: SHIPMENT_REFRESH_MS,
    staleTime: 0,
  });
}

/** Re-routing options from where the cargo is; asked only while the shipment is at risk. */
export function useShipmentAlternatives(id: string, enabled: boolean) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: shipmentKeys.alternatives(id, i18n.language),
    queryFn: ({ signal }) =>
      api.get<ShipmentAlternatives>(`/api/logistics/shipments/${encodeURIComponent(id)}/alternatives`, { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useBookShipment(idempotencyKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: BookingRequest) =>
      api.post<Shipment>('/api/logistics/shipments', request, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: () => client.invalidateQueries({ queryKey: shipmentKeys.all }),
  });
}

export function useCancelShipment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Shipment>(`/api/logistics/shipments/${encodeURIComponent(id)}/cancel`),
    onSuccess: () => client.invalidateQueries({ queryKey: shipmentKeys.all }),
  });
}

export function useAmendShipment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: AmendShipmentRequest) =>
      api.patch<Shipment>(`/api/logistics/shipments/${encodeURIComponent(id)}`, request),
    onSuccess: () => client.invalidateQueries({ queryKey: shipmentKeys.all }),
  });
}

// --- public document verification (no sign-in) ---------------------------------------------

export function useDocumentVerification(token: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: shipmentKeys.verification(token, i18n.language),
    queryFn: ({ signal }) =>
      api.get<DocumentVerification>(`/api/public/documents/${encodeURIComponent(token)}`, {
        signal,
        expectUnauthenticated: true,
      }),
  });
}

/** Sends a PDF's raw bytes; the server answers whether they are, byte for byte, a document it issued. */
export function useCheckPdf() {
  return useMutation({
    mutationFn: (file: Blob) =>
      api.post<PdfCheck>('/api/public/documents/verify', undefined, {
        raw: { body: file, contentType: 'application/pdf' },
        expectUnauthenticated: true,
      }),
  });
}
