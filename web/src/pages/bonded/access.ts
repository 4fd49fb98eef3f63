import type { Role } from '../../api/types';

/** Who runs a bonded business through their enterprise's books (the server checks the same list). */
export const ENTERPRISE_ROLES: readonly Role[] = ['trader', 'forwarder'];
/** Who opens books for enterprises. */
export const BOOK_OPENER_ROLES: readonly Role[] = ['customs_officer', 'zone_admin'];
/** Who approves or refuses stocktake adjustments. */
export const APPROVER_ROLES: readonly Role[] = ['customs_officer'];
/** Who runs the ledger checker. */
export const CHECKER_ROLES: readonly Role[] = ['zone_admin', 'customs_officer'];
