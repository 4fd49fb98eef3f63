// Bonded zones (保税): electronic account books (电子账册), their items and balances, verification lists
// (核注清单), transfers, reversals, stocktake approvals and the ledger checker. Shapes mirror
// server/src/modules/bonded/routes.ts. Quantities are exact decimal strings in the item's legal unit.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, downloadFile } from './client';
import type { Items } from './types';

// --- vocabulary ------------------------------------------------------------------------------

export const SITE_TYPES = ['zone', 'logistics_centre', 'processing'] as const;
export type SiteType = (typeof SITE_TYPES)[number];

/** Kinds filed through POST /api/bonded/lists; transfers and reversals have their own endpoints. */
export const DIRECT_KINDS = [
  'first_line_entry',
  'first_line_exit',
  'second_line_entry',
  'second_line_exit',
  'processing',
  'stocktake',
  'destruction',
] as const;
export type DirectKind = (typeof DIRECT_KINDS)[number];
export const LIST_KINDS = [...DIRECT_KINDS, 'transfer_out', 'transfer_in', 'reversal'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const LIST_STATUSES = ['posted', 'pending_approval', 'refused'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];
/** The counter-accounts an item's quantity moves to or from. */
export const COUNTER_ACCOUNTS = [
  'abroad',
  'domestic',
  'transfer',
  'consumed',
  'produced',
  'scrapped',
  'adjustment',
] as const;
export const CHECK_NAMES = [
  'balances',
  'floors',
  'double_entry',
  'lines',
  'accounts',
  'pairs',
  'reversals',
  'batches',
] as const;
/** Counter-accounts in the reconciliation report's order. */
export const REPORT_COUNTERS = [
  'abroad',
  'domestic',
  'transfer',
  'produced',
  'consumed',
  'scrapped',
  'adjustment',
] as const;
export type ReportCounter = (typeof REPORT_COUNTERS)[number];
export type GateDirection = 'in' | 'out';
/** Which way the goods of each kind of list cross the gate (the server's rule); other kinds do not cross. */
export const GATE_DIRECTION: Partial<Record<string, GateDirection>> = {
  first_line_entry: 'in',
  second_line_entry: 'in',
  transfer_in: 'in',
  first_line_exit: 'out',
  second_line_exit: 'out',
  transfer_out: 'out',
};
/** ISO 6346 container number: owner code, category, serial and check digit (the server checks the digit). */
export const CONTAINER_PATTERN = /^[A-Z]{4}\d{7}$/;

/** Unsigned quantity: up to 12 integer digits and 3 decimals (the server's rule). */
export const QUANTITY_PATTERN = /^\d{1,12}(\.\d{1,3})?$/;
/** A stocktake line: positive for a surplus, negative for a shortfall. */
export const SIGNED_QUANTITY_PATTERN = /^-?\d{1,12}(\.\d{1,3})?$/;

// --- shapes ----------------------------------------------------------------------------------

export interface Book {
  id: string;
  number: string;
  enterpriseId: string;
  siteCode: string;
  siteType: SiteType;
  batchReleaseApproved: boolean;
  createdAt: string;
}

export interface BondedItem {
  id: string;
  itemNo: number;
  hsCode: string;
  name: string;
  unit: string;
  unitPrice: string;
  currency: string;
  /** On hand, in the legal unit. */
  balance: string;
  totalIn: string;
  totalOut: string;
}

export interface BookDetail extends Book {
  items: BondedItem[];
}

export interface Movement {
  postingId: number;
  listId: string;
  listNumber: string;
  kind: string;
  /** Signed change of the item's balance. */
  change: string;
  counterAccount: string;
  postedAt: string;
}

export interface BondedList {
  id: string;
  number: string;
  clientId: string;
  bookId: string;
  kind: string;
  status: string;
  lineCount: number;
  reversesListId: string | null;
  /** The reversal list that undid this one. */
  reversedByListId: string | null;
  pairListId: string | null;
  /** The consolidated declaration a batch-release list belongs to. */
  consolidationId: string | null;
  /** A stocktake waiting for approval: its lines, quantity signed (surplus +, shortfall -). */
  pendingLines: PendingLine[] | null;
  note: string | null;
  createdAt: string;
  postedAt: string | null;
}

/**
 * One line waiting for a decision. A stocktake's: quantity signed ('-0.5' = shortfall). An incoming
 * transfer's: the sender's item number, with the commodity code and legal unit of the goods.
 */
export interface PendingLine {
  itemNo: number;
  quantity: string;
  hsCode?: string;
  unit?: string;
}

export interface ListOutcome {
  clientId: string;
  status: 'posted' | 'pending_approval' | 'rejected';
  listId?: string;
  number?: string;
  replayed?: boolean;
  pairListId?: string | null;
  /** The import declaration a direct second-line exit filed in the trade centre. */
  declaration?: { id: string; number: string | null; status: string; channel?: string | null; taxFen?: number };
  errors?: { field: string; code: string; message: string }[];
}

export interface CheckResult {
  name: string;
  ok: boolean;
  count: number;
  breaks: Record<string, unknown>[];
}

export interface LedgerReport {
  ok: boolean;
  postings: number;
  lists: number;
  accounts: number;
  elapsedMs: number;
  checks: CheckResult[];
}

export interface OpenBookRequest {
  enterpriseUscc: string;
  siteCode: string;
  siteType: SiteType;
  batchReleaseApproved: boolean;
}

export interface ItemInput {
  itemNo: number;
  hsCode: string;
  name: string;
  /** Omitted: the server takes the commodity line's first legal unit. */
  unit?: string;
  unitPrice: string;
  currency: string;
}

export interface ListRequest {
  clientId: string;
  bookId: string;
  kind: DirectKind;
  lines: { itemNo: number; quantity: string }[];
  note?: string;
  /** A second-line exit released in batches under the month's consolidated declaration. */
  batchRelease?: boolean;
  /** A direct second-line exit's import declaration header; items and prices come from the book. */
  declaration?: DomesticDeclaration;
}

export interface DomesticDeclaration {
  supervisionMode?: string;
  foreignParty: { name: string; country: string };
  tradeCountry: string;
  originCountry: string;
  lines?: { itemNo: number; secondQuantity?: string }[];
}

export interface TransferRequest {
  clientId: string;
  fromBookId: string;
  toBookNumber: string;
  /** The sender's items only: the receiver maps each line onto its own items when it accepts. */
  lines: { fromItemNo: number; quantity: string }[];
  note?: string;
}

/** Accepting an incoming transfer: one of the receiving book's items per pending line, in order. */
export interface AcceptTransferRequest {
  listId: string;
  lines: { toItemNo: number }[];
}

export interface TransferDecision {
  id: string;
  number: string;
  status: 'posted' | 'refused';
}

export interface GatePass {
  id: string;
  number: string;
  direction: GateDirection;
  vehiclePlate: string;
  containers: string[];
  status: 'issued' | 'passed';
  passedAt: string | null;
  lists: { id: string; number: string; kind: string }[];
  createdAt: string;
}

export interface GatePassRequest {
  direction: GateDirection;
  vehiclePlate: string;
  containers: string[];
  listIds: string[];
}

export interface Consolidation {
  id: string;
  number: string;
  enterpriseId: string;
  bookId: string;
  periodFrom: string;
  periodTo: string;
  dueOn: string;
  status: 'open' | 'filed';
  /** Open and past its due date. */
  overdue: boolean;
  batches: number;
  filedAt: string | null;
  /** The import declaration filed for the period's batches. */
  declarationId: string | null;
}

export interface ConsolidationDetail extends Consolidation {
  lists: { id: string; number: string; postedAt: string; lines: number }[];
  totals: { itemNo: number; hsCode: string; unit: string; quantity: string }[];
}

export interface ReportRow {
  itemNo: number;
  hsCode: string;
  name: string;
  unit: string;
  opening: string;
  in: Record<ReportCounter, string>;
  out: Record<ReportCounter, string>;
  closing: string;
}

export interface Reconciliation {
  month: string;
  rows: ReportRow[];
}

// --- queries ---------------------------------------------------------------------------------

export const bondedKeys = {
  all: ['bonded'] as const,
  books: ['bonded', 'books'] as const,
  book: (id: string) => ['bonded', 'book', id] as const,
  movements: (bookId: string, itemNo: number) => ['bonded', 'movements', bookId, itemNo] as const,
  lists: (bookId: string) => ['bonded', 'lists', bookId] as const,
  approvals: ['bonded', 'approvals'] as const,
  incoming: ['bonded', 'incoming'] as const,
  check: ['bonded', 'check'] as const,
  gatePasses: ['bonded', 'gate-passes'] as const,
  consolidations: (overdue: boolean) => ['bonded', 'consolidations', overdue] as const,
  consolidation: (id: string) => ['bonded', 'consolidation', id] as const,
  report: (bookId: string, month: string) => ['bonded', 'report', bookId, month] as const,
  norms: (bookId: string) => ['bonded', 'norms', bookId] as const,
};

const bookPath = (id: string, rest = '') => `/api/bonded/books/${encodeURIComponent(id)}${rest}`;

export function useBooks() {
  return useQuery({
    queryKey: bondedKeys.books,
    queryFn: ({ signal }) => api.get<Items<Book>>('/api/bonded/books', { signal }).then((r) => r.items),
  });
}

export function useBook(id: string) {
  return useQuery({
    queryKey: bondedKeys.book(id),
    queryFn: ({ signal }) => api.get<BookDetail>(bookPath(id), { signal }),
  });
}

export const MOVEMENTS_PAGE = 100;

/** An item's movements, newest first, a page at a time (cursor: the last posting id seen). */
export function useMovements(bookId: string, itemNo: number) {
  return useInfiniteQuery({
    queryKey: bondedKeys.movements(bookId, itemNo),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ signal, pageParam }) =>
      api
        .get<Items<Movement>>(bookPath(bookId, `/items/${itemNo}/movements`), {
          query: { before: pageParam, limit: MOVEMENTS_PAGE },
          signal,
        })
        .then((r) => r.items),
    getNextPageParam: (last) => (last.length < MOVEMENTS_PAGE ? undefined : last[last.length - 1]?.postingId),
  });
}

export function useBookLists(bookId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: bondedKeys.lists(bookId),
    queryFn: ({ signal }) =>
      api.get<Items<BondedList>>(bookPath(bookId, '/lists'), { query: { limit: 100 }, signal }).then((r) => r.items),
  });
}

export function useApprovals(enabled = true) {
  return useQuery({
    queryKey: bondedKeys.approvals,
    queryFn: ({ signal }) => api.get<Items<BondedList>>('/api/bonded/approvals', { signal }).then((r) => r.items),
    enabled,
  });
}

/** Transfers sent to the enterprise's books that wait for it to accept or refuse them, oldest first. */
export function useIncomingTransfers(enabled = true) {
  return useQuery({
    queryKey: bondedKeys.incoming,
    queryFn: ({ signal }) =>
      api.get<Items<BondedList>>('/api/bonded/transfers/incoming', { signal }).then((r) => r.items),
    enabled,
  });
}

/** The ledger checker; runs when asked (it reads the whole ledger). */
export function useLedgerCheck() {
  return useQuery({
    queryKey: bondedKeys.check,
    queryFn: ({ signal }) => api.get<LedgerReport>('/api/bonded/check', { signal }),
    enabled: false,
    placeholderData: keepPreviousData,
  });
}

export function useGatePasses() {
  return useQuery({
    queryKey: bondedKeys.gatePasses,
    queryFn: ({ signal }) => api.get<Items<GatePass>>('/api/bonded/gate-passes', { signal }).then((r) => r.items),
  });
}

export function useConsolidations(overdueOnly: boolean) {
  return useQuery({
    queryKey: bondedKeys.consolidations(overdueOnly),
    queryFn: ({ signal }) =>
      api
        .get<Items<Consolidation>>('/api/bonded/consolidations', { query: { overdue: overdueOnly }, signal })
        .then((r) => r.items),
  });
}

export function useConsolidation(id: string) {
  return useQuery({
    queryKey: bondedKeys.consolidation(id),
    queryFn: ({ signal }) =>
      api.get<ConsolidationDetail>(`/api/bonded/consolidations/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useReconciliation(bookId: string, month: string) {
  return useQuery({
    queryKey: bondedKeys.report(bookId, month),
    queryFn: ({ signal }) => api.get<Reconciliation>(bookPath(bookId, '/report'), { query: { month }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Downloads the month's reconciliation workbook, headers in the UI language. */
export async function downloadReconciliation(bookId: string, bookNumber: string, month: string, language: string) {
  await downloadFile(
    `${bookPath(bookId, '/report.xlsx')}?month=${encodeURIComponent(month)}`,
    language,
    `${bookNumber}-${month}.xlsx`,
  );
}

// --- mutations -------------------------------------------------------------------------------

/** Everything under bonded may change after a posting: balances, lists, approvals, reports. */
function useInvalidateBonded() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: bondedKeys.all });
}

export function useOpenBook() {
  const invalidate = useInvalidateBonded();
  return useMutation({
    mutationFn: (request: OpenBookRequest) => api.post<Book>('/api/bonded/books', request),
    onSuccess: invalidate,
  });
}

export function useAddItems(bookId: string) {
  const invalidate = useInvalidateBonded();
  return useMutation({
    mutationFn: (items: ItemInput[]) =>
      api.post<{ items: { id: string; itemNo: number }[] }>(bookPath(bookId, '/items'), { items }),
    onSuccess: invalidate,
  });
}

export function useFileList() {
  const invalidate = useInvalidateBonded();
  return useMutation({
    mutationFn: (request: ListRequest) => api.post<ListOutcome>('/api/bonded/lists', request),
    onSuccess: invalidate,
  });
}

export function useTransfer() {
  const invalidate = useInvalidateBonded();
  return useMutation({
    mutationFn: (request: TransferRequest) =>
      api.post<{ out: ListOutcome; in: ListOutcome }>('/api/bonded/transfers', request),
    onSuccess: invalidate,
  });
}

const transferPath = (id: string, decision: 'accept' | 'refuse') =>
  `/api/bonded/transfers/${encodeURIComponent(id)}/${decision}`;

/** 409: the transfer was decided meanwhile (another tab, a colleague): show it as it now is. */
function refreshIfDecided(error: Error, invalidate: () => Promise<void>) {
  if (error instanceof ApiError && error.status === 409) void invalidate();
}

/** The receiver accepts a transfer onto its own items: the goods enter its book. */
export function useAcceptTransfer() {
  const invalidate = useInvalidateBonded();
  return useMutation({
    mutationFn: ({ listId, lines }: AcceptTransferRequest) =>
      api.post<TransferDecision>(transferPath(listId, 'accept'), { lines }),
    // The book's balances and lists and the incoming transfers all live under bonded.
    onSuccess: invalidate,
    onError: (error) => refreshIfDecided(error, invalidate),
  });
}

/** The receiver refuses a transfer: the sender's transfer-out is reversed and the goods return. */
export function useRefuseTransfer() {
  const invalidate = useInvalidateBonded();
  return useMutation({
    mutationFn: (listId: string) => api.post<TransferDecision>(transferPath(listId, 'refuse'), {}),
    onSuccess: invalidate,
    onError: (error) => refreshIfDecided(error, invalidate),
  });
}

export function useReverseList() {
  const invalidate = useInvalidateBonded();
  return useMutation({
    mutationFn: ({ listId, clientId }: { listId: string; clientId: string }) =>
      api.post<{ results: ListOutcome[] }>(`/api/bonded/lists/${encodeURIComponent(listId)}/reverse`, { clientId }),
    onSuccess: invalidate,
  });
}

export function useDecideStocktake() {
  const invalidate = useInvalidateBonded();
  return useMutation({
    mutationFn: ({ listId, decision }: { listId: string; decision: 'approve' | 'refuse' }) =>
      api.post<{ id: string; number: string; status: 'posted' | 'refused' }>(
        `/api/bonded/lists/${encodeURIComponent(listId)}/decision`,
        { decision },
      ),
    onSuccess: invalidate,
  });
}

export function useIssueGatePass() {
  const invalidate = useInvalidateBonded();
  return useMutation({
    mutationFn: (request: GatePassRequest) => api.post<GatePass>('/api/bonded/gate-passes', request),
    onSuccess: invalidate,
  });
}

export function usePassGate() {
  const invalidate = useInvalidateBonded();
  return useMutation({
    mutationFn: (id: string) => api.post<GatePass>(`/api/bonded/gate-passes/${encodeURIComponent(id)}/pass`),
    onSuccess: invalidate,
  });
}

export function useFileConsolidation() {
  const invalidate = useInvalidateBonded();
  return useMutation({
    mutationFn: ({ id, declaration }: { id: string; declaration?: DomesticDeclaration }) =>
      api.post<Consolidation & { declaration: { id: string; number: string; taxFen: number } | null }>(
        `/api/bonded/consolidations/${encodeURIComponent(id)}/file`,
        declaration ? { declaration } : {},
      ),
    onSuccess: invalidate,
  });
}

export interface ProductNorms {
  productItemNo: number;
  materials: {
    materialItemNo: number;
    netConsumption: string;
    lossRate: string;
    /** 单耗 = 净耗 / (1 − 损耗率), rounded up to the thousandth. */
    unitConsumption: string;
    updatedAt: string;
  }[];
}

export interface NormsRequest {
  productItemNo: number;
  materials: { materialItemNo: number; netConsumption: string; lossRate: string }[];
}

export function useNorms(bookId: string) {
  return useQuery({
    queryKey: bondedKeys.norms(bookId),
    queryFn: ({ signal }) => api.get<Items<ProductNorms>>(bookPath(bookId, '/norms'), { signal }).then((r) => r.items),
  });
}

/** Registers (replaces) one product's norms. */
export function useSetNorms(bookId: string) {
  const invalidate = useInvalidateBonded();
  return useMutation({
    mutationFn: ({ productItemNo, materials }: NormsRequest) =>
      api.put<null>(bookPath(bookId, `/items/${productItemNo}/norms`), { materials }),
    onSuccess: invalidate,
  });
}
