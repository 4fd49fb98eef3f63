/** Registry: enterprises (tenants), their onboarding and profiles, and authorities. Other modules use only what is exported here. */
export {
  applicationSchema,
  authoritySchema,
  authorityView,
  enterpriseSchema,
  enterpriseView,
  registryRoutes,
} from './routes.js';
export { CUSTOMS_CREDIT_TIERS, type CustomsCreditTier, ENTERPRISE_KINDS, type EnterpriseKind } from './schema.js';
export {
  type Authority,
  countEnterprisesByStatus,
  createAuthority,
  createEnterprise,
  type Enterprise,
  type EnterpriseSummary,
  findAuthorityByCode,
  findEnterpriseByUscc,
  getAuthority,
  getEnterprise,
  getEnterpriseFor,
  listAuthorities,
  listEnterpriseSummaries,
  listEnterprisesFor,
} from './service.js';
