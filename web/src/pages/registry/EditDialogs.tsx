import { App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldErrorPaths } from '../../api/client';
import {
  CUSTOMS_CREDIT_TIERS,
  type CustomsCreditTier,
  type RegistryEnterprise,
  useUpdateCustomsStatus,
  useUpdateProfile,
} from '../../api/registry';
import { CountrySelect } from '../../components/CountrySelect';
import { problemText } from '../../components/ProblemAlert';
import { localName } from '../../i18n';
import { useLanguage } from '../../i18n/useLanguage';

interface ProfileValues {
  products?: string[];
  markets?: string[];
  certifications?: string[];
  bondedSites?: string[];
}

/** The enterprise's own users (or zone admins) edit its products, markets, certifications and bonded sites. */
export function ProfileDialog({ enterprise, onClose }: { enterprise: RegistryEnterprise; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const update = useUpdateProfile();
  const onOk = async () => {
    const values = await form.validateFields();
    update.mutate(
      {
        id: enterprise.id,
        bondedSites: (values.bondedSites ?? []).map((site) => site.trim().toUpperCase()),
        profile: {
          products: (values.products ?? []).map((code) => code.trim()),
          markets: values.markets ?? [],
          certifications: (values.certifications ?? []).map((kind) => {
            const known = enterprise.profile.certifications.find((c) => c.kind === kind);
            return known ?? { kind, number: null, validUntil: null };
          }),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('registry.edit.saved'));
          onClose();
        },
        onError: (error) => {
          form.setFields(
            fieldErrorPaths(error).map((issue) => ({
              name: (issue.path[0] === 'profile' ? issue.path[1] : issue.path[0]) as keyof ProfileValues,
              errors: issue.messages,
            })),
          );
          const { title, detail } = problemText(error, t('errors.unexpected'));
          void message.error(detail ? `${title} — ${detail}` : title, 8);
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t('registry.edit.profileTitle', { name: localName(enterprise.names, language) })}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('registry.edit.save')}
      okButtonProps={{ loading: update.isPending }}
      destroyOnHidden
    >
      <Form<ProfileValues>
        form={form}
        layout="vertical"
        initialValues={{
          products: enterprise.profile.products,
          markets: enterprise.profile.markets,
          certifications: enterprise.profile.certifications.map((c) => c.kind),
          bondedSites: enterprise.bondedSites,
        }}
      >
        <Form.Item name="products" label={t('registry.form.products')} extra={t('registry.form.productsHelp')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
        </Form.Item>
        <Form.Item name="markets" label={t('registry.form.markets')}>
          <CountrySelect mode="multiple" />
        </Form.Item>
        <Form.Item name="certifications" label={t('registry.form.certifications')}>
          <Select mode="tags" tokenSeparators={[',']} open={false} />
        </Form.Item>
        <Form.Item name="bondedSites" label={t('registry.form.bondedSites')} extra={t('registry.form.bondedSitesHelp')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Customs records the Order-282 tier and AEO mutual recognition. */
export function CustomsStatusDialog({ enterprise, onClose }: { enterprise: RegistryEnterprise; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ customsCreditTier: CustomsCreditTier; aeoMraCountries?: string[] }>();
  const update = useUpdateCustomsStatus();
  const onOk = async () => {
    const values = await form.validateFields();
    update.mutate(
      { id: enterprise.id, customsCreditTier: values.customsCreditTier, aeoMraCountries: values.aeoMraCountries ?? [] },
      {
        onSuccess: () => {
          void message.success(t('registry.edit.saved'));
          onClose();
        },
        onError: (error) => {
          form.setFields(
            fieldErrorPaths(error).map((issue) => ({
              name: issue.path[0] as 'aeoMraCountries',
              errors: issue.messages,
            })),
          );
          const { title, detail } = problemText(error, t('errors.unexpected'));
          void message.error(detail ? `${title} — ${detail}` : title, 8);
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t('registry.edit.customsTitle', { name: localName(enterprise.names, language) })}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('registry.edit.save')}
      okButtonProps={{ loading: update.isPending }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ customsCreditTier: enterprise.customsCreditTier, aeoMraCountries: enterprise.aeoMraCountries }}
      >
        <Form.Item name="customsCreditTier" label={t('registry.form.tier')}>
          <Select options={CUSTOMS_CREDIT_TIERS.map((tier) => ({ value: tier, label: t(`registry.tiers.${tier}`) }))} />
        </Form.Item>
        <Form.Item name="aeoMraCountries" label={t('registry.form.aeoMra')} extra={t('registry.form.aeoMraHelp')}>
          <CountrySelect mode="multiple" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
