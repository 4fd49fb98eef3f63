import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BookDetail,
  DIRECT_KINDS,
  type DirectKind,
  type ListOutcome,
  type ListRequest,
  QUANTITY_PATTERN,
  SIGNED_QUANTITY_PATTERN,
  type TransferRequest,
  useFileList,
  useTransfer,
} from '../../api/bonded';
import { ApiError } from '../../api/client';
import { newIdempotencyKey } from '../../api/shipments';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDecimalString } from '../../lib/decimal';
import { DeclarationFields, type DeclarationValues, declarationBody, isDeclarationField } from './DeclarationFields';
import { AddLineButton, RemoveLineButton } from './LineButtons';
import { messagesByPath } from './model';

/**
 * The client id of one submission: generated when a body is first sent and kept while the same body is
 * sent again (a retry after a lost answer is then answered with the first list, never posted twice).
 * Another body, or a finished submission, gets a new one.
 */
function useClientIds() {
  const attempt = useRef<{ body: string; clientId: string } | null>(null);
  return {
    idFor(body: unknown): string {
      const key = JSON.stringify(body);
      if (attempt.current?.body !== key) attempt.current = { body: key, clientId: newIdempotencyKey() };
      return attempt.current.clientId;
    },
    finished() {
      attempt.current = null;
    },
  };
}

/** The field problems of a failed submission, by path inside the form. */
export function useServerErrors(error: unknown) {
  const errors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  const byPath = messagesByPath(errors);
  const at = (path: string) => {
    const messages = byPath.get(path);
    return messages ? { validateStatus: 'error' as const, help: messages.join('; ') } : {};
  };
  return { byPath, at, hasErrors: errors.length > 0 };
}

/** Problems the form cannot place next to a field (the book, the client id, the body as a whole). */
export function UnplacedErrors({
  byPath,
  placed,
}: {
  byPath: Map<string, string[]>;
  placed: (path: string) => boolean;
}) {
  const { t } = useTranslation();
  const rest = [...byPath].filter(([path]) => !placed(path));
  if (rest.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="card-alert"
      title={t('bonded.form.otherProblems')}
      data-testid="list-other-errors"
      description={
        <ul className="problem-list">
          {rest.map(([path, messages]) => (
            <li key={path}>
              {path ? <span className="mono">{path}</span> : null} {messages.join('; ')}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function itemOptions(book: BookDetail, language: string) {
  return book.items.map((item) => ({
    value: item.itemNo,
    label: `${item.itemNo} · ${item.name} · ${formatDecimalString(item.balance, language)} ${item.unit}`,
  }));
}

function OutcomeAlert({
  outcome,
  testId,
}: {
  outcome: { type: 'success' | 'info'; text: string; status: string };
  testId: string;
}) {
  return (
    <Alert
      type={outcome.type}
      showIcon
      className="card-alert"
      title={outcome.text}
      data-testid={testId}
      data-status={outcome.status}
    />
  );
}

interface ListValues {
  kind: DirectKind;
  lines: { itemNo?: number; quantity?: string; secondQuantity?: string }[];
  note?: string;
  batchRelease?: boolean;
  declaration?: DeclarationValues;
}

/** Files one verification list (核注清单): posted whole or not at all; a stocktake waits for customs. */
export function ListForm({ book }: { book: BookDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<ListValues>();
  const file = useFileList();
  const ids = useClientIds();
  const kind = Form.useWatch('kind', form) ?? 'first_line_entry';
  const lineCount = (Form.useWatch('lines', form) ?? []).length;
  const server = useServerErrors(file.error);
  const stocktake = kind === 'stocktake';
  const batchAllowed = book.batchReleaseApproved && kind === 'second_line_exit';
  const batchRelease = Form.useWatch('batchRelease', form) === true;
  // A direct sale into China (not a batch) is declared for import in the same step.
  const declaring = kind === 'second_line_exit' && !(batchAllowed && batchRelease);
  const required = { required: true, message: t('bonded.form.required') };
  const pattern = stocktake
    ? { pattern: SIGNED_QUANTITY_PATTERN, message: t('bonded.form.signedQuantityFormat') }
    : { pattern: QUANTITY_PATTERN, message: t('bonded.form.quantityFormat') };

  const outcome = (result: ListOutcome) => {
    const number = result.number ?? '';
    if (result.replayed)
      return { type: 'info' as const, text: t('bonded.fileList.replayed', { number }), status: 'replayed' };
    if (result.status === 'pending_approval')
      return { type: 'info' as const, text: t('bonded.fileList.pending', { number }), status: 'pending_approval' };
    if (result.declaration) {
      const tax = formatDecimalString(((result.declaration.taxFen ?? 0) / 100).toFixed(2), language);
      const declaration = result.declaration.number ?? '';
      return {
        type: 'success' as const,
        text: t('bonded.fileList.declared', { number, declaration, tax }),
        status: 'posted',
      };
    }
    return { type: 'success' as const, text: t('bonded.fileList.posted', { number }), status: 'posted' };
  };

  const onFinish = (values: ListValues) => {
    const note = values.note?.trim();
    const body: Omit<ListRequest, 'clientId'> = {
      bookId: book.id,
      kind: values.kind,
      lines: values.lines.map((line) => ({ itemNo: line.itemNo ?? 0, quantity: (line.quantity ?? '').trim() })),
      ...(note ? { note } : {}),
      ...(batchAllowed && values.batchRelease ? { batchRelease: true } : {}),
      ...(declaring && values.declaration
        ? {
            declaration: declarationBody(
              values.declaration,
              values.lines.map((line) => ({ itemNo: line.itemNo ?? 0, secondQuantity: line.secondQuantity })),
            ),
          }
        : {}),
    };
    file.mutate(
      { clientId: ids.idFor(body), ...body },
      {
        onSuccess: () => {
          ids.finished();
          // The declaration header stays: the next sale is often to the same buyer.
          form.setFieldsValue({ lines: [{}], note: '', batchRelease: false });
        },
      },
    );
  };

  const placed = (path: string) => {
    if (path === 'kind' || path === 'note' || path === 'batchRelease') return true;
    if (declaring && isDeclarationField(path)) return true;
    const match = /^(?:lines|declaration\.lines)\.(\d+)\.(itemNo|quantity|secondQuantity)$/.exec(path);
    return match !== null && Number(match[1]) < lineCount && (match[2] !== 'secondQuantity' || declaring);
  };
  const networkFailure = file.isError && !(file.error instanceof ApiError);

  return (
    <Card title={t('bonded.fileList.title')} variant="borderless" className="section-card" data-testid="list-form">
      <Form<ListValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'first_line_entry', lines: [{}], note: '', declaration: { supervisionMode: '0110' } }}
        onFinish={onFinish}
        onValuesChange={() => {
          if (file.isError || file.isSuccess) file.reset();
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={batchAllowed ? 14 : 24}>
            <Form.Item name="kind" label={t('bonded.fileList.kind')} {...server.at('kind')}>
              <Select<DirectKind>
                options={DIRECT_KINDS.map((value) => ({ value, label: t(`bonded.kinds.${value}`) }))}
                data-testid="list-kind"
              />
            </Form.Item>
          </Col>
          {batchAllowed ? (
            <Col xs={24} md={10}>
              <Form.Item
                name="batchRelease"
                label={t('bonded.fileList.batchRelease')}
                valuePropName="checked"
                {...server.at('batchRelease')}
              >
                <Switch data-testid="list-batch-release" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        {stocktake ? <div className="muted card-subtitle">{t('bonded.fileList.stocktakeHelp')}</div> : null}
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="top" data-testid={`list-line-${index}`}>
                  <Col xs={24} md={declaring ? 9 : 13}>
                    <Form.Item
                      name={[field.name, 'itemNo']}
                      label={index === 0 ? t('bonded.fileList.item') : undefined}
                      rules={[required]}
                      {...server.at(`lines.${index}.itemNo`)}
                    >
                      <Select<number>
                        showSearch={{ optionFilterProp: 'label' }}
                        options={itemOptions(book, language)}
                        popupMatchSelectWidth={false}
                        data-testid={`list-item-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={declaring ? 10 : 20} md={declaring ? 6 : 9}>
                    <Form.Item
                      name={[field.name, 'quantity']}
                      label={index === 0 ? t('bonded.form.quantity') : undefined}
                      rules={[required, pattern]}
                      {...server.at(`lines.${index}.quantity`)}
                    >
                      <Input inputMode="decimal" className="mono" data-testid={`list-quantity-${index}`} />
                    </Form.Item>
                  </Col>
                  {declaring ? (
                    <Col xs={10} md={7}>
                      <Form.Item
                        name={[field.name, 'secondQuantity']}
                        label={index === 0 ? t('bonded.fileList.secondQuantity') : undefined}
                        tooltip={index === 0 ? t('bonded.fileList.secondQuantityHelp') : undefined}
                        rules={[{ pattern: QUANTITY_PATTERN, message: t('bonded.form.quantityFormat') }]}
                        {...server.at(`declaration.lines.${index}.secondQuantity`)}
                      >
                        <Input inputMode="decimal" className="mono" data-testid={`list-second-quantity-${index}`} />
                      </Form.Item>
                    </Col>
                  ) : null}
                  <Col xs={4} md={2}>
                    <RemoveLineButton index={index} only={fields.length === 1} onRemove={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <AddLineButton onAdd={() => add({})} testId="list-add-line">
                {t('bonded.form.addLine')}
              </AddLineButton>
            </>
          )}
        </Form.List>
        {declaring ? <DeclarationFields at={server.at} /> : null}
        <Form.Item name="note" label={t('bonded.form.note')} className="row-gap" {...server.at('note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="list-note" />
        </Form.Item>
        {file.isError ? (
          <>
            <ProblemAlert error={file.error} onRetry={networkFailure ? () => form.submit() : undefined} />
            <UnplacedErrors byPath={server.byPath} placed={placed} />
          </>
        ) : null}
        {file.data ? <OutcomeAlert outcome={outcome(file.data)} testId="list-outcome" /> : null}
        <div className="form-actions">
          <Button
            type="primary"
            htmlType="submit"
            icon={<SendOutlined />}
            loading={file.isPending}
            data-testid="list-submit"
          >
            {t('bonded.form.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

interface TransferValues {
  toBookNumber: string;
  lines: { fromItemNo?: number; quantity?: string }[];
  note?: string;
}

/**
 * Moves goods to another bonded book (区间流转): the transfer-out posts at once and the goods are in
 * transit; the receiving enterprise accepts them onto its own items (or refuses, and they come back).
 */
export function TransferForm({ book }: { book: BookDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<TransferValues>();
  const transfer = useTransfer();
  const ids = useClientIds();
  const lineCount = (Form.useWatch('lines', form) ?? []).length;
  const server = useServerErrors(transfer.error);
  const required = { required: true, message: t('bonded.form.required') };

  const onFinish = (values: TransferValues) => {
    const note = values.note?.trim();
    const body: Omit<TransferRequest, 'clientId'> = {
      fromBookId: book.id,
      toBookNumber: values.toBookNumber.trim(),
      lines: values.lines.map((line) => ({
        fromItemNo: line.fromItemNo ?? 0,
        quantity: (line.quantity ?? '').trim(),
      })),
      ...(note ? { note } : {}),
    };
    transfer.mutate(
      { clientId: ids.idFor(body), ...body },
      {
        onSuccess: () => {
          ids.finished();
          form.setFieldsValue({ lines: [{}], note: '' });
        },
      },
    );
  };
  const placed = (path: string) => {
    if (path === 'toBookNumber' || path === 'note') return true;
    const match = /^lines\.(\d+)\.(fromItemNo|quantity)$/.exec(path);
    return match !== null && Number(match[1]) < lineCount;
  };
  const result = transfer.data;
  const networkFailure = transfer.isError && !(transfer.error instanceof ApiError);

  return (
    <Card title={t('bonded.transfer.title')} variant="borderless" className="section-card" data-testid="transfer-form">
      <Form<TransferValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ toBookNumber: '', lines: [{}], note: '' }}
        onFinish={onFinish}
        onValuesChange={() => {
          if (transfer.isError || transfer.isSuccess) transfer.reset();
        }}
      >
        <div className="muted bonded-intro">{t('bonded.transfer.help')}</div>
        <Form.Item
          name="toBookNumber"
          label={t('bonded.transfer.toBook')}
          rules={[{ ...required, whitespace: true }]}
          {...server.at('toBookNumber')}
        >
          <Input className="mono" maxLength={40} data-testid="transfer-to-book" />
        </Form.Item>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="top" data-testid={`transfer-line-${index}`}>
                  <Col xs={24} md={14}>
                    <Form.Item
                      name={[field.name, 'fromItemNo']}
                      label={index === 0 ? t('bonded.transfer.fromItem') : undefined}
                      rules={[required]}
                      {...server.at(`lines.${index}.fromItemNo`)}
                    >
                      <Select<number>
                        showSearch={{ optionFilterProp: 'label' }}
                        options={itemOptions(book, language)}
                        popupMatchSelectWidth={false}
                        data-testid={`transfer-from-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={8}>
                    <Form.Item
                      name={[field.name, 'quantity']}
                      label={index === 0 ? t('bonded.form.quantity') : undefined}
                      rules={[required, { pattern: QUANTITY_PATTERN, message: t('bonded.form.quantityFormat') }]}
                      {...server.at(`lines.${index}.quantity`)}
                    >
                      <Input inputMode="decimal" className="mono" data-testid={`transfer-quantity-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    <RemoveLineButton index={index} only={fields.length === 1} onRemove={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <AddLineButton onAdd={() => add({})} testId="transfer-add-line">
                {t('bonded.form.addLine')}
              </AddLineButton>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('bonded.form.note')} className="row-gap" {...server.at('note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        {transfer.isError ? (
          <>
            <ProblemAlert error={transfer.error} onRetry={networkFailure ? () => form.submit() : undefined} />
            <UnplacedErrors byPath={server.byPath} placed={placed} />
          </>
        ) : null}
        {result ? (
          <OutcomeAlert
            testId="transfer-outcome"
            outcome={{
              type: result.out.replayed ? 'info' : 'success',
              status: result.out.replayed ? 'replayed' : 'posted',
              text: t(result.out.replayed ? 'bonded.transfer.replayed' : 'bonded.transfer.inTransit', {
                out: result.out.number ?? '',
                in: result.in.number ?? '',
              }),
            }}
          />
        ) : null}
        <div className="form-actions">
          <Button
            type="primary"
            htmlType="submit"
            icon={<SendOutlined />}
            loading={transfer.isPending}
            data-testid="transfer-submit"
          >
            {t('bonded.form.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
