import { CheckOutlined, CloseOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type BondedItem,
  type BondedList,
  type BookDetail,
  type PendingLine,
  useAcceptTransfer,
  useBooks,
  useIncomingTransfers,
  useRefuseTransfer,
} from '../../api/bonded';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDecimalString } from '../../lib/decimal';
import { formatInstant } from '../logistics/model';
import { ENTERPRISE_ROLES } from './access';
import { messagesByPath } from './model';

/** The receiving book's items that can take a line: same commodity code and legal unit. */
function matchingItems(items: readonly BondedItem[], line: PendingLine): BondedItem[] {
  return items.filter((item) => item.hsCode === line.hsCode && item.unit === line.unit);
}

/** One pending transfer: its lines, a receiving item per line, Accept and Refuse. */
function IncomingTransfer({ list, book }: { list: BondedList; book: BookDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const accept = useAcceptTransfer();
  const refuse = useRefuseTransfer();
  const lines = list.pendingLines ?? [];
  // Pre-selected where exactly one of the book's items matches the goods; the user chooses otherwise.
  const [chosen, setChosen] = useState<(number | undefined)[]>(() =>
    lines.map((line) => {
      const matches = matchingItems(book.items, line);
      return matches.length === 1 ? matches[0]?.itemNo : undefined;
    }),
  );
  const [missing, setMissing] = useState(false);
  const error = accept.error ?? refuse.error;
  const byPath = messagesByPath(error instanceof ApiError ? (error.problem.errors ?? []) : []);
  const busy = accept.isPending || refuse.isPending;

  const lineProblem = (index: number): string | undefined => {
    const messages = byPath.get(`lines.${index}.toItemNo`);
    if (messages) return messages.join('; ');
    return missing && chosen[index] === undefined ? t('bonded.form.required') : undefined;
  };

  const onFailure = (failure: Error) => {
    const { title, detail } = problemText(failure, t('errors.unexpected'));
    void message.error(detail ? `${title} — ${detail}` : title, 8);
  };

  const onAccept = () => {
    if (chosen.some((itemNo) => itemNo === undefined)) {
      setMissing(true);
      return;
    }
    refuse.reset();
    accept.mutate(
      { listId: list.id, lines: chosen.map((itemNo) => ({ toItemNo: itemNo ?? 0 })) },
      {
        onSuccess: (result) => void message.success(t('bonded.incoming.accepted', { number: result.number })),
        onError: onFailure,
      },
    );
  };

  const onRefuse = () => {
    accept.reset();
    refuse.mutate(list.id, {
      onSuccess: (result) => void message.success(t('bonded.incoming.refused', { number: result.number })),
      onError: onFailure,
    });
  };

  const itemOptions = (line: PendingLine) => {
    const matches = new Set(matchingItems(book.items, line).map((item) => item.itemNo));
    // The matching items first; the others stay choosable, and the server names a mismatch.
    return [...book.items]
      .sort((a, b) => Number(matches.has(b.itemNo)) - Number(matches.has(a.itemNo)) || a.itemNo - b.itemNo)
      .map((item) => ({
        value: item.itemNo,
        label: `${item.itemNo} · ${item.name} · ${item.hsCode} · ${item.unit}`,
      }));
  };

  return (
    <Card
      type="inner"
      size="small"
      className="bonded-incoming"
      data-testid={`incoming-${list.number}`}
      data-list-id={list.id}
      title={
        <Space size={8} wrap>
          <span className="mono strong" data-testid="incoming-number">
            {list.number}
          </span>
          <span className="muted" data-testid="incoming-date">
            {formatInstant(list.createdAt, language)}
          </span>
          {list.note ? <span className="muted">· {list.note}</span> : null}
        </Space>
      }
      extra={
        <Space>
          <Button
            type="primary"
            size="small"
            icon={<CheckOutlined />}
            loading={accept.isPending}
            disabled={busy || lines.length === 0}
            onClick={onAccept}
            data-testid="incoming-accept"
          >
            {t('bonded.incoming.accept')}
          </Button>
          <Popconfirm
            title={t('bonded.incoming.refuseConfirm', { number: list.number })}
            okText={t('bonded.incoming.refuse')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, ...({ 'data-testid': 'incoming-refuse-confirm' } as object) }}
            onConfirm={onRefuse}
          >
            <Button
              danger
              size="small"
              icon={<CloseOutlined />}
              loading={refuse.isPending}
              disabled={busy}
              data-testid="incoming-refuse"
            >
              {t('bonded.incoming.refuse')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {error ? <ProblemAlert error={error} /> : null}
      <Table<PendingLine>
        rowKey={(_, index) => String(index)}
        size="small"
        pagination={false}
        dataSource={lines}
        scroll={{ x: 'max-content' }}
        onRow={(_, index) => ({ 'data-testid': `incoming-line-${index}` }) as object}
        columns={[
          {
            key: 'item',
            title: t('bonded.incoming.senderItem'),
            render: (_, line) => <span className="mono">{line.itemNo}</span>,
          },
          {
            key: 'hsCode',
            title: t('bonded.items.hsCode'),
            render: (_, line) => <span className="mono">{line.hsCode ?? t('common.none')}</span>,
          },
          { key: 'unit', title: t('bonded.items.unit'), render: (_, line) => line.unit ?? t('common.none') },
          {
            key: 'quantity',
            title: t('bonded.form.quantity'),
            align: 'right',
            render: (_, line) => (
              <span className="mono" data-testid="incoming-quantity" data-value={line.quantity}>
                {formatDecimalString(line.quantity, language)}
              </span>
            ),
          },
          {
            key: 'to',
            title: t('bonded.incoming.toItem'),
            render: (_, line, index) => {
              const problem = lineProblem(index);
              return (
                <div className="bonded-incoming-select">
                  <Select<number>
                    value={chosen[index]}
                    placeholder={t('bonded.incoming.chooseItem')}
                    status={problem ? 'error' : undefined}
                    options={itemOptions(line)}
                    popupMatchSelectWidth={false}
                    style={{ minWidth: 260 }}
                    onChange={(itemNo) => {
                      setChosen((current) => current.map((value, i) => (i === index ? itemNo : value)));
                      if (accept.isError) accept.reset();
                    }}
                    data-testid={`incoming-item-${list.number}-${index}`}
                  />
                  {problem ? (
                    <div className="bonded-field-error" data-testid="incoming-line-error">
                      {problem}
                    </div>
                  ) : null}
                </div>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

/**
 * Transfers sent to this book that wait for its enterprise: shown to the owner only, and only while
 * some are waiting. The goods are in transit until accepted (they enter the book) or refused (they go back).
 */
export function IncomingTransfersCard({ book }: { book: BookDetail }) {
  const { t } = useTranslation();
  const incoming = useIncomingTransfers();
  const pending = (incoming.data ?? []).filter((list) => list.bookId === book.id);
  if (!incoming.error && pending.length === 0) return null;
  return (
    <Card
      title={
        <Space size={8}>
          <InboxOutlined />
          {t('bonded.incoming.title')}
          {pending.length > 0 ? <Tag color="gold">{pending.length}</Tag> : null}
        </Space>
      }
      variant="borderless"
      className="section-card"
      data-testid="incoming-transfers"
    >
      {incoming.error ? <ProblemAlert error={incoming.error} onRetry={() => void incoming.refetch()} /> : null}
      <div className="muted bonded-intro">{t('bonded.incoming.intro')}</div>
      <div className="bonded-incoming-list">
        {pending.map((list) => (
          <IncomingTransfer key={list.id} list={list} book={book} />
        ))}
      </div>
    </Card>
  );
}

/** On the books list: which of the enterprise's books have transfers waiting, with a link to each. */
export function IncomingTransfersNotice() {
  const { t } = useTranslation();
  const me = useSession();
  const enterprise = ENTERPRISE_ROLES.includes(me.user.role);
  const incoming = useIncomingTransfers(enterprise);
  const books = useBooks();
  const perBook = useMemo(() => {
    const counts = new Map<string, number>();
    for (const list of incoming.data ?? []) counts.set(list.bookId, (counts.get(list.bookId) ?? 0) + 1);
    return [...counts];
  }, [incoming.data]);
  if (!enterprise || perBook.length === 0) return null;
  const numberOf = (bookId: string) => books.data?.find((book) => book.id === bookId)?.number ?? bookId;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<InboxOutlined />}
      className="section-card"
      data-testid="incoming-notice"
      title={t('bonded.incoming.notice', { count: incoming.data?.length ?? 0 })}
      description={
        <Space size={12} wrap>
          {perBook.map(([bookId, count]) => (
            <Link key={bookId} to={`/bonded/books/${bookId}`} data-testid="incoming-notice-book">
              <span className="mono">{numberOf(bookId)}</span> ({count})
            </Link>
          ))}
        </Space>
      }
    />
  );
}
