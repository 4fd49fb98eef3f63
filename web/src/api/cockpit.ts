// The zone cockpit (issue 6): indicators of the four centres for a period, drill-down to the declarations
// behind a figure, the plan's indicator table and the 21 measures tracker. Shapes mirror
// server/src/modules/cockpit/routes.ts and service.ts. Money is in fen (integers).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, downloadFile } from './client';
import type { Items } from './types';

export const PERIOD_PRESETS = ['this_month', 'last_quarter', 'this_year', 'last_12_months'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const MEASURE_STATUSES = ['not_started', 'in_progress', 'done', 'blocked'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const CHANNELS = ['auto_release', 'document_review', 'inspection'] as const;

export interface Localised {
  'zh-CN': string;
  en: string;
  ru: string;
}

export interface CockpitIndicators {
  period: { from: string; to: string };
  trade: {
    totalFen: number;
    declarations: number;
    byCountry: { country: string; importFen: number; exportFen: number; declarations: number }[];
    byMonth: { month: string; importFen: number; exportFen: number }[];
  };
  clearance: {
    medianMinutes: number | null;
    byChannel: { channel: string; declarations: number; released: number; medianMinutes: number | null }[];
  };
  containers: {
    byMode: { mode: string; shipments: number; teu: number }[];
    byMonth: { month: string; mode: string; teu: number }[];
  };
  trains: { corridor: string; direction: string; trains: number }[];
  bonded: { kind: string; lists: number; lines: number; quantityMilli: number }[];
  ecommerce: {
    lists: number;
    released: number;
    valueFen: number;
    taxFen: number;
    byMode: { mode: string; lists: number }[];
  };
  enterprises: { active: number; onboarded: number; byGrade: { grade: string; enterprises: number }[] };
}

export interface DrillDeclaration {
  id: string;
  number: string;
  enterpriseId: string;
  enterpriseNames: Localised | null;
  direction: 'import' | 'export';
  tradeCountry: string;
  channel: string;
  status: string;
  declarationDate: string;
  customsValueFen: number;
  submittedAt: string;
  decidedAt: string | null;
}

export interface DrillFilter {
  country?: string;
  direction?: 'import' | 'export';
  channel?: string;
}

export interface PlanIndicator {
  code: string;
  no: number;
  category: 'economy' | 'openness' | 'society';
  name: Localised;
  unit: Localised;
  baseline2020: string | null;
  target2025: string | null;
  nature: 'expected' | 'binding';
  computed: string | null;
  note?: Localised;
  current: { value: string; asOf: string; source: string; computed: boolean; enteredAt: string | null } | null;
  progressPercent: number | null;
}

export interface Department {
  code: string;
  names: Localised;
}

export interface MeasureTask {
  id: string;
  title: string;
  department: string;
  dueDate: string | null;
  status: MeasureStatus;
  evidence: string | null;
  overdue: boolean;
}

export interface Measure {
  no: number;
  centre: string;
  title: string;
  lead: { code: string; name: string } | null;
  coResponsible: { code: string; name: string }[];
  status: MeasureStatus;
  dueDate: string | null;
  evidence: string | null;
  version: number;
  overdue: boolean;
  tasks: MeasureTask[];
}

export const cockpitKeys = {
  all: ['cockpit'] as const,
  indicators: (preset: PeriodPreset) => ['cockpit', 'indicators', preset] as const,
  drill: (preset: PeriodPreset, filter: DrillFilter, offset: number) =>
    ['cockpit', 'drill', preset, filter, offset] as const,
  plan: ['cockpit', 'plan'] as const,
  measures: (language: string) => ['cockpit', 'measures', language] as const,
  departments: ['cockpit', 'departments'] as const,
};

/** The cockpit refreshes itself: its figures follow the events as they are processed. */
const REFRESH_MS = 30_000;

export function useCockpitIndicators(preset: PeriodPreset) {
  return useQuery({
    queryKey: cockpitKeys.indicators(preset),
    queryFn: ({ signal }) =>
      api.get<CockpitIndicators>('/api/cockpit/indicators', { query: { period: preset }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

export const DRILL_PAGE = 20;

export function useDrill(preset: PeriodPreset, filter: DrillFilter | null, offset: number) {
  return useQuery({
    queryKey: cockpitKeys.drill(preset, filter ?? {}, offset),
    queryFn: ({ signal }) =>
      api.get<{ items: DrillDeclaration[] }>('/api/cockpit/drill/declarations', {
        query: { period: preset, ...filter, limit: DRILL_PAGE, offset },
        signal,
      }),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

export function usePlanIndicators() {
  return useQuery({
    queryKey: cockpitKeys.plan,
    queryFn: ({ signal }) => api.get<Items<PlanIndicator>>('/api/cockpit/plan', { signal }).then((r) => r.items),
  });
}

export function useMeasures() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: cockpitKeys.measures(i18n.language),
    queryFn: ({ signal }) => api.get<Items<Measure>>('/api/cockpit/measures', { signal }).then((r) => r.items),
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: cockpitKeys.departments,
    queryFn: ({ signal }) => api.get<Items<Department>>('/api/cockpit/departments', { signal }).then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useEnterIndicatorValue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; value: string; asOf: string; source: string }) =>
      api.put<{ id: string }>(`/api/cockpit/plan/${encodeURIComponent(input.code)}`, {
        value: input.value,
        asOf: input.asOf,
        source: input.source,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: cockpitKeys.plan }),
  });
}

export function useUpdateMeasure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { no: number; status?: MeasureStatus; dueDate?: string | null; evidence?: string | null }) => {
      const { no, ...body } = input;
      return api.patch<{ no: number }>(`/api/cockpit/measures/${no}`, body);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['cockpit', 'measures'] }),
  });
}

export function useAddTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { no: number; title: string; department: string; dueDate?: string }) => {
      const { no, ...body } = input;
      return api.post<{ id: string }>(`/api/cockpit/measures/${no}/tasks`, body);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['cockpit', 'measures'] }),
  });
}

export function useUpdateTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; status?: MeasureStatus; evidence?: string | null }) => {
      const { id, ...body } = input;
      return api.patch<{ id: string }>(`/api/cockpit/tasks/${id}`, body);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['cockpit', 'measures'] }),
  });
}

/** Downloads the cockpit as XLSX or PDF in the UI language; answers the file name. */
export async function downloadCockpit(kind: 'xlsx' | 'pdf', preset: PeriodPreset, language: string): Promise<string> {
  const path = kind === 'xlsx' ? '/api/cockpit/export.xlsx' : '/api/cockpit/report.pdf';
  const query = new URLSearchParams({ period: preset, lang: language });
  return downloadFile(`${path}?${query}`, language, `cockpit.${kind}`);
}
