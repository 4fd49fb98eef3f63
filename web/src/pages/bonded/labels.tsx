import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { en } from '../../i18n/en';

function hasKey<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

/** Names of the server's codes in the UI language; an unknown code is shown as sent. */
export function kindLabel(t: TFunction, kind: string): string {
  return hasKey(en.bonded.kinds, kind) ? t(`bonded.kinds.${kind}`) : kind;
}

export function counterLabel(t: TFunction, account: string): string {
  return hasKey(en.bonded.counterAccounts, account) ? t(`bonded.counterAccounts.${account}`) : account;
}

export function checkLabel(t: TFunction, name: string): string {
  return hasKey(en.bonded.check.names, name) ? t(`bonded.check.names.${name}`) : name;
}

const STATUS_COLORS: Record<string, string> = {
  posted: 'green',
  pending_approval: 'gold',
  refused: 'red',
};

export function ListStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="list-status">
      {hasKey(en.bonded.statuses, status) ? t(`bonded.statuses.${status}`) : status}
    </Tag>
  );
}

/** A signed quantity change, green in and red out, formatted for the reader without leaving the string. */
export function Change({ value, text }: { value: string; text: string }) {
  const negative = value.startsWith('-');
  return <span className={`mono bonded-change ${negative ? 'out' : 'in'}`}>{negative ? text : `+${text}`}</span>;
}
