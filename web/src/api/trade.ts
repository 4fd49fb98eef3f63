// The trade centre's API: declarations (single window), the tariff and classification, the officers' risk
// rules, and guarantee lines. Shapes mirror the server's Zod schemas (GET /api/openapi.json).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './client';
import type { Items } from './types';

// --- vocabulary ------------------------------------------------------------------------------

export type TradeDirection = 'import' | 'export';
export const TRADE_DIRECTIONS: readonly TradeDirection[] = ['export', 'import'];

export const DECLARATION_STATUSES = [
  'draft',
  'submitted',
  'documents_requested',
  'inspection',
  'released',
  'rejected',
] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

/** Risk channels, mildest first: paperless release (green), document review (yellow), inspection (red). */
export const CHANNELS = ['auto_release', 'document_review', 'inspection'] as const;
export type Channel = (typeof CHANNELS)[number];

export const NEW_THREE_CATEGORIES = ['ev', 'li_ion_battery', 'pv'] as const;
export type NewThreeCategory = (typeof NEW_THREE_CATEGORIES)[number];

export type PaymentState = 'none_due' | 'unpaid' | 'guaranteed' | 'paid';

/** Supervision modes (监管方式) the server accepts; 9710 and 9810 are for exports only. */
export const SUPERVISION_MODES = [
  '0110',
  '0214',
  '0615',
  '1210',
  '1233',
  '1239',
  '3010',
  '6033',
  '9610',
  '9710',
  '9810',
] as const;
export type SupervisionMode = (typeof SUPERVISION_MODES)[number];
export const EXPORT_ONLY_MODES: readonly SupervisionMode[] = ['9710', '9810'];

/** Transport modes of the border crossing: 2 waterway, 3 rail, 4 road, 5 air, 6 post, 9 other. */
export const TRANSPORT_MODE_CODES = ['2', '3', '4', '5', '6', '9'] as const;
export type TransportModeCode = (typeof TRANSPORT_MODE_CODES)[number];

export const TERMS_OF_SALE = ['CIF', 'CFR', 'CI', 'FOB', 'EXW'] as const;
export type TermsOfSale = (typeof TERMS_OF_SALE)[number];

/** Dangerous-goods documents of the "new three" fast lane, in the server's order. */
export const DG_DOCUMENT_KINDS = [
  'un38_3_summary',
  'sds',
  'dg_packaging_certificate',
  'transport_condition_report',
  'msa_dg_declaration',
] as const;
export const DOCUMENT_KINDS = [
  'invoice',
  'packing_list',
  'contract',
  'certificate_of_origin',
  'licence',
  ...DG_DOCUMENT_KINDS,
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENTS_MAX = 20;
export const DECLARATION_ITEMS_MAX = 50;

/** Licence codes (监管证件代码) a declaration item may carry: 4 export, 7 automatic import, t quota, x/y processing. */
export const LICENCE_CODES = ['4', '7', 't', 'x', 'y'] as const;
export type LicenceCode = (typeof LICENCE_CODES)[number];

/** GACC legal units of quantity (计量单位代码) the tariff catalogue uses. */
export const UNIT_CODES = [
  '001',
  '003',
  '007',
  '011',
  '015',
  '017',
  '025',
  '032',
  '033',
  '035',
  '062',
  '095',
  '143',
] as const;
export type UnitCode = (typeof UNIT_CODES)[number];

export const OFFICER_ACTIONS = ['request_documents', 'inspect', 'record_findings', 'release', 'reject'] as const;
export type OfficerAction = (typeof OFFICER_ACTIONS)[number];

// --- declarations -----------------------------------------------------------------------------

export interface DocumentInput {
  kind: DocumentKind;
  reference: string;
  issuer?: string;
  /** YYYY-MM-DD */
  validUntil?: string;
}

export interface DeclarationItemInput {
  code: string;
  description: string;
  /** In the line's legal units: the first always, the second when the line has one. */
  quantities: { amount: string; unit: string }[];
  priceAmount: string;
  originCountry: string;
  certificateOfOrigin?: boolean;
  licences?: { code: LicenceCode; number: string }[];
}

/** POST /api/trade/declarations and …/tax-preview. */
export interface DeclarationRequest {
  direction: TradeDirection;
  supervisionMode: SupervisionMode;
  transportMode: TransportModeCode;
  termsOfSale: TermsOfSale;
  loadingPort: string;
  dischargePort: string;
  foreignParty: { name: string; country: string; aeo?: boolean };
  tradeCountry: string;
  currency: string;
  freightAmount?: string;
  insuranceAmount?: string;
  blNumber?: string;
  declarationDate?: string;
  twoStep?: boolean;
  items: DeclarationItemInput[];
  documents?: DocumentInput[];
}

export interface NamedDocument {
  kind: DocumentKind;
  /** In the request's language. */
  name: string;
}

export interface FastLaneCheck {
  category: NewThreeCategory;
  required: NamedDocument[];
  missing: NamedDocument[];
}

export type TariffRate =
  | { kind: 'adValorem'; adValorem: string }
  | { kind: 'specific'; cnyPerUnit: string; unit: string }
  | { kind: 'compound'; adValorem: string; cnyPerUnit: string; unit: string };

export type DutyColumn = 'tariffQuota' | 'provisional' | 'agreement' | 'mfn' | 'general';

export interface TaxBillLine {
  item: number;
  code: string;
  originCountry: string;
  freightAmount: string;
  insuranceAmount: string;
  insuranceDefaulted: boolean;
  cifAmount: string;
  customsValueCny: string;
  duty: {
    column: DutyColumn;
    agreement: string | null;
    /** One English sentence (the server does not localise it). */
    reason: string;
    rate: TariffRate;
    effectiveFrom: string;
    amountCny: string;
  };
  consumptionTax: { rate: TariffRate; effectiveFrom: string; baseCny: string | null; amountCny: string } | null;
  vat: { rate: string; effectiveFrom: string; baseCny: string; amountCny: string };
  taxCny: string;
}

export interface TaxBill {
  cnyPerUnit: string;
  rounding: string;
  lines: TaxBillLine[];
  totals: { customsValueCny: string; dutyCny: string; consumptionTaxCny: string; vatCny: string; taxCny: string };
}

export interface TaxPreview {
  date: string;
  cnyPerUnit: string;
  customsValueCny: string;
  taxCny: string;
  items: { index: number; code: string; name: string; customsValueCny: string; exportRebateRate: string | null }[];
  /** Imports only. */
  bill: TaxBill | null;
  fastLane: FastLaneCheck | null;
}

export interface DeclarationSummary {
  id: string;
  number: string | null;
  direction: TradeDirection;
  step: 'full' | 'summary' | 'completed';
  status: DeclarationStatus;
  channel: Channel | null;
  channelName: string | null;
  fastLane: NewThreeCategory | null;
  targetReleaseAt: string | null;
  enterpriseId: string;
  tradeCountry: string;
  supervisionMode: string;
  transportMode: string;
  blNumber: string | null;
  customsValueCny: string | null;
  taxCny: string | null;
  payment: PaymentState;
  submittedAt: string | null;
  decidedAt: string | null;
  version: number;
}

export interface RiskReason {
  code: string;
  /** Localised by the server. */
  message: string;
  channel: Channel;
  item: number | null;
  ruleId: string | null;
}

export interface DeclarationStep {
  step: string;
  at: string;
  actorRole: string;
  note: string | null;
  details: unknown;
  minutesSincePrevious: number | null;
}

export interface Declaration extends DeclarationSummary {
  declarationDate: string;
  currency: string;
  header: {
    termsOfSale?: TermsOfSale;
    loadingPort?: string;
    dischargePort?: string;
    foreignParty?: { name: string; country: string; aeo?: boolean };
    freightAmount?: string | null;
    insuranceAmount?: string | null;
    cnyPerUnit?: string;
  };
  shipmentId: string | null;
  risk: { reasons: RiskReason[]; sampling: { rate: string; draw: string; selected: boolean } } | null;
  fastLaneCheck: FastLaneCheck | null;
  taxBill: TaxBill | null;
  items: {
    seq: number;
    code: string;
    name: string;
    description: string;
    quantity: string;
    unit: string;
    secondQuantity: string | null;
    secondUnit: string | null;
    priceAmount: string;
    originCountry: string;
    certificateOfOrigin: boolean;
    licences: { code: string; number: string }[];
    customsValueCny: string | null;
  }[];
  documents: {
    id: string;
    kind: DocumentKind;
    name: string;
    reference: string;
    issuer: string | null;
    validUntil: string | null;
    addedAt: string;
  }[];
  timeline: DeclarationStep[];
  releaseNote: { number: string; verifyUrl: string; pdfUrl: string; issuedAt: string } | null;
}

export interface DeclarationFilter {
  status?: DeclarationStatus;
  direction?: TradeDirection;
  fastLane?: boolean;
}

export interface ClearanceStatistics {
  from: string;
  to: string;
  byChannel: {
    channel: Channel;
    declarations: number;
    released: number;
    medianMinutes: number | null;
    p90Minutes: number | null;
  }[];
  byStatus: { status: DeclarationStatus; declarations: number }[];
  fastLane: { declarations: number; released: number; onTarget: number; medianMinutes: number | null };
}

// --- tariff and classification ---------------------------------------------------------------

export interface TariffHit {
  code: string;
  name: string;
  score: number;
  matched: { term: string; language: string; field: string }[];
  confirmed: boolean;
}

export interface DatedRate {
  effectiveFrom: string;
  /** null withdraws the column from that date on. */
  rate: TariffRate | null;
}

export interface DatedFraction {
  effectiveFrom: string;
  fraction: string;
}

export interface TariffLine {
  code: string;
  names: { zh: string; en: string; ru: string };
  firstUnit: { code: string; name: string };
  secondUnit: { code: string; name: string } | null;
  quota: 'in' | 'out' | null;
  rates: {
    mfn: DatedRate[];
    general: DatedRate[];
    provisional: DatedRate[];
    tariffQuota: DatedRate[];
    agreement: { partnerCountry: string; agreement: string; rates: DatedRate[] }[];
    importVat: DatedFraction[];
    consumptionTax: DatedRate[];
    exportRebate: DatedFraction[];
  };
  licenceCodes: string[];
  inspectionCodes: string[];
  cbec: { positiveList: boolean; capPerPersonPerYear: { amount: string; unit: string } | null };
  confirmed: boolean;
  basis: string;
}

export type RulingStatus = 'requested' | 'granted' | 'refused';

export interface Ruling {
  id: string;
  enterpriseId: string;
  description: string;
  proposedCode: string | null;
  candidates: TariffHit[];
  status: RulingStatus;
  decidedCode: string | null;
  reason: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export type RulingDecision =
  | { decision: 'grant'; code: string; reason: string }
  | { decision: 'refuse'; reason: string };

export interface CustomsRates {
  month: string;
  rates: { currency: string; cnyPerUnit: string; updatedAt: string }[];
}

// --- risk rules and settings -------------------------------------------------------------------

export const RULE_KINDS = [
  'hs_prefix',
  'origin',
  'trade_country',
  'credit_class',
  'unit_value_band',
  'first_time_declarant',
  'watch_list',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const RULE_CHANNELS = ['document_review', 'inspection'] as const;
export type RuleChannel = (typeof RULE_CHANNELS)[number];
export const RULE_DIRECTIONS = ['import', 'export', 'any'] as const;
export type RuleDirection = (typeof RULE_DIRECTIONS)[number];

export const CREDIT_CLASSES = [
  'advanced_certified',
  'certified',
  'regular',
  'discredited',
  'seriously_discredited',
] as const;
export type CreditClass = (typeof CREDIT_CLASSES)[number];

interface RuleCommon {
  name: string;
  channel: RuleChannel;
  direction: RuleDirection;
  active: boolean;
}

/** A rule as officers write it (the request body), discriminated by `kind`. */
export type RiskRuleInput = RuleCommon &
  (
    | { kind: 'hs_prefix'; prefixes: string[] }
    | { kind: 'origin'; countries: string[] }
    | { kind: 'trade_country'; countries: string[] }
    | { kind: 'credit_class'; classes: CreditClass[] }
    | { kind: 'unit_value_band'; codePrefix: string; unit: string; minCnyPerUnit?: string; maxCnyPerUnit?: string }
    | { kind: 'first_time_declarant' }
    | { kind: 'watch_list'; enterpriseIds: string[] }
  );

export type RiskRule = RiskRuleInput & { id: string; version: number; updatedAt: string };

export interface RiskSettings {
  policy: { ratesByClass: Record<CreditClass, string>; aeoPartnerRate: string };
  seed: string;
}

export interface Guarantee {
  id: string;
  number: string;
  enterpriseId: string;
  bankEnterpriseId: string;
  amountCny: string;
  balanceCny: string;
  heldCny: string;
  validUntil: string;
  status: 'active' | 'revoked';
  createdAt: string;
}

// --- hooks ---------------------------------------------------------------------------------------

/** An open declaration page asks again this often, so an officer's decision shows without a reload. */
export const DECLARATION_REFRESH_MS = 5_000;
/** Lists and the queue: fresh enough for a desk, cheap for the server. */
const LIST_REFRESH_MS = 15_000;
/** Names, reasons and problems come back in the request's language, so the language is in every key. */
export const tradeKeys = {
  all: ['trade'] as const,
  declarations: ['trade', 'declarations'] as const,
  list: (filter: DeclarationFilter, language: string) => ['trade', 'declarations', 'list', filter, language],
  detail: (id: string, language: string) => ['trade', 'declarations', id, language],
  queue: (language: string) => ['trade', 'declarations', 'queue', language],
  statistics: ['trade', 'declarations', 'statistics'] as const,
  preview: (body: string, language: string) => ['trade', 'tax-preview', body, language],
  tariffSearch: (q: string, language: string) => ['trade', 'tariff', 'search', q, language],
  tariffLine: (code: string, language: string) => ['trade', 'tariff', 'line', code, language],
  rulings: ['trade', 'rulings'] as const,
  rules: ['trade', 'risk-rules'] as const,
  settings: ['trade', 'risk-settings'] as const,
  guarantees: ['trade', 'guarantees'] as const,
  rates: (month: string) => ['trade', 'exchange-rates', month],
};

const declarationPath = (id: string, suffix = '') => `/api/trade/declarations/${encodeURIComponent(id)}${suffix}`;

export function useDeclarations(filter: DeclarationFilter) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: tradeKeys.list(filter, i18n.language),
    queryFn: ({ signal }) =>
      api
        .get<Items<DeclarationSummary>>('/api/trade/declarations', {
          signal,
          query: { status: filter.status, direction: filter.direction, fastLane: filter.fastLane, limit: 200 },
        })
        .then((r) => r.items),
    refetchInterval: LIST_REFRESH_MS,
    staleTime: 0,
  });
}

export function useDeclaration(id: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: tradeKeys.detail(id, i18n.language),
    queryFn: ({ signal }) => api.get<Declaration>(declarationPath(id), { signal }),
    refetchInterval: DECLARATION_REFRESH_MS,
    staleTime: 0,
  });
}

export function useOfficerQueue(enabled = true) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: tradeKeys.queue(i18n.language),
    queryFn: ({ signal }) =>
      api.get<Items<DeclarationSummary>>('/api/trade/queue', { signal, query: { limit: 200 } }).then((r) => r.items),
    refetchInterval: LIST_REFRESH_MS,
    staleTime: 0,
    enabled,
  });
}

export function useClearanceStatistics(enabled = true) {
  return useQuery({
    queryKey: tradeKeys.statistics,
    queryFn: ({ signal }) => api.get<ClearanceStatistics>('/api/trade/statistics', { signal }),
    refetchInterval: 60_000,
    enabled,
  });
}

/**
 * The taxes of a draft, asked again whenever `body` (the request as JSON, already debounced) changes. Null asks
 * nothing. The previous answer stays on screen while the next one is on its way.
 */
export function useTaxPreview(body: string | null) {
  const { i18n } = useTranslation();
  return useQuery<TaxPreview>({
    queryKey: tradeKeys.preview(body ?? '', i18n.language),
    queryFn: ({ signal }) =>
      api.post<TaxPreview>('/api/trade/declarations/tax-preview', JSON.parse(body ?? '{}'), { signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
}

export function useSubmitDeclaration(idempotencyKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: DeclarationRequest) =>
      api.post<Declaration>('/api/trade/declarations', request, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: () => client.invalidateQueries({ queryKey: tradeKeys.declarations }),
  });
}

function useDeclarationMutation<T>(id: string, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => api.post<Declaration>(declarationPath(id, `/${path}`), body),
    onSuccess: () => client.invalidateQueries({ queryKey: tradeKeys.declarations }),
  });
}

export function useAddDocuments(id: string) {
  return useDeclarationMutation<{ documents: DocumentInput[] }>(id, 'documents');
}

export function usePayDeclaration(id: string) {
  return useDeclarationMutation<Record<string, never>>(id, 'payment');
}

export interface OfficerDecision {
  action: OfficerAction;
  note?: string;
  findings?: { result: 'no_discrepancy' | 'discrepancy'; text: string };
}

export function useOfficerDecision(id: string) {
  return useDeclarationMutation<OfficerDecision>(id, 'decision');
}

export function useTariffSearch(q: string) {
  const { i18n } = useTranslation();
  const query = q.trim();
  return useQuery<TariffHit[]>({
    queryKey: tradeKeys.tariffSearch(query, i18n.language),
    queryFn: ({ signal }) =>
      api
        .get<Items<TariffHit> & { catalogueSize: number }>('/api/trade/tariff', {
          signal,
          query: { q: query, limit: 20 },
        })
        .then((r) => r.items),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useTariffLine(code: string | null) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: tradeKeys.tariffLine(code ?? '', i18n.language),
    queryFn: ({ signal }) => api.get<TariffLine>(`/api/trade/tariff/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: code !== null && /^\d{10}$/.test(code),
    staleTime: 60 * 60_000,
  });
}

/** Pre-classification writes nothing but is an action the user starts (a POST): a mutation. */
export function useClassify() {
  return useMutation({
    mutationFn: (description: string) =>
      api.post<{ candidates: TariffHit[] }>('/api/trade/classify', { description }).then((r) => r.candidates),
  });
}

export function useRulings() {
  return useQuery({
    queryKey: tradeKeys.rulings,
    queryFn: ({ signal }) => api.get<Items<Ruling>>('/api/trade/rulings', { signal }).then((r) => r.items),
  });
}

export function useRequestRuling() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { description: string; proposedCode?: string }) =>
      api.post<Ruling>('/api/trade/rulings', input),
    onSuccess: () => client.invalidateQueries({ queryKey: tradeKeys.rulings }),
  });
}

export function useDecideRuling() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: RulingDecision }) =>
      api.post<Ruling>(`/api/trade/rulings/${encodeURIComponent(id)}/decision`, decision),
    onSuccess: () => client.invalidateQueries({ queryKey: tradeKeys.rulings }),
  });
}

export function useCustomsRates(month: string | null) {
  return useQuery({
    queryKey: tradeKeys.rates(month ?? ''),
    queryFn: ({ signal }) => api.get<CustomsRates>('/api/trade/exchange-rates', { signal, query: { month } }),
    enabled: month !== null && /^\d{4}-\d{2}$/.test(month),
    staleTime: 60 * 60_000,
  });
}

export function useRiskRules() {
  return useQuery({
    queryKey: tradeKeys.rules,
    queryFn: ({ signal }) => api.get<Items<RiskRule>>('/api/trade/risk-rules', { signal }).then((r) => r.items),
  });
}

/** Creates a rule, or replaces one (with the version read: a stale one answers 409). */
export function useSaveRiskRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ rule, existing }: { rule: RiskRuleInput; existing?: { id: string; version: number } }) =>
      existing
        ? api.put<RiskRule>(`/api/trade/risk-rules/${encodeURIComponent(existing.id)}`, rule, {
            query: { version: existing.version },
          })
        : api.post<RiskRule>('/api/trade/risk-rules', rule),
    onSettled: () => client.invalidateQueries({ queryKey: tradeKeys.rules }),
  });
}

export function useRiskSettings() {
  return useQuery({
    queryKey: tradeKeys.settings,
    queryFn: ({ signal }) => api.get<RiskSettings>('/api/trade/risk-settings', { signal }),
  });
}

export function useSaveRiskSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: RiskSettings) => api.put<RiskSettings>('/api/trade/risk-settings', settings),
    onSuccess: (saved) => client.setQueryData(tradeKeys.settings, saved),
  });
}

export function useGuarantees(enabled = true) {
  return useQuery({
    queryKey: tradeKeys.guarantees,
    queryFn: ({ signal }) => api.get<Items<Guarantee>>('/api/trade/guarantees', { signal }).then((r) => r.items),
    enabled,
  });
}
