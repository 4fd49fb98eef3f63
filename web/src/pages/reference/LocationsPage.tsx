import { EnvironmentOutlined, SearchOutlined } from '@ant-design/icons';
import { Card, Input, Select, Skeleton, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountries, useLocations } from '../../api/hooks';
import { LOCATION_KINDS, type Location, type LocationKind } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScoLegend } from '../../components/ScoLegend';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { KIND_COLORS, WorldMap } from './WorldMap';

function formatCoordinate(value: number, positive: string, negative: string): string {
  return `${Math.abs(value).toFixed(2)}°${value >= 0 ? positive : negative}`;
}

export function LocationsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const locations = useLocations();
  const countries = useCountries('all');
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<LocationKind | null>(null);
  const [country, setCountry] = useState<string | null>(null);

  const countryByAlpha2 = useMemo(
    () => new Map((countries.data ?? []).map((item) => [item.alpha2, item])),
    [countries.data],
  );
  const nameOfCountry = (alpha2: string | null): string => {
    if (!alpha2) return t('common.none');
    const item = countryByAlpha2.get(alpha2);
    return item ? localName(item.names, language) : alpha2;
  };

  const all = locations.data ?? [];
  const filtered = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    return all.filter((location) => {
      if (kind && !location.kinds.includes(kind)) return false;
      if (country && location.countryCode !== country) return false;
      if (!needle) return true;
      return [location.locode, ...Object.values(location.names)].some((value) =>
        value.toLocaleLowerCase().includes(needle),
      );
    });
  }, [all, kind, country, search]);

  const countryOptions = useMemo(() => {
    const codes = [...new Set(all.map((location) => location.countryCode))];
    return codes
      .map((code) => {
        const item = countryByAlpha2.get(code);
        return { value: code, label: item ? localName(item.names, language) : code };
      })
      .sort((a, b) => a.label.localeCompare(b.label, language));
  }, [all, countryByAlpha2, language]);

  const columns: ColumnsType<Location> = [
    {
      title: t('reference.locations.locode'),
      key: 'locode',
      width: 150,
      render: (_, row) => (
        <span className="locode-cell">
          <span className="mono strong-cell">{row.locode}</span>
          {row.locodeConfirmed ? null : (
            <Tooltip title={t('reference.locations.unconfirmedHint')}>
              <Tag className="tag-small">{t('reference.locations.unconfirmed')}</Tag>
            </Tooltip>
          )}
        </span>
      ),
      sorter: (a, b) => a.locode.localeCompare(b.locode),
    },
    {
      title: t('reference.locations.name'),
      key: 'name',
      // Coordinates are in the tooltip: the map shows where a place is better than numbers do.
      render: (_, row) => (
        <Tooltip title={`${formatCoordinate(row.lat, 'N', 'S')} ${formatCoordinate(row.lon, 'E', 'W')}`}>
          <span>{localName(row.names, language)}</span>
        </Tooltip>
      ),
      sorter: (a, b) => localName(a.names, language).localeCompare(localName(b.names, language), language),
    },
    {
      title: t('reference.locations.country'),
      key: 'country',
      width: 150,
      render: (_, row) => nameOfCountry(row.countryCode),
      sorter: (a, b) => nameOfCountry(a.countryCode).localeCompare(nameOfCountry(b.countryCode), language),
    },
    {
      title: t('reference.locations.kinds'),
      key: 'kinds',
      width: 290,
      render: (_, row) =>
        row.kinds.map((item) => (
          <Tag key={item} color={KIND_COLORS[item]} className="kind-tag">
            {t(`locationKinds.${item}`)}
          </Tag>
        )),
    },
    {
      title: t('reference.locations.gauge'),
      key: 'gauge',
      width: 140,
      render: (_, row) =>
        row.gaugeMm === null
          ? t('common.none')
          : row.gaugeFarSideMm !== null && row.gaugeFarSideMm !== row.gaugeMm
            ? t('reference.locations.gaugeChange', { near: String(row.gaugeMm), far: String(row.gaugeFarSideMm) })
            : t('reference.locations.gaugeValue', { mm: String(row.gaugeMm) }),
    },
    {
      title: t('reference.locations.borderWith'),
      key: 'borderWith',
      width: 130,
      render: (_, row) => nameOfCountry(row.borderWith),
    },
  ];

  const error = locations.error ?? countries.error;

  return (
    <div className="page">
      <PageHeader
        title={t('reference.locations.title')}
        subtitle={t('reference.locations.subtitle')}
        icon={<EnvironmentOutlined />}
      />
      {error ? (
        <ProblemAlert
          error={error}
          onRetry={() => {
            void locations.refetch();
            void countries.refetch();
          }}
        />
      ) : null}
      <div className="toolbar toolbar-card">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('reference.locations.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="toolbar-search"
          data-testid="location-search"
        />
        <Select<LocationKind>
          allowClear
          placeholder={t('reference.locations.allKinds')}
          value={kind ?? undefined}
          onChange={(value) => setKind(value ?? null)}
          options={LOCATION_KINDS.map((value) => ({ value, label: t(`locationKinds.${value}`) }))}
          className="toolbar-select"
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('reference.locations.allCountries')}
          value={country ?? undefined}
          onChange={(value) => setCountry(value ?? null)}
          options={countryOptions}
          className="toolbar-select"
        />
      </div>
      <Card
        title={t('reference.locations.mapTitle')}
        variant="borderless"
        className="section-card map-card"
        extra={<ScoLegend />}
      >
        {locations.isPending || countries.isPending ? (
          <Skeleton.Node active style={{ width: '100%', height: 520 }} />
        ) : (
          <WorldMap locations={filtered} countries={countries.data ?? []} language={language} />
        )}
        <div className="map-hint">{t('reference.locations.mapHint')}</div>
      </Card>
      <Card title={t('reference.locations.tableTitle')} variant="borderless" className="section-card">
        <div data-testid="locations-table">
          <Table<Location>
            rowKey="locode"
            size="small"
            columns={columns}
            dataSource={filtered}
            loading={locations.isPending}
            pagination={{
              defaultPageSize: 20,
              showSizeChanger: true,
              showTotal: (total) => <span data-testid="locations-total">{t('common.total', { count: total })}</span>,
            }}
            scroll={{ x: 1000 }}
          />
        </div>
      </Card>
    </div>
  );
}
