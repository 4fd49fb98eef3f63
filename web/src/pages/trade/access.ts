import type { Role } from '../../api/types';

/** Who files declarations and asks for rulings (the server checks the same lists). */
export const DECLARANT_ROLES: readonly Role[] = ['trader', 'forwarder'];
/** Who works the queue, keeps the risk rules and decides rulings. */
export const OFFICER_ROLES: readonly Role[] = ['customs_officer'];
/** Who may read the clearance statistics. */
export const STATISTICS_ROLES: readonly Role[] = ['customs_officer', 'zone_admin'];
/** Who sees the cross-border e-commerce tab (uploads are for traders and forwarders only). */
export const ECOMMERCE_ROLES: readonly Role[] = ['trader', 'forwarder', 'customs_officer', 'zone_admin'];
