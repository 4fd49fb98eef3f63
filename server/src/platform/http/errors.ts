import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/client.js';
import { DomainError, type FieldIssue, toProblem } from './problem.js';

interface ZodLikeParams {
  expected?: unknown;
  keys?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
  values?: unknown;
  params?: { code?: unknown; [key: string]: unknown };
  input?: unknown;
}

/** Turns one schema-validation issue into a field issue with our stable codes. */
function fieldIssues(
  part: string,
  validation: { keyword: string; instancePath: string; message: string; params: ZodLikeParams },
): FieldIssue[] {
  const segments = validation.instancePath.split('/').filter(Boolean);
  const field = [part, ...segments].join('.');
  const params = validation.params;
  switch (validation.keyword) {
    case 'invalid_type':
      if (/received undefined/.test(validation.message)) return [{ field, code: 'required' }];
      return [{ field, code: 'invalid_type', params: { expected: String(params.expected) } }];
    case 'unrecognized_keys': {
      const keys = Array.isArray(params.keys) ? (params.keys as string[]) : [];
      return keys.map((key) => ({ field: `${field}.${key}`, code: 'unknown_field' }));
    }
    case 'too_small':
      return [{ field, code: 'too_small', params: { minimum: String(params.minimum) } }];
    case 'too_big':
      return [{ field, code: 'too_big', params: { maximum: String(params.maximum) } }];
    case 'invalid_format':
      // A schema may name its own stable code as the message (e.g. 'latin_script_required').
      if (/^[a-z][a-z0-9_]*$/.test(validation.message)) return [{ field, code: validation.message }];
      return [{ field, code: 'invalid_format', params: { format: String(params.format) } }];
    case 'invalid_value':
      return [
        {
          field,
          code: 'invalid_value',
          params: { options: Array.isArray(params.values) ? params.values.join(', ') : '' },
        },
      ];
    case 'custom': {
      const code = typeof params.params?.code === 'string' ? params.params.code : 'invalid';
      return [{ field, code, params: params.params ?? {} }];
    }
    default:
      return [{ field, code: 'invalid' }];
  }
}

/** Maps whatever was thrown onto a DomainError, so one function renders every error. */
export function toDomainError(error: unknown, bodyLimitBytes: number): DomainError {
  if (error instanceof DomainError) return error;
  const fastifyError = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const part = fastifyError.validationContext ?? 'body';
    const issues = fastifyError.validation.flatMap((v) =>
      fieldIssues(
        part,
        v as unknown as { keyword: string; instancePath: string; message: string; params: ZodLikeParams },
      ),
    );
    return new DomainError('validation_failed', 400, { params: { count: issues.length }, issues });
  }
  if (isResponseSerializationError(fastifyError)) return new DomainError('internal', 500);
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DomainError('malformed_json', 400, { issues: [{ field: 'body', code: 'invalid' }] });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('payload_too_large', 413, { params: { limit: bodyLimitBytes } });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('unsupported_media_type', 415);
    default:
      break;
  }
  if (fastifyError instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new DomainError('malformed_json', 400, { issues: [{ field: 'body', code: 'invalid' }] });
  }
  if (isDatabaseUnavailable(error))
    return new DomainError('database_unavailable', 503, { headers: { 'retry-after': '5' } });
  if (fastifyError.statusCode === 429) {
    return new DomainError('rate_limited', 429, { params: { seconds: 60 } });
  }
  return new DomainError('internal', 500);
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: DomainError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply
    .code(error.status)
    .type('application/problem+json; charset=utf-8')
    .send(toProblem(error, request.locale, { instance: request.url.split('?')[0], requestId: request.id }));
}
