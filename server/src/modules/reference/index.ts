/** The SCO reference world: countries, currencies, reference rates, locations (UN/LOCODE). */
import { referenceRoutes } from './routes.js';

export { borderLocodes, knownLocodes, type LocationSummary, locationSummaries } from './lookup.js';
export { seedReferenceData } from './seed.js';

export const referenceModule = { routes: referenceRoutes };
