import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TariffHit, useTariffLine, useTariffSearch } from '../../api/trade';
import { useLanguage } from '../../i18n/useLanguage';
import { useDebounced } from '../../lib/useDebounced';
import { MatchedTerms } from './TradeTags';

const LANGUAGE_KEY = { 'zh-CN': 'zh', en: 'en', ru: 'ru' } as const;

interface TariffSelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  status?: 'error' | 'warning';
  testId?: string;
  /** The hit chosen from a search, with the terms it matched. */
  onPick?: (hit: TariffHit | null) => void;
}

/**
 * Classification search: type words in Chinese, English or Russian, or a code prefix, and pick a 10-digit
 * line. Each hit shows the terms it matched, so the user sees why it was offered.
 */
export function TariffSelect({ value, onChange, status, testId, onPick }: TariffSelectProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 300);
  const hits = useTariffSearch(query);
  // The chosen line's name, when it is not among the current hits (a pre-filled or earlier choice).
  const chosen = useTariffLine(value ?? null);

  const options = useMemo(() => {
    const list: (TariffHit & { value: string; label: string })[] = (hits.data ?? []).map((hit) => ({
      ...hit,
      value: hit.code,
      label: `${hit.code} · ${hit.name}`,
    }));
    if (value && !list.some((option) => option.value === value)) {
      const name = chosen.data?.names[LANGUAGE_KEY[language]];
      list.unshift({
        code: value,
        name: name ?? '',
        score: 0,
        matched: [],
        confirmed: chosen.data?.confirmed ?? false,
        value,
        label: name ? `${value} · ${name}` : value,
      });
    }
    return list;
  }, [hits.data, value, chosen.data, language]);

  return (
    <Select<string>
      value={value}
      onChange={(code) => {
        onChange?.(code);
        onPick?.(options.find((option) => option.value === code) ?? null);
      }}
      status={status}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search, autoClearSearchValue: true }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      placeholder={t('trade.form.classifyPlaceholder')}
      options={options}
      loading={hits.isFetching}
      notFoundContent={query.trim() ? t('trade.tariff.noHits') : t('trade.form.classifyHint')}
      popupMatchSelectWidth={560}
      optionRender={(option) => {
        const hit = option.data as TariffHit;
        return (
          <div className="tariff-option" data-testid={`tariff-option-${hit.code}`}>
            <div>
              <span className="mono strong-cell">{hit.code}</span> <span>{hit.name}</span>
            </div>
            {hit.matched.length > 0 ? <MatchedTerms matched={hit.matched} /> : null}
          </div>
        );
      }}
      data-testid={testId}
    />
  );
}
