import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Row, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BondedItem,
  type BookDetail,
  type ItemInput,
  type Movement,
  useAddItems,
  useMovements,
} from '../../api/bonded';
import { fieldErrorPaths } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDecimalString } from '../../lib/decimal';
import { formatInstant } from '../logistics/model';
import { BalanceChart } from './BalanceChart';
import { RemoveLineButton } from './LineButtons';
import { Change, counterLabel, kindLabel } from './labels';
import { runningBalance } from './model';

/** An exact quantity string for people: grouped digits, the language's decimal mark, never a float. */
export function Quantity({ value, strong }: { value: string; strong?: boolean }) {
  const { language } = useLanguage();
  const text = formatDecimalString(value, language);
  return <span className={`mono${strong ? ' strong' : ''}`}>{text}</span>;
}

/** One item's history: the running balance drawn over time and the movements, newest first. */
function ItemMovements({ bookId, item }: { bookId: string; item: BondedItem }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const movements = useMovements(bookId, item.itemNo);
  const rows = useMemo<Movement[]>(() => movements.data?.pages.flat() ?? [], [movements.data]);
  const points = useMemo(() => runningBalance(item.balance, rows), [item.balance, rows]);
  const balanceAfter = useMemo(() => new Map(points.map((p) => [p.postingId, p.balance])), [points]);

  if (movements.error) return <ProblemAlert error={movements.error} onRetry={() => void movements.refetch()} />;
  return (
    <div className="bonded-movements" data-testid={`movements-${item.itemNo}`}>
      <div className="bonded-movements-title">
        {t('bonded.movements.title', { itemNo: String(item.itemNo), name: item.name })}
      </div>
      {rows.length > 0 ? <BalanceChart points={points} unit={item.unit} fromStart={!movements.hasNextPage} /> : null}
      <Table<Movement>
        rowKey="postingId"
        size="small"
        loading={movements.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content', y: 320 }}
        locale={{ emptyText: <Empty description={t('bonded.movements.empty')} /> }}
        columns={[
          {
            key: 'posted',
            title: t('bonded.movements.postedAt'),
            render: (_, m) => formatInstant(m.postedAt, language),
          },
          {
            key: 'list',
            title: t('bonded.movements.list'),
            render: (_, m) => <span className="mono">{m.listNumber}</span>,
          },
          { key: 'kind', title: t('bonded.movements.kind'), render: (_, m) => kindLabel(t, m.kind) },
          {
            key: 'counter',
            title: t('bonded.movements.counter'),
            render: (_, m) => counterLabel(t, m.counterAccount),
          },
          {
            key: 'change',
            title: t('bonded.movements.change'),
            align: 'right',
            render: (_, m) => <Change value={m.change} text={formatDecimalString(m.change, language)} />,
          },
          {
            key: 'after',
            title: t('bonded.movements.balanceAfter'),
            align: 'right',
            render: (_, m) => {
              const after = balanceAfter.get(m.postingId);
              return after === undefined ? null : <Quantity value={after} />;
            },
          },
        ]}
      />
      <Space className="bonded-movements-footer">
        <span className="muted">{t('bonded.movements.loaded', { count: rows.length })}</span>
        {movements.hasNextPage ? (
          <Button size="small" loading={movements.isFetchingNextPage} onClick={() => void movements.fetchNextPage()}>
            {t('bonded.movements.loadMore')}
          </Button>
        ) : null}
      </Space>
    </div>
  );
}

interface AddItemsValues {
  items: {
    itemNo: number | null;
    hsCode: string;
    name: string;
    unit?: string;
    unitPrice: string;
    currency: string;
  }[];
}

/** The owner records items: each with its commodity line, legal unit and declared price. */
function AddItemsModal({ book, open, onClose }: { book: BookDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddItemsValues>();
  const add = useAddItems(book.id);
  const nextNo = book.items.reduce((max, item) => Math.max(max, item.itemNo), 0) + 1;
  const blank = (itemNo: number) => ({ itemNo, hsCode: '', name: '', unit: '', unitPrice: '', currency: 'USD' });
  const errors = fieldErrorPaths(add.error);
  const status = (index: number, name: string) => {
    const found = errors.find((e) => e.path[0] === 'items' && e.path[1] === index && e.path[2] === name);
    return found ? { validateStatus: 'error' as const, help: found.messages.join('; ') } : {};
  };
  const required = { required: true, message: t('bonded.form.required') };

  const onFinish = (values: AddItemsValues) => {
    const items: ItemInput[] = values.items.map((item) => ({
      itemNo: item.itemNo ?? 0,
      hsCode: item.hsCode.trim(),
      name: item.name.trim(),
      ...(item.unit?.trim() ? { unit: item.unit.trim() } : {}),
      unitPrice: item.unitPrice.trim(),
      currency: item.currency.trim().toUpperCase(),
    }));
    add.mutate(items, {
      onSuccess: (result) => {
        void message.success(t('bonded.items.added', { count: result.items.length }));
        form.resetFields();
        onClose();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('bonded.items.addTitle')}
      width={1080}
      onCancel={onClose}
      okText={t('bonded.form.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: add.isPending, ...({ 'data-testid': 'add-items-submit' } as Record<string, string>) }}
      destroyOnHidden
    >
      <Form<AddItemsValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ items: [blank(nextNo)] }}
        onFinish={onFinish}
        onValuesChange={() => add.isError && add.reset()}
        data-testid="add-items-form"
      >
        <Form.List name="items">
          {(fields, { add: addRow, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col span={3}>
                    <Form.Item
                      name={[field.name, 'itemNo']}
                      label={index === 0 ? t('bonded.items.itemNo') : undefined}
                      rules={[required]}
                      {...status(index, 'itemNo')}
                    >
                      <InputNumber
                        min={1}
                        max={999999}
                        precision={0}
                        style={{ width: '100%' }}
                        data-testid={`new-item-no-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item
                      name={[field.name, 'hsCode']}
                      label={index === 0 ? t('bonded.items.hsCode') : undefined}
                      rules={[required, { pattern: /^\d{10}$/, message: t('bonded.items.hsFormat') }]}
                      {...status(index, 'hsCode')}
                    >
                      <Input className="mono" maxLength={10} data-testid={`new-item-hs-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={index === 0 ? t('bonded.items.name') : undefined}
                      rules={[{ ...required, whitespace: true }]}
                      {...status(index, 'name')}
                    >
                      <Input maxLength={200} data-testid={`new-item-name-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item
                      name={[field.name, 'unit']}
                      label={index === 0 ? t('bonded.items.unit') : undefined}
                      {...status(index, 'unit')}
                    >
                      <Input
                        maxLength={20}
                        placeholder={t('bonded.items.unitFromLine')}
                        data-testid={`new-item-unit-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item
                      name={[field.name, 'unitPrice']}
                      label={index === 0 ? t('bonded.items.unitPrice') : undefined}
                      rules={[required, { pattern: /^\d{1,15}(\.\d{1,6})?$/, message: t('bonded.items.priceFormat') }]}
                      {...status(index, 'unitPrice')}
                    >
                      <Input inputMode="decimal" className="mono" data-testid={`new-item-price-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item
                      name={[field.name, 'currency']}
                      label={index === 0 ? t('bonded.items.currency') : undefined}
                      rules={[required, { pattern: /^[A-Za-z]{3}$/, message: t('bonded.items.currencyFormat') }]}
                      {...status(index, 'currency')}
                    >
                      <Input className="mono" maxLength={3} data-testid={`new-item-currency-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col span={1}>
                    <RemoveLineButton index={index} only={fields.length === 1} onRemove={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                data-testid="add-item-row"
                onClick={() => {
                  const rows: AddItemsValues['items'] = form.getFieldValue('items') ?? [];
                  const last = rows.reduce((max, row) => Math.max(max, row?.itemNo ?? 0), nextNo - 1);
                  addRow(blank(last + 1));
                }}
              >
                {t('bonded.form.addLine')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {add.isError && errors.length === 0 ? (
        <div className="row-gap">
          <ProblemAlert error={add.error} />
        </div>
      ) : null}
    </Modal>
  );
}

/** The book's items with balance and totals; a row opens the item's movements and running balance. */
export function ItemsCard({ book, owner }: { book: BookDetail; owner: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={t('bonded.items.title')}
      variant="borderless"
      className="section-card"
      data-testid="book-items"
      extra={
        owner ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-items">
            {t('bonded.items.add')}
          </Button>
        ) : null
      }
    >
      {book.items.length > 0 ? <div className="muted card-subtitle">{t('bonded.items.expandHint')}</div> : null}
      <Table<BondedItem>
        rowKey="itemNo"
        size="small"
        dataSource={book.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('bonded.items.empty')} /> }}
        onRow={(item) => ({ 'data-testid': `item-row-${item.itemNo}` }) as object}
        expandable={{
          expandRowByClick: true,
          expandedRowRender: (item) => <ItemMovements bookId={book.id} item={item} />,
        }}
        columns={[
          { key: 'no', title: t('bonded.items.itemNo'), dataIndex: 'itemNo', width: 80 },
          {
            key: 'hs',
            title: t('bonded.items.hsCode'),
            render: (_, item) => <span className="mono">{item.hsCode}</span>,
          },
          { key: 'name', title: t('bonded.items.name'), dataIndex: 'name' },
          { key: 'unit', title: t('bonded.items.unit'), dataIndex: 'unit' },
          {
            key: 'price',
            title: t('bonded.items.unitPrice'),
            align: 'right',
            render: (_, item) =>
              `${formatDecimalString(item.unitPrice.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''), language)} ${item.currency}`,
          },
          {
            key: 'in',
            title: t('bonded.items.totalIn'),
            align: 'right',
            render: (_, item) => <Quantity value={item.totalIn} />,
          },
          {
            key: 'out',
            title: t('bonded.items.totalOut'),
            align: 'right',
            render: (_, item) => <Quantity value={item.totalOut} />,
          },
          {
            key: 'balance',
            title: t('bonded.items.balance'),
            align: 'right',
            render: (_, item) => (
              <span data-testid={`balance-${item.itemNo}`} data-value={item.balance}>
                <Quantity value={item.balance} strong />
              </span>
            ),
          },
        ]}
      />
      {owner ? <AddItemsModal book={book} open={adding} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
