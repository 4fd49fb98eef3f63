import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { CentreOverview, centreAccent } from '../centres/CentrePage';
import { RoutePlanner } from './RoutePlanner';
import { ServicesPanel } from './ServicesPanel';

export type LogisticsTab = 'planner' | 'services' | 'overview';

const TAB_PATHS: Record<LogisticsTab, string> = {
  planner: '/logistics',
  services: '/logistics/services',
  overview: '/logistics/overview',
};

/** The logistics centre: each tab is its own address, so a tab can be linked and survives a reload. */
export function LogisticsPage({ tab }: { tab: LogisticsTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { icon, accent } = centreAccent('logistics');

  return (
    <div className="page" data-testid="centre-logistics">
      <PageHeader
        title={t('centres.logistics.title')}
        subtitle={t('centres.logistics.subtitle')}
        icon={<span style={{ background: accent }}>{icon}</span>}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(TAB_PATHS[key as LogisticsTab])}
        className="centre-tabs"
        items={(Object.keys(TAB_PATHS) as LogisticsTab[]).map((key) => ({
          key,
          label: <span data-testid={`logistics-tab-${key}`}>{t(`logistics.tabs.${key}`)}</span>,
        }))}
      />
      {tab === 'planner' ? <RoutePlanner /> : null}
      {tab === 'services' ? <ServicesPanel /> : null}
      {tab === 'overview' ? <CentreOverview centre="logistics" /> : null}
    </div>
  );
}
