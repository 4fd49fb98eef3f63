import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type BondedList, useApprovals, useBooks, useDecideStocktake } from '../../api/bonded';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDecimalString } from '../../lib/decimal';
import { formatInstant } from '../logistics/model';
import { useEnterpriseNames } from './BooksView';
import { Change, kindLabel } from './labels';

/** Customs decides the stocktake adjustments: an approved one posts, a refused one never does. */
export function ApprovalsView() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const approvals = useApprovals();
  const books = useBooks();
  const names = useEnterpriseNames();
  const decide = useDecideStocktake();
  const bookById = useMemo(() => new Map((books.data ?? []).map((b) => [b.id, b])), [books.data]);

  const onDecide = (list: BondedList, decision: 'approve' | 'refuse') =>
    decide.mutate(
      { listId: list.id, decision },
      {
        onSuccess: (result) =>
          void message.success(
            t(decision === 'approve' ? 'bonded.approvals.approved' : 'bonded.approvals.refused', {
              number: result.number,
            }),
          ),
        onError: (error) => {
          const { title, detail } = problemText(error, t('errors.unexpected'));
          void message.error(detail ? `${title} — ${detail}` : title, 8);
        },
      },
    );

  return (
    <Card title={t('bonded.approvals.title')} variant="borderless" className="section-card" data-testid="approvals">
      {approvals.error ? <ProblemAlert error={approvals.error} onRetry={() => void approvals.refetch()} /> : null}
      <Table<BondedList>
        rowKey="id"
        size="small"
        loading={approvals.isPending}
        dataSource={approvals.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('bonded.approvals.empty')} /> }}
        onRow={(list) => ({ 'data-testid': `approval-row-${list.number}` }) as object}
        columns={[
          {
            key: 'number',
            title: t('bonded.lists.number'),
            render: (_, list) => <span className="mono">{list.number}</span>,
          },
          { key: 'kind', title: t('bonded.lists.kind'), render: (_, list) => kindLabel(t, list.kind) },
          {
            key: 'book',
            title: t('bonded.approvals.book'),
            render: (_, list) => (
              <Link to={`/bonded/books/${list.bookId}`} className="mono">
                {bookById.get(list.bookId)?.number ?? list.bookId}
              </Link>
            ),
          },
          {
            key: 'enterprise',
            title: t('bonded.approvals.enterprise'),
            render: (_, list) => {
              const book = bookById.get(list.bookId);
              return book ? (names.get(book.enterpriseId)?.name ?? book.enterpriseId) : t('common.none');
            },
          },
          {
            key: 'adjustments',
            title: t('bonded.approvals.adjustments'),
            render: (_, list) => {
              if (!list.pendingLines || list.pendingLines.length === 0) return t('common.none');
              // A stocktake may name an item more than once: its occurrence keeps the keys apart.
              const seen = new Map<number, number>();
              return (
                <div className="bonded-pending-lines">
                  {list.pendingLines.map((line) => {
                    const occurrence = (seen.get(line.itemNo) ?? 0) + 1;
                    seen.set(line.itemNo, occurrence);
                    return (
                      <div
                        key={`${line.itemNo}.${occurrence}`}
                        data-testid={`approval-line-${line.itemNo}`}
                        data-quantity={line.quantity}
                      >
                        <span className="muted">{t('bonded.approvals.line', { itemNo: String(line.itemNo) })}</span>{' '}
                        <Change value={line.quantity} text={formatDecimalString(line.quantity, language)} />
                      </div>
                    );
                  })}
                </div>
              );
            },
          },
          { key: 'note', title: t('bonded.lists.note'), render: (_, list) => list.note ?? t('common.none') },
          {
            key: 'created',
            title: t('bonded.lists.created'),
            render: (_, list) => formatInstant(list.createdAt, language),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, list) => {
              const busy = decide.isPending && decide.variables?.listId === list.id;
              return (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    icon={<CheckOutlined />}
                    loading={busy && decide.variables?.decision === 'approve'}
                    disabled={busy}
                    onClick={() => onDecide(list, 'approve')}
                    data-testid="approval-approve"
                  >
                    {t('bonded.approvals.approve')}
                  </Button>
                  <Popconfirm
                    title={t('bonded.approvals.refuseConfirm', { number: list.number })}
                    okText={t('bonded.approvals.refuse')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => onDecide(list, 'refuse')}
                  >
                    <Button
                      danger
                      size="small"
                      icon={<CloseOutlined />}
                      loading={busy && decide.variables?.decision === 'refuse'}
                      disabled={busy}
                      data-testid="approval-refuse"
                    >
                      {t('bonded.approvals.refuse')}
                    </Button>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
