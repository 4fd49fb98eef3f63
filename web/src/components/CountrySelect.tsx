import { Select } from 'antd';
import { useMemo } from 'react';
import { useCountries } from '../api/hooks';
import { localName } from '../i18n';
import { useLanguage } from '../i18n/useLanguage';

interface CountrySelectProps {
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  /** Several countries (e.g. a risk rule's list) instead of one. */
  mode?: 'multiple';
  status?: 'error' | 'warning';
  placeholder?: string;
  'data-testid'?: string;
}

/**
 * A searchable ISO 3166 country picker: it matches the alpha-2 and alpha-3 codes and the name in every
 * language, whatever the UI language is, and shows the name with the code.
 */
export function CountrySelect({
  value,
  onChange,
  mode,
  status,
  placeholder,
  'data-testid': testId,
}: CountrySelectProps) {
  const { language } = useLanguage();
  const countries = useCountries('all');
  const options = useMemo(
    () =>
      (countries.data ?? [])
        .map((country) => {
          const name = localName(country.names, language);
          return {
            value: country.alpha2,
            label: `${name} (${country.alpha2})`,
            name,
            search: [country.alpha2, country.alpha3, ...Object.values(country.names)].join('\n').toLocaleLowerCase(),
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name, language)),
    [countries.data, language],
  );
  return (
    <Select<string | string[]>
      value={value}
      onChange={onChange}
      mode={mode}
      status={status}
      placeholder={placeholder}
      showSearch={{
        filterOption: (input, option) =>
          Boolean(option && (option as { search: string }).search.includes(input.trim().toLocaleLowerCase())),
      }}
      options={options}
      loading={countries.isPending}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
