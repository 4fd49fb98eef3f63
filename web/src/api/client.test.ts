import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, configureApiClient, fieldErrorPaths, fieldErrors } from './client';

function respond(status: number, body: unknown, contentType = 'application/problem+json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('sends the UI language and JSON, and returns the parsed body', async () => {
    const fetchMock = vi.fn(async () => respond(201, { id: 'k1' }, 'application/json'));
    vi.stubGlobal('fetch', fetchMock);
    configureApiClient({ language: () => 'ru', onUnauthenticated: () => {} });

    await expect(api.post('/api/api-keys', { name: 'ERP' })).resolves.toEqual({ id: 'k1' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const headers = init.headers as Record<string, string>;
    expect(url).toBe('/api/api-keys');
    expect(headers['Accept-Language']).toBe('ru');
    expect(headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"name":"ERP"}');
    expect(init.credentials).toBe('same-origin');
  });

  it('sends no Content-Type without a body, since an empty JSON body is rejected', async () => {
    const fetchMock = vi.fn(async () => respond(202, { eventId: 'e' }, 'application/json'));
    vi.stubGlobal('fetch', fetchMock);
    await api.post('/api/webhooks/x/ping');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
    expect(init.body).toBeUndefined();
  });

  it('turns a problem document into an ApiError and maps field errors to form fields', async () => {
    const problem = {
      type: 'urn:scohub:problem:validation_failed',
      title: 'Запрос содержит ошибки',
      status: 400,
      code: 'validation_failed',
      errors: [
        { field: 'body.email', code: 'invalid_format', message: 'неверный формат' },
        { field: 'body.eventTypes.0', code: 'invalid_format', message: 'неверный шаблон' },
      ],
    };
    vi.stubGlobal('fetch', async () => respond(400, problem));
    const error = await api.post('/api/users', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.title).toBe('Запрос содержит ошибки');
    expect(fieldErrors(error)).toEqual({ email: ['неверный формат'], eventTypes: ['неверный шаблон'] });
  });

  it('reports a lost session on 401, except where 401 is an expected answer', async () => {
    const onUnauthenticated = vi.fn();
    configureApiClient({ language: () => 'zh-CN', onUnauthenticated });
    vi.stubGlobal('fetch', async () =>
      respond(401, { type: 't', title: '请先登录', status: 401, code: 'unauthenticated' }),
    );

    await expect(api.get('/api/events')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    await expect(api.get('/api/auth/me', { expectUnauthenticated: true })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('still gives a problem when the server answers without one', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const error = (await api.get('/api/health').catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.problem.title).toBe('Bad Gateway');
  });
});

describe('fieldErrorPaths', () => {
  it('keeps nested paths so a form can place each message on its own field', () => {
    const error = new ApiError({
      type: 'urn:scohub:problem:validation_failed',
      title: 'The request is not valid',
      status: 400,
      code: 'validation_failed',
      errors: [
        { field: 'body.to', code: 'same_as_origin', message: 'must differ from the origin' },
        { field: 'body.cargo.containers.0.sizeType', code: 'invalid_value', message: 'has an invalid value' },
      ],
    });
    expect(fieldErrorPaths(error)).toEqual([
      { path: ['to'], messages: ['must differ from the origin'] },
      { path: ['cargo', 'containers', 0, 'sizeType'], messages: ['has an invalid value'] },
    ]);
    expect(fieldErrorPaths(new Error('network'))).toEqual([]);
  });
});
