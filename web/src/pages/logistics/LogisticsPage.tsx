import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RoleGate, useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { CentreOverview, centreAccent } from '../centres/CentrePage';
import { OperationsView } from './OperationsView';
import { OPERATIONS_ROLES } from './operationsModel';
import { RoutePlanner } from './RoutePlanner';
import { ServicesPanel } from './ServicesPanel';
import { ShipmentsPanel } from './ShipmentsPage';

export type LogisticsTab = 'planner' | 'shipments' | 'services' | 'operations' | 'overview';

const TAB_PATHS: Record<LogisticsTab, string> = {
  planner: '/logistics',
  shipments: '/logistics/shipments',
  services: '/logistics/services',
  operations: '/logistics/operations',
  overview: '/logistics/overview',
};

/** The logistics centre: each tab is its own address, so a tab can be linked and survives a reload. */
export function LogisticsPage({ tab }: { tab: LogisticsTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { icon, accent } = centreAccent('logistics');
  const me = useSession();
  // The operations view is for operators and the authorities; other roles do not see its tab.
  const tabs = (Object.keys(TAB_PATHS) as LogisticsTab[]).filter(
    (key) => key !== 'operations' || OPERATIONS_ROLES.includes(me.user.role),
  );

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
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`logistics-tab-${key}`}>{t(`logistics.tabs.${key}`)}</span>,
        }))}
      />
      {tab === 'planner' ? <RoutePlanner /> : null}
      {tab === 'shipments' ? <ShipmentsPanel /> : null}
      {tab === 'services' ? <ServicesPanel /> : null}
      {tab === 'operations' ? (
        <RoleGate roles={OPERATIONS_ROLES}>
          <OperationsView />
        </RoleGate>
      ) : null}
      {tab === 'overview' ? <CentreOverview centre="logistics" /> : null}
    </div>
  );
}
