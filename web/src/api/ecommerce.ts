// Cross-border e-commerce (跨境电商): bulk uploads of orders, payments, waybills and export lists, the retail
// import lists they produce, and the monthly export consolidation. Shapes mirror server/src/modules/ecommerce.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from './client';
import type { Problem } from './types';

export const UPLOAD_KINDS = ['orders', 'payments', 'waybills', 'export_lists'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];
export const LIST_STATUSES = ['released', 'inspection', 'rejected'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
/** Reasons the client words itself; sampling and rule codes are shown as the server sends them. */
export const KNOWN_REASONS = [
  'amount_mismatch',
  'payer_mismatch',
  'consignee_mismatch',
  'annual_limit_exceeded',
  'order_limit_exceeded',
  'quantity_cap_exceeded',
] as const;

/** The columns of each file kind (CSV header = JSON Lines keys), as docs/trade.md lists them. */
export const FILE_FIELDS: Record<UploadKind, readonly string[]> = {
  orders: [
    'orderNo',
    'mode',
    'consumerId',
    'orderDate',
    'code',
    'quantity',
    'unit',
    'secondQuantity',
    'unitPriceCny',
    'freightCny',
    'insuranceCny',
    'originCountry',
  ],
  payments: ['paymentNo', 'orderNo', 'payerId', 'amountCny'],
  waybills: ['waybillNo', 'orderNo', 'consigneeId'],
  export_lists: [
    'listNo',
    'mode',
    'code',
    'quantity',
    'unit',
    'secondQuantity',
    'valueCny',
    'destinationCountry',
    'warehouse',
    'exportDate',
  ],
};

export interface EcommerceUpload {
  id: string;
  kind: UploadKind;
  format: 'csv' | 'ndjson';
  status: 'processing' | 'completed' | 'failed';
  linesRead: number;
  linesAccepted: number;
  linesDuplicate: number;
  linesRejected: number;
  listsReleased: number;
  listsInspection: number;
  listsRejected: number;
  bytes: number;
  sha256: string | null;
  failure: string | null;
  startedAt: string;
  finishedAt: string | null;
  errorReportUrl: string;
}

export interface RetailImportList {
  orderNo: string;
  mode: string;
  status: ListStatus;
  reason: string | null;
  treatment: string | null;
  /** Masked ID number: the number itself is never stored. */
  consumer: string;
  valueCny: string;
  taxCny: string;
  createdAt: string;
}

export interface ExportConsolidation {
  month: string;
  lines: { mode: string; code: string; destinationCountry: string; lists: number; valueCny: string }[];
}

export const ecommerceKeys = {
  all: ['ecommerce'] as const,
  uploads: (language: string) => ['ecommerce', 'uploads', language] as const,
  upload: (id: string) => ['ecommerce', 'upload', id] as const,
  lists: (status: ListStatus | undefined, language: string) =>
    ['ecommerce', 'lists', status ?? 'all', language] as const,
  consolidation: (month: string, language: string) => ['ecommerce', 'consolidation', month, language] as const,
};

export function useUploads() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ecommerceKeys.uploads(i18n.language),
    queryFn: ({ signal }) => api.get<{ items: EcommerceUpload[] }>('/api/ecommerce/uploads', { signal }),
    select: (data) => data.items,
  });
}

/** One upload's progress, polled every half second while `enabled` (i.e. while the file is on its way). */
export function useUploadProgress(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ecommerceKeys.upload(id ?? 'none'),
    queryFn: ({ signal }) => api.get<EcommerceUpload>(`/api/ecommerce/uploads/${id}`, { signal }),
    enabled: id !== null && enabled,
    refetchInterval: enabled ? 500 : false,
    // Before the server has read the first line the upload does not exist yet: keep polling quietly.
    retry: false,
  });
}

export function useRetailLists(status: ListStatus | undefined, limit = 50) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ecommerceKeys.lists(status, i18n.language),
    queryFn: ({ signal }) =>
      api.get<{ items: RetailImportList[] }>('/api/ecommerce/lists', { query: { status, limit }, signal }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

export function useExportConsolidation(month: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ecommerceKeys.consolidation(month, i18n.language),
    queryFn: ({ signal }) =>
      api.get<ExportConsolidation>('/api/ecommerce/export-consolidation', { query: { month }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The Content-Type the server wants for a file, by its extension; null when the extension is neither. */
export function uploadContentType(fileName: string): string | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'application/x-ndjson';
  return null;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Problem>;
  return typeof candidate.title === 'string' && typeof candidate.status === 'number';
}

export interface UploadRequest {
  id: string;
  kind: UploadKind;
  file: File;
  language: string;
  /** Bytes sent so far and the file's size, as the browser reports them. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * POST /api/ecommerce/uploads with the raw file. XMLHttpRequest rather than fetch, because only it reports
 * the bytes sent (upload.onprogress). Resolves with the finished upload; a failure rejects with an ApiError
 * carrying the server's problem document, like the JSON client.
 */
export function uploadFile(request: UploadRequest): Promise<EcommerceUpload> {
  const contentType = uploadContentType(request.file.name) ?? 'text/csv';
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const params = new URLSearchParams({ kind: request.kind, id: request.id });
    xhr.open('POST', `/api/ecommerce/uploads?${params.toString()}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', request.language);
    xhr.upload.onprogress = (event) => {
      request.onProgress?.(event.loaded, event.lengthComputable ? event.total : request.file.size);
    };
    const fail = (status: number, title: string) =>
      reject(new ApiError({ type: 'about:blank', title, status, code: 'http_error' }));
    xhr.onerror = () => fail(0, 'Network error');
    xhr.onabort = () => fail(0, 'Aborted');
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed as EcommerceUpload);
        return;
      }
      if (isProblem(parsed)) reject(new ApiError(parsed));
      else fail(xhr.status, xhr.statusText || `HTTP ${xhr.status}`);
    };
    request.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(request.file);
  });
}
