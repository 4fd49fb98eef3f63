import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocations } from '../../api/hooks';
import type { Location } from '../../api/types';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';

interface LocationSelectProps {
  value?: string;
  onChange?: (value: string) => void;
  /** Which places to offer; every place when absent. */
  filter?: (location: Location) => boolean;
  testId?: string;
  status?: 'error' | 'warning';
}

/**
 * A searchable UN/LOCODE picker, as on the planner form: it matches the code and the name in every
 * language, whatever the UI language is, and shows the name with the code.
 */
export function LocationSelect({ value, onChange, filter, testId, status }: LocationSelectProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const locations = useLocations();

  const options = useMemo(
    () =>
      (locations.data ?? [])
        .filter((location) => (filter ? filter(location) : true))
        .map((location) => {
          const name = localName(location.names, language);
          return {
            value: location.locode,
            label: `${name} (${location.locode})`,
            name,
            search: [location.locode, ...Object.values(location.names)].join('\n').toLocaleLowerCase(),
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name, language)),
    [locations.data, filter, language],
  );

  return (
    <Select<string>
      value={value}
      onChange={onChange}
      status={status}
      showSearch={{
        filterOption: (input, option) =>
          Boolean(option && (option as { search: string }).search.includes(input.trim().toLocaleLowerCase())),
      }}
      placeholder={t('logistics.planner.locationPlaceholder')}
      options={options}
      loading={locations.isPending}
      popupMatchSelectWidth={false}
      optionRender={(option) => (
        <span className="location-option">
          <span>{(option.data as { name: string }).name}</span>
          <span className="mono muted">{String(option.value)}</span>
        </span>
      )}
      data-testid={testId}
    />
  );
}
