/** The SCO reference world: countries, currencies, reference rates, locations (UN/LOCODE). */
import { referenceRoutes } from './routes.js';

export {
  borderLocodes,
  knownCountries,
  knownCurrencies,
  knownLocodes,
  type LocationSummary,
  latestReferenceRates,
  locationSummaries,
} from './lookup.js';
export { seedReferenceData } from './seed.js';

export const referenceModule = { routes: referenceRoutes };
