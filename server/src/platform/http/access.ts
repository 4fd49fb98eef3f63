import type { FastifyRequest, RouteOptions } from 'fastify';
import type { Access, Principal, Role } from './context.js';
import { forbidden, unauthenticated } from './problem.js';

/** Resolves the caller from the request (session cookie or API key), or null for anonymous. */
export type Authenticator = (request: FastifyRequest) => Promise<Principal | null>;

/** Paths that are not API endpoints and are public by nature (the web client, docs assets). */
function needsDeclaration(route: RouteOptions): boolean {
  const url = route.url;
  return url.startsWith('/api') && !url.startsWith('/api/docs');
}

/**
 * onRoute hook: a route under /api that does not say who may call it stops the server from
 * starting. Security that depends on remembering is security that will be forgotten.
 */
export function assertAccessDeclared(route: RouteOptions): void {
  if (!needsDeclaration(route)) return;
  const access = (route.config as { access?: Access } | undefined)?.access;
  if (access === undefined) {
    throw new Error(`route ${String(route.method)} ${route.url} does not declare config.access`);
  }
}

export function checkAccess(access: Access | undefined, principal: Principal | null): void {
  if (access === undefined || access === 'public') return;
  if (!principal) throw unauthenticated();
  if (access === 'authenticated') return;
  if (!access.includes(principal.role)) throw forbidden(access);
}

export function hasRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.includes(principal.role);
}
