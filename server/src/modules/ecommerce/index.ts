/**
 * Cross-border e-commerce: orders, payments and waybills from platforms, payment firms and logistics firms,
 * matched three ways into retail import lists (1210 bonded, 9610 direct mail) with the CBEC limits and tax;
 * export lists (9610, 9710, 9810) consolidated by month; bulk uploads of up to a million lines, streamed.
 * Other modules use only what is exported here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.js';
import { ecommerceRoutes } from './routes.js';
import { consumerIdKey } from './uploads.js';

export { BATCH_LINES, UPLOAD_LINES_MAX } from './bulk.js';
export { type RetailListFigure, retailListFigures } from './statistics.js';

export function createEcommerceModule(db: Db, options: { consumerIdKey: string | null; uploadLimitBytes: number }) {
  let key: Promise<Buffer> | null = null;
  // Read (or generated) once per process; a failure is retried on the next upload.
  const keyOnce = () => {
    key ??= consumerIdKey(db, options.consumerIdKey).catch((error: unknown) => {
      key = null;
      throw error;
    });
    return key;
  };
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(ecommerceRoutes({ key: keyOnce, uploadLimitBytes: options.uploadLimitBytes }));
  };
  return { routes };
}
