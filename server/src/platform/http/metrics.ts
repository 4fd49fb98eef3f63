import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one app instance (tests build many apps, so no global registry). */
export function registerMetrics(app: FastifyInstance, pendingEvents: () => Promise<number>): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'scohub_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const problems = new Counter({
    name: 'scohub_http_problems_total',
    help: 'Problem documents returned, by code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'scohub_outbox_pending',
    help: 'Events not yet delivered to every target',
    registers: [registry],
    async collect() {
      this.set(await pendingEvents().catch(() => -1));
    },
  });
  app.addHook('onResponse', async (request, reply) => {
    // Label by route pattern, never by raw URL, so ids do not explode the series count.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.decorate('countProblem', (code: string) => problems.inc({ code }));
  return registry;
}

declare module 'fastify' {
  interface FastifyInstance {
    countProblem(code: string): void;
  }
}
