import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DG_DOCUMENT_KINDS, DOCUMENT_KINDS, DOCUMENTS_MAX, type DocumentKind } from '../../api/trade';
import { documentKindName } from './TradeTags';

/** Props for a Form.Item showing a server problem on it, or nothing when the server had none. */
export type ServerStatus = (path: (string | number)[]) => { validateStatus?: 'error'; help?: ReactNode };

const noServerStatus: ServerStatus = () => ({});

/**
 * A list of documents (kind, reference, issuer, valid until) inside a Form, as on the declaration form and
 * the "add documents" form of a declaration. Dangerous-goods kinds are grouped apart in the kind picker.
 */
export function DocumentFields({
  serverStatus = noServerStatus,
  listErrors = [],
  testPrefix = 'document',
}: {
  serverStatus?: ServerStatus;
  /** Problems of the list as a whole (e.g. a missing dangerous-goods document). */
  listErrors?: readonly string[];
  testPrefix?: string;
}) {
  const { t } = useTranslation();
  const kinds = (list: readonly DocumentKind[]) =>
    list.map((kind) => ({ value: kind, label: documentKindName(t, kind) }));
  const kindOptions = [
    { label: t('trade.documents.commercial'), options: kinds(DOCUMENT_KINDS.filter((k) => !DG_KINDS.has(k))) },
    { label: t('trade.documents.dangerousGoods'), options: kinds(DG_DOCUMENT_KINDS) },
  ];
  const required = { required: true, whitespace: true, message: t('trade.form.required') };
  return (
    <Form.List name="documents">
      {(fields, { add, remove }) => (
        <div data-testid={`${testPrefix}-rows`}>
          {fields.map((field, index) => (
            <Row
              gutter={10}
              key={field.key}
              align="top"
              className="document-row"
              data-testid={`${testPrefix}-row-${index}`}
            >
              <Col xs={24} md={8}>
                <Form.Item
                  name={[field.name, 'kind']}
                  label={index === 0 ? t('trade.documents.kind') : undefined}
                  rules={[{ required: true, message: t('trade.form.required') }]}
                  {...serverStatus(['documents', index, 'kind'])}
                >
                  <Select<DocumentKind>
                    options={kindOptions}
                    popupMatchSelectWidth={false}
                    data-testid={`${testPrefix}-kind-${index}`}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item
                  name={[field.name, 'reference']}
                  label={index === 0 ? t('trade.documents.reference') : undefined}
                  rules={[required]}
                  {...serverStatus(['documents', index, 'reference'])}
                >
                  <Input maxLength={60} data-testid={`${testPrefix}-reference-${index}`} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item
                  name={[field.name, 'issuer']}
                  label={index === 0 ? t('trade.documents.issuer') : undefined}
                  {...serverStatus(['documents', index, 'issuer'])}
                >
                  <Input maxLength={140} />
                </Form.Item>
              </Col>
              <Col xs={20} md={5}>
                <Form.Item
                  name={[field.name, 'validUntil']}
                  label={index === 0 ? t('trade.documents.validUntil') : undefined}
                  {...serverStatus(['documents', index, 'validUntil'])}
                >
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={4} md={1}>
                <Form.Item label={index === 0 ? ' ' : undefined}>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('trade.documents.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={listErrors.map((text) => <span key={text}>{text}</span>)} />
          {fields.length < DOCUMENTS_MAX ? (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              className="add-row-button"
              data-testid={`${testPrefix}-add`}
            >
              {t('trade.documents.add')}
            </Button>
          ) : null}
        </div>
      )}
    </Form.List>
  );
}

const DG_KINDS: ReadonlySet<DocumentKind> = new Set(DG_DOCUMENT_KINDS);
