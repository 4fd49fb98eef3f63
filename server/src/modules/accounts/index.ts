/** Accounts: users, sessions, API keys, sign-in. Other modules use only what is exported here. */
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db/client.js';
import './messages.js';
import { accountRoutes } from './routes.js';
import { makeAuthenticator } from './service.js';

export { countUsers, createUser, hashPassword, type User } from './service.js';

export const accountsModule = {
  authenticator: (db: Db, config: Config) => makeAuthenticator(db, config),
  routes: (config: Config) => accountRoutes(config),
};
