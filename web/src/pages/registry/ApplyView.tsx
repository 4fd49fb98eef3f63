import { App, Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldErrorPaths } from '../../api/client';
import {
  type ApplicationInput,
  CUSTOMS_CREDIT_TIERS,
  type CustomsCreditTier,
  ENTERPRISE_KINDS,
  type EnterpriseKind,
  useSubmitApplication,
} from '../../api/registry';
import { CountrySelect } from '../../components/CountrySelect';
import { problemText } from '../../components/ProblemAlert';
import { enterpriseKindLabel } from '../../i18n';

interface FormValues {
  uscc: string;
  customsCode?: string;
  nameZh: string;
  nameEn: string;
  nameRu: string;
  countryCode: string;
  city?: string;
  kinds: EnterpriseKind[];
  bondedSites?: string[];
  products?: string[];
  markets?: string[];
  certifications?: string[];
  customsCreditTier: CustomsCreditTier;
  aeoMraCountries?: string[];
}

/** Server field paths onto this flat form's field names. */
const FIELD_OF: Record<string, keyof FormValues> = {
  names: 'nameZh',
  'names.zh-CN': 'nameZh',
  'names.en': 'nameEn',
  'names.ru': 'nameRu',
  'profile.products': 'products',
  'profile.markets': 'markets',
  'profile.certifications': 'certifications',
};

function formField(path: (string | number)[]): keyof FormValues {
  const named = path.filter((part) => typeof part === 'string').join('.');
  return FIELD_OF[named] ?? (path[0] as keyof FormValues);
}

/**
 * The onboarding form. A USCC whose check character fails is accepted with a warning (the zone administration must
 * confirm it); every other problem comes back from the server on its field.
 */
export function ApplyView({ onSubmitted }: { onSubmitted: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const submit = useSubmitApplication();

  const onFinish = (values: FormValues) => {
    const input: ApplicationInput = {
      uscc: values.uscc.trim().toUpperCase(),
      customsCode: values.customsCode?.trim() ? values.customsCode.trim().toUpperCase() : null,
      names: { 'zh-CN': values.nameZh, en: values.nameEn, ru: values.nameRu },
      countryCode: values.countryCode,
      city: values.city?.trim() ? values.city.trim() : null,
      kinds: values.kinds,
      bondedSites: (values.bondedSites ?? []).map((site) => site.trim().toUpperCase()),
      profile: {
        products: (values.products ?? []).map((code) => code.trim()),
        markets: values.markets ?? [],
        certifications: (values.certifications ?? []).map((kind) => ({ kind, number: null, validUntil: null })),
      },
      customsCreditTier: values.customsCreditTier,
      aeoMraCountries: values.aeoMraCountries ?? [],
    };
    submit.mutate(input, {
      onSuccess: (application) => {
        if (application.warnings.length > 0) void message.warning(t('registry.form.submittedWarning'), 8);
        else void message.success(t('registry.form.submitted'));
        form.resetFields();
        onSubmitted();
      },
      onError: (error) => {
        const issues = fieldErrorPaths(error);
        if (issues.length > 0) {
          form.setFields(issues.map((issue) => ({ name: formField(issue.path), errors: issue.messages })));
        }
        const { title, detail } = problemText(error, t('errors.unexpected'));
        void message.error(detail ? `${title} — ${detail}` : title, 8);
      },
    });
  };

  return (
    <Card variant="borderless" className="section-card" title={t('registry.form.title')}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ countryCode: 'CN', customsCreditTier: 'regular', kinds: ['trader'] }}
        data-testid="apply-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="uscc"
              label={t('registry.form.uscc')}
              extra={t('registry.form.usccHelp')}
              rules={[{ required: true, len: 18 }]}
            >
              <Input className="mono" maxLength={18} data-testid="apply-uscc" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="customsCode"
              label={t('registry.form.customsCode')}
              rules={[{ pattern: /^[0-9A-Za-z]{10}$/, message: t('registry.form.customsCodeHelp') }]}
            >
              <Input className="mono" maxLength={10} data-testid="apply-customs-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="nameZh" label={t('registry.form.nameZh')} rules={[{ required: true }]}>
              <Input data-testid="apply-name-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="nameEn" label={t('registry.form.nameEn')} rules={[{ required: true }]}>
              <Input data-testid="apply-name-en" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="nameRu" label={t('registry.form.nameRu')} rules={[{ required: true }]}>
              <Input data-testid="apply-name-ru" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="countryCode" label={t('registry.form.country')} rules={[{ required: true }]}>
              <CountrySelect data-testid="apply-country" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="city" label={t('registry.form.city')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kinds" label={t('registry.form.kinds')} rules={[{ required: true }]}>
              <Select
                mode="multiple"
                data-testid="apply-kinds"
                options={ENTERPRISE_KINDS.map((kind) => ({ value: kind, label: enterpriseKindLabel(t, kind) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="products" label={t('registry.form.products')} extra={t('registry.form.productsHelp')}>
              <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="markets" label={t('registry.form.markets')}>
              <CountrySelect mode="multiple" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="bondedSites"
              label={t('registry.form.bondedSites')}
              extra={t('registry.form.bondedSitesHelp')}
            >
              <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="certifications"
              label={t('registry.form.certifications')}
              extra={t('registry.form.certificationsHelp')}
            >
              <Select mode="tags" tokenSeparators={[',']} open={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="customsCreditTier" label={t('registry.form.tier')}>
              <Select
                options={CUSTOMS_CREDIT_TIERS.map((tier) => ({ value: tier, label: t(`registry.tiers.${tier}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="aeoMraCountries" label={t('registry.form.aeoMra')} extra={t('registry.form.aeoMraHelp')}>
              <CountrySelect mode="multiple" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="apply-submit">
          {t('registry.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
