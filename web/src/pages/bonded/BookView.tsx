import { ArrowLeftOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Popconfirm, Result, Row, Space, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type BondedList, type BookDetail, useBook, useBookLists, useReverseList } from '../../api/bonded';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatInstant } from '../logistics/model';
import { ENTERPRISE_ROLES } from './access';
import { BatchReleaseTag, useEnterpriseNames } from './BooksView';
import { IncomingTransfersCard } from './IncomingTransfers';
import { ItemsCard } from './ItemsCard';
import { ListForm, TransferForm } from './ListForms';
import { kindLabel, ListStatusTag } from './labels';
import { NormsCard } from './NormsCard';
import { ReportCard } from './ReportCard';

/** The book's verification lists, newest first; the owner may reverse a posted one. */
function ListsCard({ book, owner }: { book: BookDetail; owner: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const lists = useBookLists(book.id);
  const reverse = useReverseList();
  const rows = lists.data ?? [];
  const numbers = useMemo(() => new Map(rows.map((l) => [l.id, l.number])), [rows]);

  const onReverse = (list: BondedList) => {
    // One reversal per list: the client id names the list, so a repeated click is answered, not posted again.
    reverse.mutate(
      { listId: list.id, clientId: `reverse-${list.id}` },
      {
        onSuccess: (result) => {
          void message.success(t('bonded.lists.reversed', { number: result.results[0]?.number ?? '' }));
        },
        onError: (error) => {
          const { title, detail } = problemText(error, t('errors.unexpected'));
          const fields = error instanceof ApiError ? (error.problem.errors ?? []).map((e) => e.message) : [];
          void message.error([title, ...fields, ...(fields.length === 0 && detail ? [detail] : [])].join(' — '), 8);
        },
      },
    );
  };

  return (
    <Card title={t('bonded.lists.title')} variant="borderless" className="section-card" data-testid="book-lists">
      {lists.error ? <ProblemAlert error={lists.error} onRetry={() => void lists.refetch()} /> : null}
      <Table<BondedList>
        rowKey="id"
        size="small"
        loading={lists.isPending}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('bonded.lists.empty')} /> }}
        onRow={(list) => ({ 'data-testid': `list-row-${list.number}` }) as object}
        columns={[
          {
            key: 'number',
            title: t('bonded.lists.number'),
            render: (_, list) => <span className="mono">{list.number}</span>,
          },
          {
            key: 'kind',
            title: t('bonded.lists.kind'),
            render: (_, list) => (
              <Space size={4} wrap>
                {kindLabel(t, list.kind)}
                {list.reversesListId ? (
                  <span className="muted">
                    {t('bonded.lists.reverses', { number: numbers.get(list.reversesListId) ?? '…' })}
                  </span>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'status',
            title: t('bonded.lists.status'),
            render: (_, list) => (
              <Space size={4}>
                <ListStatusTag status={list.status} />
                {list.reversedByListId ? (
                  <Tag color="purple" data-testid="list-reversed">
                    {t('bonded.lists.reversedTag')}
                  </Tag>
                ) : null}
                {list.consolidationId ? (
                  <Tag color="blue" title={t('bonded.lists.batchTagHint')} data-testid="list-batch">
                    {t('bonded.lists.batchTag')}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          { key: 'lines', title: t('bonded.lists.lines'), dataIndex: 'lineCount', align: 'right' },
          { key: 'note', title: t('bonded.lists.note'), render: (_, list) => list.note ?? t('common.none') },
          {
            key: 'created',
            title: t('bonded.lists.created'),
            render: (_, list) => formatInstant(list.createdAt, language),
          },
          {
            key: 'posted',
            title: t('bonded.lists.posted'),
            render: (_, list) => (list.postedAt ? formatInstant(list.postedAt, language) : t('common.none')),
          },
          ...(owner
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, list: BondedList) =>
                    list.status === 'posted' && list.kind !== 'reversal' && !list.reversedByListId ? (
                      <Popconfirm
                        title={t('bonded.lists.reverseConfirm', { number: list.number })}
                        okText={t('bonded.lists.reverse')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => onReverse(list)}
                      >
                        <Button
                          size="small"
                          icon={<RollbackOutlined />}
                          loading={reverse.isPending && reverse.variables?.listId === list.id}
                          data-testid="list-reverse"
                        >
                          {t('bonded.lists.reverse')}
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** One account book: transfers waiting for its owner, its items and balances, the owner's forms, its lists. */
export function BookView({ bookId }: { bookId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useSession();
  const book = useBook(bookId);
  const names = useEnterpriseNames();
  const back = (
    <Link to="/bonded" className="bonded-back">
      <ArrowLeftOutlined /> {t('bonded.books.back')}
    </Link>
  );
  if (book.error) {
    const missing = book.error instanceof ApiError && book.error.status === 404;
    return (
      <>
        {back}
        {missing ? (
          <Result status="404" title={t('bonded.books.notFound')} />
        ) : (
          <ProblemAlert error={book.error} onRetry={() => void book.refetch()} />
        )}
      </>
    );
  }
  if (!book.data) return <Card loading variant="borderless" className="section-card" />;
  const data = book.data;
  const owner = ENTERPRISE_ROLES.includes(me.user.role) && me.user.enterpriseId === data.enterpriseId;

  return (
    <div data-testid="book-view" data-book-number={data.number}>
      {back}
      <Card variant="borderless" className="section-card">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3, xl: 5 }}
          items={[
            {
              key: 'number',
              label: t('bonded.books.number'),
              children: (
                <span className="mono strong" data-testid="book-number">
                  {data.number}
                </span>
              ),
            },
            {
              key: 'enterprise',
              label: t('bonded.books.enterprise'),
              children: names.get(data.enterpriseId)?.name ?? data.enterpriseId,
            },
            { key: 'site', label: t('bonded.books.siteCode'), children: <span className="mono">{data.siteCode}</span> },
            { key: 'type', label: t('bonded.books.siteType'), children: t(`bonded.siteTypes.${data.siteType}`) },
            {
              key: 'batch',
              label: t('bonded.books.batchRelease'),
              children: <BatchReleaseTag approved={data.batchReleaseApproved} />,
            },
            { key: 'created', label: t('bonded.books.created'), children: formatInstant(data.createdAt, language) },
          ]}
        />
      </Card>
      {owner ? <IncomingTransfersCard book={data} /> : null}
      <ItemsCard book={data} owner={owner} />
      {data.siteType === 'processing' ? <NormsCard book={data} owner={owner} /> : null}
      {owner && data.items.length > 0 ? (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <ListForm book={data} />
          </Col>
          <Col xs={24} xl={12}>
            <TransferForm book={data} />
          </Col>
        </Row>
      ) : null}
      <ListsCard book={data} owner={owner} />
      <ReportCard book={data} />
    </div>
  );
}
