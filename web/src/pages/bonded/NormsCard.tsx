import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, Row, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { type BookDetail, type ProductNorms, useNorms, useSetNorms } from '../../api/bonded';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatDecimalString } from '../../lib/decimal';
import { AddLineButton, RemoveLineButton } from './LineButtons';
import { UnplacedErrors, useServerErrors } from './ListForms';

/** Up to 9 integer and 9 fraction digits, as the server's norm arithmetic takes them. */
const NORM_DECIMAL = /^\d{1,9}(\.\d{1,9})?$/;

interface NormValues {
  productItemNo?: number;
  materials: { materialItemNo?: number; netConsumption?: string; lossRate?: string }[];
}

/**
 * Consumption norms (单耗) of a processing book: what one unit of each product consumes of each
 * material. Processing lists consume by them, so they are registered before production; a product's
 * norms are replaced whole.
 */
export function NormsCard({ book, owner }: { book: BookDetail; owner: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const norms = useNorms(book.id);
  const save = useSetNorms(book.id);
  const [form] = Form.useForm<NormValues>();
  const server = useServerErrors(save.error);
  const lineCount = (Form.useWatch('materials', form) ?? []).length;
  const itemName = (itemNo: number) => {
    const item = book.items.find((i) => i.itemNo === itemNo);
    return item ? `${itemNo} · ${item.name}` : String(itemNo);
  };
  const unitOf = (itemNo: number) => book.items.find((i) => i.itemNo === itemNo)?.unit ?? '';
  const options = book.items.map((item) => ({
    value: item.itemNo,
    label: `${item.itemNo} · ${item.name} · ${item.unit}`,
  }));
  const required = { required: true, message: t('bonded.form.required') };
  const decimal = { pattern: NORM_DECIMAL, message: t('bonded.norms.decimalFormat') };

  const rows = (norms.data ?? []).flatMap((product: ProductNorms) =>
    product.materials.map((m, index) => ({
      ...m,
      productItemNo: product.productItemNo,
      first: index === 0,
      span: product.materials.length,
    })),
  );
  /** Loads a product's registered norms into the form, to change them. */
  const edit = (productItemNo: number) => {
    const product = norms.data?.find((p) => p.productItemNo === productItemNo);
    form.setFieldsValue({
      productItemNo,
      materials: product?.materials.map(({ materialItemNo, netConsumption, lossRate }) => ({
        materialItemNo,
        netConsumption,
        lossRate,
      })) ?? [{}],
    });
  };
  const onFinish = (values: NormValues) =>
    save.mutate(
      {
        productItemNo: values.productItemNo ?? 0,
        materials: values.materials.map((m) => ({
          materialItemNo: m.materialItemNo ?? 0,
          netConsumption: (m.netConsumption ?? '').trim(),
          lossRate: (m.lossRate ?? '').trim(),
        })),
      },
      { onSuccess: () => void message.success(t('bonded.norms.saved', { item: itemName(values.productItemNo ?? 0) })) },
    );
  const placed = (path: string) => {
    if (path === 'params.itemNo') return true;
    const match = /^materials\.(\d+)\.(materialItemNo|netConsumption|lossRate)$/.exec(path);
    return match !== null && Number(match[1]) < lineCount;
  };

  return (
    <Card title={t('bonded.norms.title')} variant="borderless" className="section-card" data-testid="norms">
      <div className="muted card-subtitle">{t('bonded.norms.intro')}</div>
      {norms.error ? <ProblemAlert error={norms.error} onRetry={() => void norms.refetch()} /> : null}
      <Table
        size="small"
        rowKey={(row) => `${row.productItemNo}-${row.materialItemNo}`}
        loading={norms.isPending}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bonded.norms.empty')} /> }}
        onRow={(row) => ({ 'data-testid': `norm-${row.productItemNo}-${row.materialItemNo}` }) as object}
        columns={[
          {
            key: 'product',
            title: t('bonded.norms.product'),
            onCell: (row) => ({ rowSpan: row.first ? row.span : 0 }),
            render: (_, row) => (
              <span>
                {itemName(row.productItemNo)}
                {owner ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => edit(row.productItemNo)}
                    data-testid={`norm-edit-${row.productItemNo}`}
                  >
                    {t('bonded.norms.edit')}
                  </Button>
                ) : null}
              </span>
            ),
          },
          { key: 'material', title: t('bonded.norms.material'), render: (_, row) => itemName(row.materialItemNo) },
          {
            key: 'net',
            title: t('bonded.norms.netConsumption'),
            align: 'right',
            render: (_, row) => `${formatDecimalString(row.netConsumption, language)} ${unitOf(row.materialItemNo)}`,
          },
          {
            key: 'loss',
            title: t('bonded.norms.lossRate'),
            align: 'right',
            render: (_, row) =>
              `${formatDecimalString((Number(row.lossRate) * 100).toFixed(2).replace(/\.?0+$/, ''), language)} %`,
          },
          {
            key: 'unit',
            title: t('bonded.norms.unitConsumption'),
            align: 'right',
            render: (_, row) => (
              <strong className="mono" data-testid="norm-unit-consumption">
                {formatDecimalString(row.unitConsumption, language)} {unitOf(row.materialItemNo)}
              </strong>
            ),
          },
        ]}
      />
      {owner ? (
        <Form<NormValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ materials: [{}] }}
          onFinish={onFinish}
          onValuesChange={() => {
            if (save.isError) save.reset();
          }}
          className="row-gap"
        >
          <Form.Item
            name="productItemNo"
            label={t('bonded.norms.product')}
            rules={[required]}
            {...server.at('params.itemNo')}
          >
            <Select<number> options={options} showSearch={{ optionFilterProp: 'label' }} data-testid="norm-product" />
          </Form.Item>
          <Form.List name="materials">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key} align="top" data-testid={`norm-line-${index}`}>
                    <Col xs={24} md={10}>
                      <Form.Item
                        name={[field.name, 'materialItemNo']}
                        label={index === 0 ? t('bonded.norms.material') : undefined}
                        rules={[required]}
                        {...server.at(`materials.${index}.materialItemNo`)}
                      >
                        <Select<number>
                          options={options}
                          showSearch={{ optionFilterProp: 'label' }}
                          data-testid={`norm-material-${index}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[field.name, 'netConsumption']}
                        label={index === 0 ? t('bonded.norms.netConsumption') : undefined}
                        rules={[required, decimal]}
                        {...server.at(`materials.${index}.netConsumption`)}
                      >
                        <Input inputMode="decimal" className="mono" data-testid={`norm-net-${index}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={10} md={6}>
                      <Form.Item
                        name={[field.name, 'lossRate']}
                        label={index === 0 ? t('bonded.norms.lossRateFraction') : undefined}
                        rules={[required, decimal]}
                        {...server.at(`materials.${index}.lossRate`)}
                      >
                        <Input
                          inputMode="decimal"
                          className="mono"
                          placeholder="0.04"
                          data-testid={`norm-loss-${index}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={2}>
                      <RemoveLineButton index={index} only={fields.length === 1} onRemove={() => remove(field.name)} />
                    </Col>
                  </Row>
                ))}
                <AddLineButton onAdd={() => add({})} testId="norm-add-line">
                  {t('bonded.norms.addMaterial')}
                </AddLineButton>
              </>
            )}
          </Form.List>
          {save.isError ? (
            <>
              <ProblemAlert error={save.error} />
              <UnplacedErrors byPath={server.byPath} placed={placed} />
            </>
          ) : null}
          <div className="form-actions">
            <Button
              type="primary"
              htmlType="submit"
              icon={<SaveOutlined />}
              loading={save.isPending}
              data-testid="norm-submit"
            >
              {t('bonded.norms.save')}
            </Button>
          </div>
        </Form>
      ) : null}
    </Card>
  );
}
