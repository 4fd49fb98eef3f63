import type { Locale } from '../i18n/index.js';

/** The five roles of the platform. A user has exactly one. */
export const ROLES = ['trader', 'forwarder', 'customs_officer', 'bank_officer', 'zone_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose users act for an authority (customs, the zone administration) rather than a tenant. */
export const AUTHORITY_ROLES: readonly Role[] = ['customs_officer', 'zone_admin'];

/**
 * Who is calling. Users belong to an enterprise (the tenant) or to an authority; an API key
 * acts with the role and tenant of the user who created it.
 */
export interface Principal {
  kind: 'session' | 'api_key';
  userId: string;
  apiKeyId: string | null;
  sessionId: string | null;
  role: Role;
  enterpriseId: string | null;
  authorityId: string | null;
  /**
   * The user administers its own enterprise's users. Optional so that principals built by the
   * system (demo seeding, imports) need not say; absent means false, so forgetting grants nothing.
   */
  enterpriseAdmin?: boolean;
  locale: Locale;
  displayName: string;
}

/**
 * Who may call a route. Every route under /api declares one; the server refuses to start
 * when a route does not (see access.ts), the way a lint rule would.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** false on routes whose answer holds a secret that must not be kept for replay. */
    idempotency?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
    /** Set when the request carries a valid Idempotency-Key (see idempotency.ts). */
    idempotency: { key: string; scope: string; requestHash: string } | null;
  }
}

/** A stable string for scoping per-caller records such as idempotency keys. */
export function principalScope(principal: Principal): string {
  return principal.apiKeyId ? `key:${principal.apiKeyId}` : `user:${principal.userId}`;
}

/** What the kernel needs from the running app; decorated onto the Fastify instance at build time. */
export interface PlatformHandle {
  db: import('../db/client.js').Db;
  /** Called after every committed mutation: wakes the event dispatcher. */
  afterCommit(): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: PlatformHandle;
  }
}
