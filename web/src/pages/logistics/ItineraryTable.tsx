import { CloudOutlined, FileProtectOutlined, PayCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Itinerary, ItineraryLeg, Location } from '../../api/types';
import { useLanguage } from '../../i18n/useLanguage';
import { compareDecimalStrings } from '../../lib/decimal';
import { locationName } from '../../lib/locations';
import { ModeTag } from './ModeTag';
import {
  co2Parts,
  formatInstant,
  formatMoney,
  formatNumber,
  type Highlights,
  transferKind,
  transitDays,
  tripModes,
} from './model';

interface Row {
  key: number;
  itinerary: Itinerary;
}

export function co2Text(t: TFunction, kg: number, locale: string): string {
  const { value, unit } = co2Parts(kg, locale);
  return unit === 'kg' ? t('logistics.results.kg', { value }) : t('logistics.results.tonnes', { value });
}

function LegsTable({
  itinerary,
  index,
  locations,
}: {
  itinerary: Itinerary;
  index: number;
  locations: ReadonlyMap<string, Location>;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const place = (locode: string) => (
    <span>
      {locationName(locations, locode, language)} <span className="mono muted">{locode}</span>
    </span>
  );

  const moveLabel = (leg: ItineraryLeg) => {
    if (leg.service)
      return (
        <span>
          <span className="mono strong-cell">{leg.service.code}</span> <span>{leg.service.name}</span>
        </span>
      );
    const kind = transferKind(leg, locations);
    if (kind === 'gauge') {
      return (
        <Tag color="purple" className="transfer-tag">
          {t('logistics.results.transferGauge', {
            from: String(locations.get(leg.from)?.gaugeMm ?? ''),
            to: String(locations.get(leg.to)?.gaugeMm ?? ''),
          })}
        </Tag>
      );
    }
    if (kind === 'border') return <Tag color="purple">{t('logistics.results.transferBorder')}</Tag>;
    return <span className="muted">{t('logistics.results.transferLocal')}</span>;
  };

  const columns: ColumnsType<ItineraryLeg & { n: number }> = [
    { title: t('logistics.results.leg'), key: 'n', width: 56, render: (_, leg) => leg.n },
    { title: t('logistics.services.mode'), key: 'mode', width: 110, render: (_, leg) => <ModeTag mode={leg.mode} /> },
    { title: t('logistics.results.service'), key: 'service', width: 240, render: (_, leg) => moveLabel(leg) },
    {
      title: t('logistics.results.fromTo'),
      key: 'fromTo',
      render: (_, leg) => (
        <div className="leg-route">
          <div>{place(leg.from)}</div>
          <div>
            <span className="leg-arrow">→</span>
            {place(leg.to)}
          </div>
        </div>
      ),
    },
    {
      title: `${t('logistics.results.departure')} → ${t('logistics.results.arrival')}`,
      key: 'times',
      width: 200,
      render: (_, leg) => (
        <div className="leg-times">
          <div>{formatInstant(leg.departure, language)}</div>
          <div>
            <span className="leg-arrow">→</span>
            {formatInstant(leg.arrival, language)}
          </div>
        </div>
      ),
    },
    {
      title: t('logistics.results.cost'),
      key: 'cost',
      width: 140,
      align: 'right',
      render: (_, leg) => <span className="num">{formatMoney(leg.cost, language)}</span>,
    },
    {
      title: t('logistics.results.co2'),
      key: 'co2',
      width: 110,
      align: 'right',
      render: (_, leg) => <span className="num">{co2Text(t, leg.co2Kg, language)}</span>,
    },
  ];

  return (
    <div className="legs" data-testid={`itinerary-legs-${index}`}>
      <div className="legs-title">{t('logistics.results.legsTitle', { n: String(index + 1) })}</div>
      <Table
        rowKey="n"
        size="small"
        columns={columns}
        dataSource={itinerary.legs.map((leg, n) => ({ ...leg, n: n + 1 }))}
        pagination={false}
        rowClassName={(leg) => (leg.kind === 'transfer' ? 'leg-transfer' : '')}
      />
    </div>
  );
}

interface ItineraryTableProps {
  itineraries: readonly Itinerary[];
  highlights: Highlights;
  selected: number;
  onSelect: (index: number) => void;
  locations: ReadonlyMap<string, Location>;
  /** Shows a "Book" button on each option (for roles that may book). */
  onBook?: (index: number) => void;
}

export function ItineraryTable({
  itineraries,
  highlights,
  selected,
  onSelect,
  locations,
  onBook,
}: ItineraryTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rows: Row[] = itineraries.map((itinerary, key) => ({ key, itinerary }));

  const columns: ColumnsType<Row> = [
    {
      title: '#',
      key: 'option',
      width: 150,
      render: (_, row) => (
        <div className="option-cell">
          <span className="strong-cell">{t('logistics.results.option', { n: String(row.key + 1) })}</span>
          <span className="badges">
            {highlights.fastest === row.key ? (
              <Tag color="magenta" icon={<ThunderboltOutlined />} data-testid="badge-fastest">
                {t('logistics.results.fastest')}
              </Tag>
            ) : null}
            {highlights.cheapest === row.key ? (
              <Tag color="gold" icon={<PayCircleOutlined />} data-testid="badge-cheapest">
                {t('logistics.results.cheapest')}
              </Tag>
            ) : null}
            {highlights.greenest === row.key ? (
              <Tag color="green" icon={<CloudOutlined />} data-testid="badge-greenest">
                {t('logistics.results.greenest')}
              </Tag>
            ) : null}
          </span>
        </div>
      ),
    },
    {
      title: t('logistics.results.modes'),
      key: 'modes',
      render: (_, row) => (
        <span className="mode-tags">
          {tripModes(row.itinerary).map((mode) => (
            <ModeTag key={mode} mode={mode} />
          ))}
        </span>
      ),
    },
    {
      title: t('logistics.results.departure'),
      key: 'departure',
      render: (_, row) => formatInstant(row.itinerary.departure, language),
      sorter: (a, b) => a.itinerary.departure.localeCompare(b.itinerary.departure),
    },
    {
      title: t('logistics.results.arrival'),
      key: 'arrival',
      render: (_, row) => formatInstant(row.itinerary.arrival, language),
      sorter: (a, b) => a.itinerary.arrival.localeCompare(b.itinerary.arrival),
    },
    {
      title: t('logistics.results.transit'),
      key: 'transit',
      align: 'right',
      render: (_, row) => (
        <span className="num">
          {t('logistics.results.days', { value: formatNumber(transitDays(row.itinerary.transitHours), language, 1) })}
        </span>
      ),
      sorter: (a, b) => a.itinerary.transitHours - b.itinerary.transitHours,
    },
    {
      title: t('logistics.results.cost'),
      key: 'cost',
      align: 'right',
      render: (_, row) => (
        <span className="num strong-cell" data-testid="itinerary-cost">
          {formatMoney(row.itinerary.cost, language)}
        </span>
      ),
      sorter: (a, b) => compareDecimalStrings(a.itinerary.cost.amount, b.itinerary.cost.amount),
    },
    {
      title: t('logistics.results.co2'),
      key: 'co2',
      align: 'right',
      render: (_, row) => <span className="num">{co2Text(t, row.itinerary.co2Kg, language)}</span>,
      sorter: (a, b) => a.itinerary.co2Kg - b.itinerary.co2Kg,
    },
    {
      title: t('logistics.results.transfers'),
      key: 'transfers',
      align: 'right',
      width: 96,
      render: (_, row) => row.itinerary.transfers,
      sorter: (a, b) => a.itinerary.transfers - b.itinerary.transfers,
    },
  ];
  if (onBook) {
    columns.push({
      title: t('common.actions'),
      key: 'book',
      width: 110,
      fixed: 'right',
      render: (_, row) => (
        <Button
          type="primary"
          size="small"
          icon={<FileProtectOutlined />}
          onClick={(event) => {
            // The row click selects the option; booking it should not also re-select it.
            event.stopPropagation();
            onBook(row.key);
          }}
          data-testid={`book-itinerary-${row.key}`}
        >
          {t('booking.book')}
        </Button>
      ),
    });
  }

  return (
    <div data-testid="itinerary-table">
      <Table<Row>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 10 ? { defaultPageSize: 10 } : false}
        scroll={{ x: 1000 }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: [selected],
          onChange: (keys) => onSelect(Number(keys[0] ?? 0)),
          columnTitle: '',
          columnWidth: 40,
        }}
        onRow={(row) => ({ onClick: () => onSelect(row.key), className: 'itinerary-row' })}
        expandable={{
          expandedRowRender: (row) => <LegsTable itinerary={row.itinerary} index={row.key} locations={locations} />,
        }}
      />
    </div>
  );
}
