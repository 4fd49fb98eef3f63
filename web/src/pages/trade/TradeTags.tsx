import {
  CarOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExportOutlined,
  ImportOutlined,
  SunOutlined,
  ThunderboltOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Channel,
  DeclarationStatus,
  DocumentKind,
  NewThreeCategory,
  PaymentState,
  TariffRate,
  TradeDirection,
} from '../../api/trade';
import { UNIT_CODES, type UnitCode } from '../../api/trade';
import { formatDecimalString } from '../../lib/decimal';
import { CHANNEL_COLORS, type DeadlineState, fractionToPercent, STATUS_COLORS } from './model';

export function ChannelTag({ channel, testId }: { channel: Channel | null; testId?: string }) {
  const { t } = useTranslation();
  if (!channel) return <span className="muted">{t('common.none')}</span>;
  return (
    <Tag color={CHANNEL_COLORS[channel]} data-channel={channel} data-testid={testId} variant="solid">
      {t(`trade.channels.${channel}`)}
    </Tag>
  );
}

export function DeclarationStatusTag({ status, testId }: { status: DeclarationStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status} data-testid={testId}>
      {t(`trade.statuses.${status}`)}
    </Tag>
  );
}

const CATEGORY_ICONS: Record<NewThreeCategory, ReactNode> = {
  ev: <CarOutlined />,
  li_ion_battery: <ThunderboltOutlined />,
  pv: <SunOutlined />,
};

export function FastLaneTag({ category, testId }: { category: NewThreeCategory | null; testId?: string }) {
  const { t } = useTranslation();
  if (!category) return null;
  return (
    <Tag color="cyan" icon={CATEGORY_ICONS[category]} data-category={category} data-testid={testId}>
      {t(`trade.categories.${category}`)}
    </Tag>
  );
}

const DEADLINE_LOOK: Record<DeadlineState, { color: string; icon: ReactNode }> = {
  on_target: { color: 'success', icon: <CheckCircleOutlined /> },
  open: { color: 'processing', icon: <ClockCircleOutlined /> },
  at_risk: { color: 'warning', icon: <ClockCircleOutlined /> },
  overdue: { color: 'error', icon: <WarningOutlined /> },
};

export function DeadlineTag({ state, testId }: { state: DeadlineState | null; testId?: string }) {
  const { t } = useTranslation();
  if (!state) return null;
  return (
    <Tag color={DEADLINE_LOOK[state].color} icon={DEADLINE_LOOK[state].icon} data-deadline={state} data-testid={testId}>
      {t(`trade.deadline.${state}`)}
    </Tag>
  );
}

const PAYMENT_COLORS: Record<PaymentState, string> = {
  none_due: 'default',
  unpaid: 'orange',
  guaranteed: 'blue',
  paid: 'green',
};

export function PaymentTag({ payment, testId }: { payment: PaymentState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={PAYMENT_COLORS[payment]} data-payment={payment} data-testid={testId}>
      {t(`trade.payments.${payment}`)}
    </Tag>
  );
}

export function DirectionTag({ direction }: { direction: TradeDirection }) {
  const { t } = useTranslation();
  return (
    <Tag icon={direction === 'export' ? <ExportOutlined /> : <ImportOutlined />} data-direction={direction}>
      {t(`trade.directions.${direction}`)}
    </Tag>
  );
}

function isUnitCode(code: string): code is UnitCode {
  return (UNIT_CODES as readonly string[]).includes(code);
}

/** A legal unit by its GACC code: "kilogram (035)"; an unknown code as it is. */
export function unitName(t: TFunction, code: string): string {
  return isUnitCode(code) ? t(`trade.units.${code}`) : code;
}

export function documentKindName(t: TFunction, kind: DocumentKind): string {
  return t(`trade.documentKinds.${kind}`);
}

/** A decimal fraction as a percentage for people: "0.13" → "13%" (exact, localised digits). */
export function percentText(fraction: string, locale: string): string {
  return `${formatDecimalString(fractionToPercent(fraction), locale)}%`;
}

/** A duty or consumption-tax rate: "10%", "CNY 2.00 / litre", "5% + CNY 0.60 / kilogram". */
export function rateText(t: TFunction, rate: TariffRate | null, locale: string): string {
  if (!rate) return t('trade.tariff.withdrawn');
  const specific = (amount: string, unit: string) =>
    t('trade.tariff.specificRate', { amount: formatDecimalString(amount, locale), unit: unitName(t, unit) });
  if (rate.kind === 'adValorem') return percentText(rate.adValorem, locale);
  if (rate.kind === 'specific') return specific(rate.cnyPerUnit, rate.unit);
  return `${percentText(rate.adValorem, locale)} + ${specific(rate.cnyPerUnit, rate.unit)}`;
}

const MATCH_FIELDS = ['name', 'code', 'keyword'] as const;
function isMatchField(field: string): field is (typeof MATCH_FIELDS)[number] {
  return (MATCH_FIELDS as readonly string[]).includes(field);
}

/** The terms a search matched, as small tags with the language they matched in. */
export function MatchedTerms({ matched }: { matched: readonly { term: string; language: string; field: string }[] }) {
  const { t } = useTranslation();
  return (
    <span className="matched-terms" data-testid="matched-terms">
      {matched.map((m) => (
        <Tooltip
          key={`${m.term}-${m.language}-${m.field}`}
          title={isMatchField(m.field) ? t(`trade.tariff.matchedIn.${m.field}`) : m.field}
        >
          <Tag className="tag-small matched-term" color="geekblue">
            {m.term}
            {m.language !== 'code' ? <span className="matched-language">{m.language}</span> : null}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}
