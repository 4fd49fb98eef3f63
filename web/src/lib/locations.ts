import { useMemo } from 'react';
import { useLocations } from '../api/hooks';
import type { Location } from '../api/types';
import { type Language, localName } from '../i18n';

/** UN/LOCODE → location, for showing place names next to codes. */
export function useLocationIndex(): Map<string, Location> {
  const locations = useLocations();
  return useMemo(() => new Map((locations.data ?? []).map((item) => [item.locode, item])), [locations.data]);
}

/** The localised name of a LOCODE, or the code itself while the reference data is loading. */
export function locationName(index: ReadonlyMap<string, Location>, locode: string, language: Language): string {
  const location = index.get(locode);
  return location ? localName(location.names, language) : locode;
}
