import { z } from 'zod';
import { hasMessage, type Locale, translate } from '../i18n/index.js';
import '../i18n/messages.js';

/** One thing wrong with one field: `field` is a dotted path such as `body.cargo.0.count`. */
export interface FieldIssue {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/**
 * A failure the caller can act on. It carries a stable code (never reworded, clients branch
 * on it) and the parameters of its message; the words come from the catalogue at the edge,
 * in the caller's language.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly params: Record<string, unknown>;
  readonly issues: readonly FieldIssue[];
  readonly headers: Record<string, string>;

  constructor(
    code: string,
    status: number,
    options: { params?: Record<string, unknown>; issues?: FieldIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.status = status;
    this.params = options.params ?? {};
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }
}

export const notFound = (entity: string) => new DomainError('not_found', 404, { params: { entity } });
export const forbidden = (roles: readonly string[]) =>
  new DomainError('forbidden', 403, { params: { roles: roles.join(', ') } });
export const unauthenticated = () => new DomainError('unauthenticated', 401);
/** Field-level failures found by domain rules (check digits, unknown references), all at once. */
export const invalidFields = (issues: FieldIssue[]) =>
  new DomainError('validation_failed', 422, { params: { count: issues.length }, issues });

export const problemIssueSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

/** RFC 9457 problem document, as every error of the API is returned. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable code; the words in title/detail follow Accept-Language.'),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(problemIssueSchema).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export function issueMessage(locale: Locale, issue: FieldIssue): string {
  const key = `validation.${issue.code}`;
  return translate(locale, hasMessage(key) ? key : 'validation.invalid', issue.params ?? {});
}

export function toProblem(
  error: DomainError,
  locale: Locale,
  context: { instance?: string; requestId?: string } = {},
): Problem {
  const titleKey = `problem.${error.code}`;
  const detailKey = `problem.${error.code}.detail`;
  const problem: Problem = {
    type: `urn:scohub:problem:${error.code}`,
    title: translate(locale, hasMessage(titleKey) ? titleKey : 'problem.internal', error.params),
    status: error.status,
    code: error.code,
  };
  if (hasMessage(detailKey)) problem.detail = translate(locale, detailKey, error.params);
  if (context.instance) problem.instance = context.instance;
  if (context.requestId) problem.requestId = context.requestId;
  if (error.issues.length > 0) {
    problem.errors = error.issues.map((issue) => ({
      field: issue.field,
      code: issue.code,
      message: issueMessage(locale, issue),
    }));
  }
  return problem;
}
