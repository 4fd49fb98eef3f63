import type { Problem } from './types';

/** A failed API call, carrying the server's problem document (already localised). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

interface ClientHooks {
  /** The UI language, sent as Accept-Language so problem documents come back in it. */
  language: () => string;
  /** Called when a request meets 401: the session has ended, so the app goes to sign-in. */
  onUnauthenticated: () => void;
}

let hooks: ClientHooks = { language: () => 'zh-CN', onUnauthenticated: () => {} };

export function configureApiClient(next: ClientHooks): void {
  hooks = next;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** 401 from this call is an answer (e.g. "not signed in yet"), not a lost session. */
  expectUnauthenticated?: boolean;
  /** Extra request headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
  /** A raw body (a file) sent as is with this Content-Type instead of JSON. */
  raw?: { body: Blob; contentType: string };
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Problem>;
  return typeof candidate.title === 'string' && typeof candidate.status === 'number';
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': hooks.language(),
    ...options.headers,
  };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  // The server accepts JSON bodies (and, on the document check only, raw PDF); calls without a
  // body send no Content-Type at all, because an empty body declared as JSON is itself a 400.
  if (options.raw) {
    headers['Content-Type'] = options.raw.contentType;
    init.body = options.raw.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(withQuery(path, options.query), init);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const problem: Problem = isProblem(parsed)
      ? parsed
      : {
          type: 'about:blank',
          title: response.statusText || `HTTP ${response.status}`,
          status: response.status,
          code: 'http_error',
        };
    if (response.status === 401 && !options.expectUnauthenticated) hooks.onUnauthenticated();
    throw new ApiError(problem);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};

/** Per-field messages of a 400/422 problem, keyed by form field: 'body.email' becomes 'email'. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (!(error instanceof ApiError)) return result;
  for (const item of error.problem.errors ?? []) {
    // Nested paths (body.eventTypes.0) belong to the top-level form field (eventTypes).
    const field = item.field.replace(/^body\./, '').split('.')[0] ?? item.field;
    result[field] = [...(result[field] ?? []), item.message];
  }
  return result;
}

/**
 * Per-field messages of a 400/422 problem with their full paths, for nested forms:
 * 'body.cargo.containers.0.sizeType' becomes ['cargo', 'containers', 0, 'sizeType'].
 */
export function fieldErrorPaths(error: unknown): { path: (string | number)[]; messages: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  for (const item of error.problem.errors ?? []) {
    byField.set(item.field, [...(byField.get(item.field) ?? []), item.message]);
  }
  return [...byField].map(([field, messages]) => ({
    path: field
      .replace(/^body\./, '')
      .split('.')
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    messages,
  }));
}

/**
 * Downloads a file the API generates (a workbook, a report) and saves it under the server's file name,
 * else `fallbackName`. fetch rather than a plain link, so the file comes in the UI language
 * (Accept-Language) and a failure throws the problem document for the page to show.
 */
export async function downloadFile(url: string, language: string, fallbackName: string): Promise<string> {
  const response = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': language } });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(
      problem && typeof problem.title === 'string'
        ? problem
        : { type: 'about:blank', title: response.statusText, status: response.status, code: 'http_error' },
    );
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  return name;
}
