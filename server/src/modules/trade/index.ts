/**
 * Modern trade centre: the tariff catalogue and classification, customs exchange rates, declarations with
 * their taxes (pure tax engine), the risk engine and its channels, the officer's queue, guarantees, the
 * "new three" fast lane and release notes. Other modules use only what is exported here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/client.js';
import type { Subscriber } from '../events/index.js';
import { creditGradeSubscriber, customsStatusSubscriber } from './credit-grade.js';
import { TARIFF_LINES } from './data/tariff.js';
import { declarationRoutes } from './declaration-routes.js';
import { guaranteeRoutes } from './guarantee-routes.js';
import './messages.js';
import { ReleaseNoteService } from './release-notes.js';
import { riskRoutes } from './risk-routes.js';
import { TariffIndex } from './search/tariff-index.js';
import { tariffRoutes } from './tariff-routes.js';

/**
 * The risk engine and the officers' current rules and sampling policy, for other customs channels (CBEC lists);
 * paying and deciding declarations through the trade centre's own rules (the cockpit's demo data uses them).
 */
export { activeRules, findDeclaration, loadRiskSettings, officerDecision, payDeclaration } from './declarations.js';
export { seedTradeDemo } from './demo.js';
export { assessRisk, type RiskDecision, type RiskInput, type RiskRule, type SamplingPolicy } from './risk/index.js';
export {
  type DeclarationChannel,
  type DeclarationFacts,
  DRILL_PAGE_MAX,
  type DrillDeclaration,
  type DrillFilter,
  declarationFacts,
  declarationsBehind,
  declarationsByIds,
  recomputeTradeFigures,
  type TradeRecomputation,
} from './statistics.js';

/** One per app instance: the search index (built on first use), the release notes, the routes. */
export function createTradeModule(db: Db, options: { publicUrl: string; onError?: (error: Error) => void }) {
  let index: TariffIndex | null = null;
  // Built lazily: loading the word-segmentation dictionary takes ~100 ms, which start-up need not pay.
  const tariffIndex = () => {
    index ??= new TariffIndex(TARIFF_LINES);
    return index;
  };
  const releaseNotes = new ReleaseNoteService(db, options.publicUrl, options.onError);
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(tariffRoutes(tariffIndex));
    await app.register(declarationRoutes(releaseNotes));
    await app.register(riskRoutes());
    await app.register(guaranteeRoutes());
  };
  const subscribers: Subscriber[] = [
    {
      // Fixes the fingerprint of notes released on any instance; a crash leaves them for the next start.
      name: 'trade-release-notes',
      pattern: 'trade.declaration_released',
      handle: async () => {
        releaseNotes.kick();
      },
    },
    // The public credit grade and the registry's customs tier into the declarant's profile, where risk reads them.
    creditGradeSubscriber(db),
    customsStatusSubscriber(db),
  ];
  return { routes, subscribers, releaseNotes, tariffIndex };
}

export { findTariffLine, TARIFF_LINES } from './data/tariff.js';
export type {
  AgreementColumn,
  CbecEligibility,
  DatedFraction,
  DatedRate,
  DecimalString,
  InspectionCode,
  LicenceCode,
  LocalisedText,
  Quantity,
  Rate,
  TariffLine,
} from './data/types.js';
export { isUnitCode, UNITS, type UnitCode, type UnitInfo } from './data/units.js';
/** Declarations filed for other channels inside their transaction, and the quantities declared (bonded zones). */
export { type DeclarationBody, SUPERVISION_MODES } from './declaration-schema.js';
export {
  type DeclaredQuantities,
  declarationIssues,
  declaredQuantities,
  type FiledDeclaration,
  fileDeclaration,
} from './declared.js';
export {
  computeTaxBill,
  DECLARATION_ITEMS_MAX,
  type DeclarationInput,
  type DeclarationItemInput,
  type ExchangeRateTable,
  ROUNDING_RULE,
  type TaxBill,
  type TaxBillLine,
  type TaxOptions,
  type TaxTotals,
} from './tax/bill.js';
export {
  CBEC_ANNUAL_LIMIT_CNY,
  CBEC_ORDER_ITEMS_MAX,
  CBEC_ORDER_LIMIT_CNY,
  CBEC_TAX_SHARE,
  type CbecItemInput,
  type CbecLimitCheck,
  type CbecLimitInput,
  type CbecOrderInput,
  type CbecQuantityCapCheck,
  type CbecTaxBill,
  type CbecTaxLine,
  type CbecTreatment,
  cbecCompositeRate,
  checkCbecLimits,
  checkCbecQuantityCap,
  computeCbecOrderTax,
} from './tax/cbec.js';
export {
  type CustomsValue,
  type CustomsValueInput,
  customsValue,
  INSURANCE_RATE_DEFAULT,
  TERMS_OF_SALE,
  type TermsOfSale,
} from './tax/customs-value.js';
export type { Result, TaxError, TaxErrorCode } from './tax/errors.js';
export type { QuantityInput } from './tax/line-tax.js';
export { MFN_COUNTRIES_DEFAULT } from './tax/mfn-countries.js';
export {
  type DutyColumn,
  entryInForce,
  type RateSelection,
  type RateSelectionContext,
  selectDutyRate,
} from './tax/rates.js';
