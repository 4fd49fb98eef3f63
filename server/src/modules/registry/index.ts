/** Registry: enterprises (tenants) and authorities. Other modules use only what is exported here. */
export { authoritySchema, authorityView, enterpriseSchema, enterpriseView, registryRoutes } from './routes.js';
export {
  type Authority,
  createAuthority,
  createEnterprise,
  type Enterprise,
  findAuthorityByCode,
  findEnterpriseByUscc,
  getAuthority,
  getEnterprise,
  getEnterpriseFor,
  listAuthorities,
  listEnterprisesFor,
} from './service.js';
