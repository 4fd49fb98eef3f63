// Enterprise registry onboarding and the public credit grade. Shapes mirror
// server/src/modules/registry/routes.ts and server/src/modules/credit/routes.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './client';
import { queryKeys } from './hooks';
import type { Enterprise, Items, LocalisedNames } from './types';

export const ENTERPRISE_KINDS = ['trader', 'forwarder', 'carrier', 'bank', 'cbec_platform', 'warehouse'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];
export const CUSTOMS_CREDIT_TIERS = [
  'advanced_certified',
  'certified',
  'regular',
  'discredited',
  'seriously_discredited',
] as const;
export type CustomsCreditTier = (typeof CUSTOMS_CREDIT_TIERS)[number];
export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
/** Fact kinds that lower the score: only these can be named in a repair request. */
export const BAD_FACT_KINDS = [
  'declaration_rejected',
  'declaration_amended',
  'inspection_discrepancy',
  'duty_paid_late',
  'stocktake_adjustment',
  'consolidation_overdue',
  'shipment_cancelled',
] as const;

export interface EnterpriseProfile {
  products: string[];
  markets: string[];
  certifications: { kind: string; number: string | null; validUntil: string | null }[];
}

/** The registry's full view of an enterprise (GET /api/enterprises adds these to the base shape). */
export interface RegistryEnterprise extends Enterprise {
  usccCheckOk: boolean;
  customsCreditTier: CustomsCreditTier;
  aeoMraCountries: string[];
  bondedSites: string[];
  profile: EnterpriseProfile;
  activatedAt: string | null;
}

export interface Application {
  id: string;
  uscc: string;
  usccCheckOk: boolean;
  warnings: { field: string; code: 'check_digit' }[];
  customsCode: string | null;
  names: LocalisedNames;
  countryCode: string;
  city: string | null;
  kinds: string[];
  bondedSites: string[];
  profile: EnterpriseProfile;
  customsCreditTier: CustomsCreditTier;
  aeoMraCountries: string[];
  status: ApplicationStatus;
  submittedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  usccWarningConfirmed: boolean;
  enterpriseId: string | null;
}

export interface ApplicationInput {
  uscc: string;
  customsCode?: string | null;
  names: LocalisedNames;
  countryCode: string;
  city?: string | null;
  kinds: EnterpriseKind[];
  bondedSites: string[];
  profile: EnterpriseProfile;
  customsCreditTier: CustomsCreditTier;
  aeoMraCountries: string[];
}

export interface CreditFactor {
  factor: string;
  kind: string;
  count: number;
  points: number;
  cap: number;
  name: string;
  reason: string;
}

export interface Credit {
  enterpriseId: string;
  score: number;
  grade: Grade;
  gradeText: string;
  computedAt: string | null;
  factors: CreditFactor[];
}

export interface CreditFact {
  id: string;
  kind: string;
  kindName: string;
  subjectId: string | null;
  subjectRef: string | null;
  occurredAt: string;
  repairedAt: string | null;
  repairId: string | null;
}

export interface CreditHistoryEntry {
  score: number;
  grade: Grade;
  previousGrade: Grade | null;
  cause: string;
  computedAt: string;
}

export interface CreditRepair {
  id: string;
  enterpriseId: string;
  factIds: string[];
  evidence: string;
  references: string[];
  status: 'pending' | 'accepted' | 'refused';
  filedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface GradeSummary {
  enterpriseId: string;
  score: number;
  grade: Grade;
  computedAt: string;
}

const keys = {
  applications: (status: string) => ['registry', 'applications', status] as const,
  /** The server words factor reasons in the caller's language, so the language is part of the key. */
  credit: (id: string, language: string) => ['credit', id, language] as const,
  grades: ['credit', 'grades'] as const,
  repairs: (status: string) => ['credit', 'repairs', status] as const,
};

export function useRegistryEnterprises() {
  return useQuery({
    queryKey: queryKeys.enterprises,
    queryFn: ({ signal }) => api.get<Items<RegistryEnterprise>>('/api/enterprises', { signal }).then((r) => r.items),
  });
}

export function useApplications(status?: ApplicationStatus) {
  return useQuery({
    queryKey: keys.applications(status ?? 'all'),
    queryFn: ({ signal }) =>
      api.get<Items<Application>>('/api/registry/applications', { signal, query: { status } }).then((r) => r.items),
  });
}

export function useSubmitApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApplicationInput) => api.post<Application>('/api/registry/applications', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['registry'] }),
  });
}

export function useDecideApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      id: string;
      decision: 'approve' | 'reject';
      reason?: string;
      confirmUsccWarning?: boolean;
    }) => {
      const { id, ...body } = input;
      return api.post<{ application: Application; enterprise: RegistryEnterprise | null }>(
        `/api/registry/applications/${id}/decision`,
        body,
      );
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['registry'] });
      void client.invalidateQueries({ queryKey: queryKeys.enterprises });
      void client.invalidateQueries({ queryKey: ['credit'] });
    },
  });
}

export function useCredit(enterpriseId: string | null) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useQuery({
    queryKey: keys.credit(enterpriseId ?? 'none', language),
    enabled: enterpriseId !== null,
    retry: false,
    queryFn: async ({ signal }) => {
      const base = `/api/credit/enterprises/${enterpriseId}`;
      const [credit, facts, history, repairs] = await Promise.all([
        api.get<Credit>(base, { signal }),
        api.get<Items<CreditFact>>(`${base}/facts`, { signal, query: { limit: 200 } }),
        api.get<Items<CreditHistoryEntry>>(`${base}/history`, { signal }),
        api.get<Items<CreditRepair>>(`${base}/repairs`, { signal }),
      ]);
      return { credit, facts: facts.items, history: history.items, repairs: repairs.items };
    },
  });
}

export function useGrades(enabled: boolean) {
  return useQuery({
    queryKey: keys.grades,
    enabled,
    queryFn: ({ signal }) => api.get<Items<GradeSummary>>('/api/credit/grades', { signal }).then((r) => r.items),
  });
}

export function useRepairQueue(enabled: boolean) {
  return useQuery({
    queryKey: keys.repairs('pending'),
    enabled,
    queryFn: ({ signal }) =>
      api
        .get<Items<CreditRepair>>('/api/credit/repairs', { signal, query: { status: 'pending' } })
        .then((r) => r.items),
  });
}

export function useFileRepair(enterpriseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { factIds: string[]; evidence: string; references: string[] }) =>
      api.post<CreditRepair>(`/api/credit/enterprises/${enterpriseId}/repairs`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['credit'] }),
  });
}

export function useDecideRepair() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; decision: 'accept' | 'refuse'; reason?: string }) => {
      const { id, ...body } = input;
      return api.post<CreditRepair>(`/api/credit/repairs/${id}/decision`, body);
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['credit'] }),
  });
}

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; bondedSites: string[]; profile: EnterpriseProfile }) => {
      const { id, ...body } = input;
      return api.put<RegistryEnterprise>(`/api/enterprises/${id}/profile`, body);
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.enterprises }),
  });
}

export function useUpdateCustomsStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; customsCreditTier: CustomsCreditTier; aeoMraCountries: string[] }) => {
      const { id, ...body } = input;
      return api.put<RegistryEnterprise>(`/api/enterprises/${id}/customs-status`, body);
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.enterprises }),
  });
}
