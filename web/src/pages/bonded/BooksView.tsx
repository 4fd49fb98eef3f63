import { BookOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Card, Col, Empty, Form, Input, Row, Select, Switch, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Book, type OpenBookRequest, SITE_TYPES, type SiteType, useBooks, useOpenBook } from '../../api/bonded';
import { fieldErrorPaths } from '../../api/client';
import { useEnterprises } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant } from '../logistics/model';
import { BOOK_OPENER_ROLES } from './access';
import { IncomingTransfersNotice } from './IncomingTransfers';

/** Enterprise names by id, for the authorities' view of everyone's books. */
export function useEnterpriseNames(): Map<string, { name: string; uscc: string }> {
  const { language } = useLanguage();
  const enterprises = useEnterprises();
  return useMemo(
    () =>
      new Map(
        (enterprises.data ?? []).map((e) => [e.id, { name: localName(e.names, language), uscc: e.uscc }] as const),
      ),
    [enterprises.data, language],
  );
}

export function BatchReleaseTag({ approved }: { approved: boolean }) {
  const { t } = useTranslation();
  return approved ? (
    <Tag color="green">{t('bonded.books.batchApproved')}</Tag>
  ) : (
    <Tag>{t('bonded.books.batchNotApproved')}</Tag>
  );
}

interface OpenBookValues {
  enterpriseUscc: string;
  siteCode: string;
  siteType: SiteType;
  batchReleaseApproved: boolean;
}

/** Customs or the zone opens a book for an enterprise at a bonded site. */
function OpenBookCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { language } = useLanguage();
  const [form] = Form.useForm<OpenBookValues>();
  const open = useOpenBook();
  const enterprises = useEnterprises();
  const options = (enterprises.data ?? []).map((e) => ({
    value: e.uscc,
    label: `${localName(e.names, language)} · ${e.uscc}`,
  }));
  const errors = fieldErrorPaths(open.error);
  const errorAt = (name: string) => errors.find((e) => e.path[0] === name)?.messages;
  const status = (name: string) => {
    const messages = errorAt(name);
    return messages ? { validateStatus: 'error' as const, help: messages.join('; ') } : {};
  };
  const generalErrors = errors.filter(
    (e) => !['enterpriseUscc', 'siteCode', 'siteType', 'batchReleaseApproved'].includes(String(e.path[0])),
  );

  const onFinish = (values: OpenBookValues) => {
    const request: OpenBookRequest = {
      enterpriseUscc: values.enterpriseUscc.trim().toUpperCase(),
      siteCode: values.siteCode.trim().toUpperCase(),
      siteType: values.siteType,
      batchReleaseApproved: values.batchReleaseApproved,
    };
    open.mutate(request, {
      onSuccess: (book) => {
        void message.success(t('bonded.books.opened', { number: book.number }));
        form.resetFields();
      },
    });
  };

  return (
    <Card title={t('bonded.books.openTitle')} variant="borderless" className="section-card" data-testid="open-book">
      <Form<OpenBookValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ siteType: 'zone', batchReleaseApproved: false }}
        onFinish={onFinish}
        onValuesChange={() => open.isError && open.reset()}
      >
        <Row gutter={12}>
          <Col xs={24} md={9}>
            <Form.Item
              name="enterpriseUscc"
              label={t('bonded.books.uscc')}
              rules={[
                { required: true, message: t('bonded.form.required') },
                { pattern: /^[0-9A-Za-z]{18}$/, message: t('bonded.books.usccFormat') },
              ]}
              {...status('enterpriseUscc')}
            >
              <AutoComplete
                options={options}
                filterOption={(input, option) =>
                  String(option?.label ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase())
                }
              >
                <Input className="mono" data-testid="open-book-uscc" />
              </AutoComplete>
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name="siteCode"
              label={t('bonded.books.siteCode')}
              rules={[
                { required: true, message: t('bonded.form.required') },
                { pattern: /^[0-9A-Za-z]{4,10}$/, message: t('bonded.books.siteCodeFormat') },
              ]}
              {...status('siteCode')}
            >
              <Input className="mono" data-testid="open-book-site" />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="siteType" label={t('bonded.books.siteType')} {...status('siteType')}>
              <Select<SiteType>
                options={SITE_TYPES.map((value) => ({ value, label: t(`bonded.siteTypes.${value}`) }))}
                data-testid="open-book-type"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item name="batchReleaseApproved" label={t('bonded.books.batchRelease')} valuePropName="checked">
              <Switch data-testid="open-book-batch" />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item label=" ">
              <Button
                type="primary"
                htmlType="submit"
                loading={open.isPending}
                icon={<BookOutlined />}
                data-testid="open-book-submit"
              >
                {t('bonded.books.open')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {open.isError && (generalErrors.length > 0 || errors.length === 0) ? <ProblemAlert error={open.error} /> : null}
    </Card>
  );
}

/** The books the user may see: an enterprise its own, customs and the zone all of them. */
export function BooksView() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useSession();
  const books = useBooks();
  const names = useEnterpriseNames();
  const authority = me.user.authorityId !== null;
  const opener = BOOK_OPENER_ROLES.includes(me.user.role);

  return (
    <>
      {opener ? <OpenBookCard /> : null}
      <IncomingTransfersNotice />
      <Card title={t('bonded.books.title')} variant="borderless" className="section-card" data-testid="books">
        {books.error ? <ProblemAlert error={books.error} onRetry={() => void books.refetch()} /> : null}
        <Table<Book>
          rowKey="id"
          size="small"
          loading={books.isPending}
          dataSource={books.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('bonded.books.empty')} /> }}
          columns={[
            {
              key: 'number',
              title: t('bonded.books.number'),
              render: (_, book) => (
                <Link to={`/bonded/books/${book.id}`} className="mono" data-testid="book-link">
                  {book.number}
                </Link>
              ),
            },
            ...(authority
              ? [
                  {
                    key: 'enterprise',
                    title: t('bonded.books.enterprise'),
                    render: (_: unknown, book: Book) => names.get(book.enterpriseId)?.name ?? book.enterpriseId,
                  },
                ]
              : []),
            {
              key: 'site',
              title: t('bonded.books.siteCode'),
              render: (_, book) => <span className="mono">{book.siteCode}</span>,
            },
            {
              key: 'type',
              title: t('bonded.books.siteType'),
              render: (_, book) => t(`bonded.siteTypes.${book.siteType}`),
            },
            {
              key: 'batch',
              title: t('bonded.books.batchRelease'),
              render: (_, book) => <BatchReleaseTag approved={book.batchReleaseApproved} />,
            },
            {
              key: 'created',
              title: t('bonded.books.created'),
              render: (_, book) => formatInstant(book.createdAt, language),
            },
          ]}
        />
      </Card>
    </>
  );
}
