import { ColumnHeightOutlined, DownOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, InputNumber, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAmendService } from '../../api/operations';
import type { TransportService } from '../../api/types';
import { ProblemAlert, problemText } from '../../components/ProblemAlert';
import { useLanguage } from '../../i18n/useLanguage';
import { formatNumber } from './model';
import './operations.css';

/** Whether the service is offered for booking, as a tag. */
export function ServiceStatusTag({ service }: { service: TransportService }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={service.active ? 'green' : 'default'}
      className="tag-small service-status"
      data-testid={`service-status-${service.code}`}
    >
      {service.active ? t('logistics.manage.active') : t('logistics.manage.suspended')}
    </Tag>
  );
}

function CapacityModal({ service, onClose }: { service: TransportService | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const amend = useAmendService();
  const [form] = Form.useForm<{ capacityUnits: number }>();
  const unit = service?.capacityUnit === 'KG' ? t('logistics.services.unitKg') : t('logistics.services.unitTeu');

  const close = () => {
    amend.reset();
    onClose();
  };

  const submit = ({ capacityUnits }: { capacityUnits: number }) => {
    if (!service) return;
    amend.mutate(
      { id: service.id, change: { capacityUnits } },
      {
        onSuccess: () => {
          void message.success(
            t('logistics.manage.capacityDone', {
              code: service.code,
              value: `${formatNumber(capacityUnits, language)} ${unit}`,
            }),
          );
          close();
        },
      },
    );
  };

  return (
    <Modal
      open={service !== null}
      title={service ? t('logistics.manage.capacityTitle', { code: service.code }) : ''}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={amend.isPending}
          onClick={() => form.submit()}
          data-testid="capacity-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      {service ? (
        <div data-testid="capacity-modal">
          {amend.isError ? <ProblemAlert error={amend.error} /> : null}
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ capacityUnits: service.capacityUnits }}
            onFinish={submit}
          >
            <Form.Item
              name="capacityUnits"
              label={t('logistics.manage.capacityLabel', { unit })}
              extra={t('logistics.manage.capacityHint')}
              rules={[{ required: true, message: t('logistics.publish.required') }]}
            >
              <InputNumber min={1} max={1_000_000} precision={0} style={{ width: 200 }} data-testid="capacity-input" />
            </Form.Item>
          </Form>
        </div>
      ) : null}
    </Modal>
  );
}

/**
 * What the operator (or the zone administration) may do with a service: suspend or resume it, and
 * change its capacity per run. The server decides again; a refusal comes back as a problem.
 */
export function ServiceActions({ service }: { service: TransportService }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const amend = useAmendService();
  const [capacityOf, setCapacityOf] = useState<TransportService | null>(null);

  const setActive = (active: boolean) =>
    amend.mutateAsync({ id: service.id, change: { active } }).then(
      () =>
        void message.success(
          t(active ? 'logistics.manage.resumedDone' : 'logistics.manage.suspendedDone', { code: service.code }),
        ),
      (error: unknown) => void message.error(problemText(error, t('errors.unexpected')).title),
    );

  const onMenu = (key: string) => {
    if (key === 'capacity') setCapacityOf(service);
    if (key === 'resume') void setActive(true);
    if (key === 'suspend') {
      modal.confirm({
        title: t('logistics.manage.suspendTitle', { code: service.code }),
        content: t('logistics.manage.suspendText'),
        okText: t('logistics.manage.suspend'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => setActive(false),
      });
    }
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          onClick: ({ key }) => onMenu(key),
          items: [
            service.active
              ? { key: 'suspend', icon: <PauseCircleOutlined />, label: t('logistics.manage.suspend'), danger: true }
              : { key: 'resume', icon: <PlayCircleOutlined />, label: t('logistics.manage.resume') },
            { key: 'capacity', icon: <ColumnHeightOutlined />, label: t('logistics.manage.capacity') },
          ],
        }}
      >
        <Button size="small" loading={amend.isPending} data-testid={`service-manage-${service.code}`}>
          {t('logistics.manage.menu')} <DownOutlined />
        </Button>
      </Dropdown>
      <CapacityModal service={capacityOf} onClose={() => setCapacityOf(null)} />
    </>
  );
}
