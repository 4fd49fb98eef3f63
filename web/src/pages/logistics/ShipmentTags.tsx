import { WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus, ShipmentLegStatus, ShipmentStatus } from '../../api/types';
import { en } from '../../i18n/en';
import { useLanguage } from '../../i18n/useLanguage';
import { formatNumber } from './model';

export const SHIPMENT_STATUS_COLORS: Record<ShipmentStatus, string> = {
  booked: 'blue',
  in_transit: 'geekblue',
  at_border: 'orange',
  delivered: 'green',
  cancelled: 'default',
};

export const DOCUMENT_STATUS_COLORS: Record<DocumentStatus, string> = {
  issued: 'green',
  superseded: 'default',
  cancelled: 'red',
};

const LEG_STATUS_COLORS: Record<ShipmentLegStatus, string> = {
  planned: 'default',
  departed: 'processing',
  arrived: 'success',
};

function isShipmentStatus(status: string): status is ShipmentStatus {
  return Object.hasOwn(SHIPMENT_STATUS_COLORS, status);
}

export function ShipmentStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  if (!isShipmentStatus(status)) return <Tag data-testid={testId}>{status}</Tag>;
  return (
    <Tag color={SHIPMENT_STATUS_COLORS[status]} data-status={status} data-testid={testId}>
      {t(`shipments.statuses.${status}`)}
    </Tag>
  );
}

export function DocumentStatusTag({ status, testId }: { status: DocumentStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={DOCUMENT_STATUS_COLORS[status]} data-status={status} data-testid={testId}>
      {t(`shipment.documentStatuses.${status}`)}
    </Tag>
  );
}

export function LegStatusTag({ status, testId }: { status: ShipmentLegStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEG_STATUS_COLORS[status]} data-status={status} data-testid={testId}>
      {t(`shipment.legStatuses.${status}`)}
    </Tag>
  );
}

export function AtRiskTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" icon={<WarningOutlined />} data-testid="at-risk">
      {t('shipments.atRisk')}
    </Tag>
  );
}

/**
 * The delay against the planned arrival as a small tag: late in orange, early or on time in green.
 * Within three minutes either way counts as on time.
 */
export function DelayTag({ hours }: { hours: number | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (hours === null) return null;
  const text = (value: number) => formatNumber(Math.abs(value), language, 1);
  if (hours > 0.05)
    return (
      <Tag color="orange" className="delay-tag" data-testid="delay">
        {t('shipments.late', { hours: text(hours) })}
      </Tag>
    );
  return (
    <Tag color="green" className="delay-tag" data-testid="delay">
      {hours < -0.05 ? t('shipments.early', { hours: text(hours) }) : t('shipments.onTime')}
    </Tag>
  );
}

function hasKey<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

/** "Customs", "Border", … for a tracking event's type; types the client does not know are shown as they are. */
export function eventTypeName(t: TFunction, type: string): string {
  return hasKey(en.shipment.eventTypes, type) ? t(`shipment.eventTypes.${type}`) : type;
}

/** A SHA-256 fingerprint short enough for a table cell: the first 12 and last 6 hex digits. */
export function shortHash(sha256: string): string {
  return sha256.length > 20 ? `${sha256.slice(0, 12)}…${sha256.slice(-6)}` : sha256;
}
