import { useMemo } from 'react';
import { useCountries } from '../api/hooks';
import type { Country } from '../api/types';
import { type Language, localName } from '../i18n';

/** Alpha-2 code → country, for showing country names next to codes in any table. */
export function useCountryIndex(): Map<string, Country> {
  const countries = useCountries('all');
  return useMemo(() => new Map((countries.data ?? []).map((country) => [country.alpha2, country])), [countries.data]);
}

export function countryName(index: Map<string, Country>, alpha2: string | null, language: Language): string {
  if (!alpha2) return '—';
  const country = index.get(alpha2);
  return country ? localName(country.names, language) : alpha2;
}
