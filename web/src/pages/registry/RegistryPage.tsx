import { IdcardOutlined } from '@ant-design/icons';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { ApplicationsView } from './ApplicationsView';
import { ApplyView } from './ApplyView';
import { EnterprisesView } from './EnterprisesView';
import './registry.css';

export type RegistryTab = 'enterprises' | 'apply' | 'applications';

const TAB_PATHS: Record<RegistryTab, string> = {
  enterprises: '/registry',
  apply: '/registry/apply',
  applications: '/registry/applications',
};

/**
 * The enterprise registry (企业名录): the enterprises of the zone with their customs credit tier, AEO status and
 * public grade; onboarding applications; and the zone administration's approval queue.
 */
export function RegistryPage({ tab }: { tab: RegistryTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  return (
    <div className="page" data-testid="registry">
      <PageHeader
        title={t('registry.title')}
        subtitle={t('registry.subtitle')}
        icon={
          <span style={{ background: '#1f6f5c' }}>
            <IdcardOutlined />
          </span>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(TAB_PATHS[key as RegistryTab])}
        className="centre-tabs"
        items={(Object.keys(TAB_PATHS) as RegistryTab[]).map((key) => ({
          key,
          label: <span data-testid={`registry-tab-${key}`}>{t(`registry.tabs.${key}`)}</span>,
        }))}
      />
      {tab === 'enterprises' ? <EnterprisesView /> : null}
      {tab === 'apply' ? <ApplyView onSubmitted={() => navigate(TAB_PATHS.applications)} /> : null}
      {tab === 'applications' ? <ApplicationsView canDecide={me.user.role === 'zone_admin'} /> : null}
    </div>
  );
}
