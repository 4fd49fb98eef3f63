import {
  CalculatorOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  PlusOutlined,
  SyncOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind, FastLaneCheck, TaxBill, TaxBillLine, TaxPreview, TradeDirection } from '../../api/trade';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDecimalString } from '../../lib/decimal';
import { FastLaneTag, percentText, rateText } from './TradeTags';

/** An amount in yuan: "73,890.00 CNY". */
export function Cny({ amount, strong, testId }: { amount: string | null; strong?: boolean; testId?: string }) {
  const { language } = useLanguage();
  if (amount === null) return <span className="muted">—</span>;
  return (
    <span className={strong ? 'num strong-cell' : 'num'} data-testid={testId}>
      {formatDecimalString(amount, language)} CNY
    </span>
  );
}

function TaxLine({ line, name }: { line: TaxBillLine; name: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="tax-line" data-testid={`tax-line-${line.item}`}>
      <div className="tax-line-head">
        <span className="tax-line-seq">{line.item + 1}</span>
        <span className="mono">{line.code}</span>
        <span className="tax-line-name">{name}</span>
      </div>
      <div className="tax-line-grid">
        <span className="muted">{t('trade.preview.customsValue')}</span>
        <span />
        <Cny amount={line.customsValueCny} />
        <span className="muted">{t('trade.preview.duty')}</span>
        <span>
          <Tooltip title={line.duty.reason}>
            <Tag className="tag-small" color="blue" data-testid={`duty-column-${line.item}`}>
              {t(`trade.dutyColumns.${line.duty.column}`)}
              {line.duty.agreement ? ` · ${line.duty.agreement}` : ''}
            </Tag>
          </Tooltip>
          <span className="num">{rateText(t, line.duty.rate, language)}</span>
        </span>
        <Cny amount={line.duty.amountCny} />
        {line.consumptionTax ? (
          <>
            <span className="muted">{t('trade.preview.consumptionTax')}</span>
            <span className="num">{rateText(t, line.consumptionTax.rate, language)}</span>
            <Cny amount={line.consumptionTax.amountCny} />
          </>
        ) : null}
        <span className="muted">{t('trade.preview.vat')}</span>
        <span className="num">{percentText(line.vat.rate, language)}</span>
        <Cny amount={line.vat.amountCny} />
        <span className="strong-cell">{t('trade.preview.lineTax')}</span>
        <span />
        <Cny amount={line.taxCny} strong />
      </div>
      <div className="muted tax-line-reason" data-testid={`duty-reason-${line.item}`}>
        {t('trade.preview.dutyReason', { reason: line.duty.reason })}
      </div>
    </div>
  );
}

/** The import tax bill, line by line, with the duty column and why it applies, and the totals. */
export function TaxBillView({ bill, names }: { bill: TaxBill; names: ReadonlyMap<number, string> }) {
  const { t } = useTranslation();
  return (
    <div data-testid="tax-bill">
      {bill.lines.map((line) => (
        <TaxLine key={line.item} line={line} name={names.get(line.item) ?? ''} />
      ))}
      <Descriptions size="small" column={1} bordered className="tax-totals" data-testid="tax-totals">
        <Descriptions.Item label={t('trade.preview.totalDuty')}>
          <Cny amount={bill.totals.dutyCny} />
        </Descriptions.Item>
        <Descriptions.Item label={t('trade.preview.totalConsumptionTax')}>
          <Cny amount={bill.totals.consumptionTaxCny} />
        </Descriptions.Item>
        <Descriptions.Item label={t('trade.preview.totalVat')}>
          <Cny amount={bill.totals.vatCny} />
        </Descriptions.Item>
        <Descriptions.Item label={t('trade.preview.totalTax')}>
          <Cny amount={bill.totals.taxCny} strong testId="tax-total" />
        </Descriptions.Item>
      </Descriptions>
      <div className="muted tax-rounding">{t('trade.preview.rounding')}</div>
    </div>
  );
}

/**
 * The "new three" checklist: every dangerous-goods document the category and transport mode need, ticked when
 * present; each missing one is an alert, with a button to add a row for it when `onAdd` is given.
 */
export function FastLaneChecklist({ check, onAdd }: { check: FastLaneCheck; onAdd?: (kind: DocumentKind) => void }) {
  const { t } = useTranslation();
  const missing = new Set(check.missing.map((doc) => doc.kind));
  return (
    <div className="fast-lane-check" data-testid="fast-lane-check">
      <div className="fast-lane-head">
        <ThunderboltOutlined className="fast-lane-icon" />
        <span className="strong-cell">{t('trade.fastLane.title')}</span>
        <FastLaneTag category={check.category} />
      </div>
      {check.required.length === 0 ? (
        <div className="muted">{t('trade.fastLane.noDocuments')}</div>
      ) : (
        <ul className="dg-checklist">
          {check.required.map((doc) => (
            <li
              key={doc.kind}
              className={missing.has(doc.kind) ? 'dg-missing' : 'dg-present'}
              data-testid={`dg-${doc.kind}`}
              data-present={missing.has(doc.kind) ? 'false' : 'true'}
            >
              {missing.has(doc.kind) ? <CloseCircleFilled /> : <CheckCircleFilled />}
              <span>{doc.name}</span>
            </li>
          ))}
        </ul>
      )}
      {check.missing.map((doc) => (
        <Alert
          key={doc.kind}
          type="error"
          showIcon
          className="dg-missing-alert"
          title={t('trade.fastLane.missing', { document: doc.name })}
          action={
            onAdd ? (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => onAdd(doc.kind)}
                data-testid={`dg-add-${doc.kind}`}
              >
                {t('trade.fastLane.add')}
              </Button>
            ) : undefined
          }
          data-testid={`dg-missing-${doc.kind}`}
        />
      ))}
      {check.required.length > 0 && check.missing.length === 0 ? (
        <Alert type="success" showIcon title={t('trade.fastLane.complete')} data-testid="dg-complete" />
      ) : null}
    </div>
  );
}

interface TaxPreviewPanelProps {
  /** False while the form lacks what a preview needs. */
  ready: boolean;
  preview: TaxPreview | undefined;
  updating: boolean;
  /** Problems of the draft that are not shown on a field. */
  problems: readonly string[];
  problemTitle: string | null;
  direction: TradeDirection;
  currency: string | undefined;
  onAddDocument: (kind: DocumentKind) => void;
}

/** The live tax preview next to the declaration form. */
export function TaxPreviewPanel(props: TaxPreviewPanelProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { preview } = props;
  const names = new Map((preview?.items ?? []).map((item) => [item.index, item.name]));

  let body: ReactNode;
  if (!props.ready) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trade.preview.incomplete')} />;
  } else if (!preview) {
    body = props.problemTitle ? null : <div className="muted">{t('common.loading')}</div>;
  } else {
    body = (
      <>
        <Descriptions size="small" column={1} className="preview-summary">
          <Descriptions.Item label={t('trade.preview.customsValue')}>
            <Cny amount={preview.customsValueCny} strong testId="preview-customs-value" />
          </Descriptions.Item>
          <Descriptions.Item label={t('trade.preview.rate')}>
            <span className="num" data-testid="preview-rate">
              {t('trade.preview.rateValue', {
                currency: props.currency ?? '',
                rate: formatDecimalString(preview.cnyPerUnit.replace(/\.?0+$/, ''), language),
                date: preview.date,
              })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('trade.preview.taxes')}>
            <Cny amount={preview.taxCny} strong testId="preview-tax" />
          </Descriptions.Item>
        </Descriptions>
        {preview.bill ? (
          <TaxBillView bill={preview.bill} names={names} />
        ) : (
          <div data-testid="export-lines">
            <div className="muted preview-note">{t('trade.preview.exportNote')}</div>
            {preview.items.map((item) => (
              <div className="tax-line" key={item.index} data-testid={`export-line-${item.index}`}>
                <div className="tax-line-head">
                  <span className="tax-line-seq">{item.index + 1}</span>
                  <span className="mono">{item.code}</span>
                  <span className="tax-line-name">{item.name}</span>
                </div>
                <div className="tax-line-grid">
                  <span className="muted">{t('trade.preview.customsValue')}</span>
                  <span />
                  <Cny amount={item.customsValueCny} />
                  <span className="muted">{t('trade.preview.rebate')}</span>
                  <span />
                  <span className="num">
                    {item.exportRebateRate === null ? '—' : percentText(item.exportRebateRate, language)}
                  </span>
                </div>
              </div>
            ))}
          </div>
        )}
        {preview.fastLane ? <FastLaneChecklist check={preview.fastLane} onAdd={props.onAddDocument} /> : null}
      </>
    );
  }

  return (
    <Card
      title={
        <span>
          <CalculatorOutlined /> {t('trade.preview.title')}
        </span>
      }
      extra={
        props.ready ? (
          <span className="muted preview-state" data-testid="preview-state" data-updating={String(props.updating)}>
            <SyncOutlined spin={props.updating} />{' '}
            {props.updating ? t('trade.preview.updating') : t('trade.preview.live')}
          </span>
        ) : null
      }
      variant="borderless"
      className="section-card preview-card"
      data-testid="tax-preview"
    >
      {props.ready && props.problemTitle ? (
        <Alert
          type="warning"
          showIcon
          className="card-alert"
          title={props.problemTitle}
          description={
            props.problems.length > 0 ? (
              <ul className="problem-list">
                {props.problems.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            ) : (
              t('trade.preview.seeFields')
            )
          }
          data-testid="preview-problems"
        />
      ) : null}
      {body}
    </Card>
  );
}
