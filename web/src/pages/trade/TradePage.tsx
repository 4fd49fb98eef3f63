import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Role } from '../../api/types';
import { RoleGate, useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { CentreOverview, centreAccent } from '../centres/CentrePage';
import { DECLARANT_ROLES, ECOMMERCE_ROLES, OFFICER_ROLES } from './access';
import { DeclarationForm } from './DeclarationForm';
import { DeclarationsPanel } from './DeclarationsPanel';
import { EcommerceView } from './EcommerceView';
import { FastLaneBoard } from './FastLaneBoard';
import { QueueView } from './QueueView';
import { RulesView } from './RulesView';
import { TariffView } from './TariffView';
import '../logistics/shipments.css';
import './trade.css';

export type TradeTab = 'declarations' | 'new' | 'queue' | 'rules' | 'fastLane' | 'tariff' | 'ecommerce' | 'overview';

const TAB_PATHS: Record<TradeTab, string> = {
  declarations: '/trade',
  new: '/trade/new',
  queue: '/trade/queue',
  rules: '/trade/rules',
  fastLane: '/trade/fast-lane',
  tariff: '/trade/tariff',
  ecommerce: '/trade/ecommerce',
  overview: '/trade/overview',
};

/** Tabs only some roles may use; the others are for everyone signed in. */
const TAB_ROLES: Partial<Record<TradeTab, readonly Role[]>> = {
  new: DECLARANT_ROLES,
  queue: OFFICER_ROLES,
  rules: OFFICER_ROLES,
  ecommerce: ECOMMERCE_ROLES,
};

/** The modern trade centre: each tab is its own address, so a tab can be linked and survives a reload. */
export function TradePage({ tab }: { tab: TradeTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { icon, accent } = centreAccent('trade');
  const me = useSession();
  const tabs = (Object.keys(TAB_PATHS) as TradeTab[]).filter((key) => {
    const roles = TAB_ROLES[key];
    return !roles || roles.includes(me.user.role);
  });

  return (
    <div className="page" data-testid="centre-trade">
      <PageHeader
        title={t('centres.trade.title')}
        subtitle={t('centres.trade.subtitle')}
        icon={<span style={{ background: accent }}>{icon}</span>}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(TAB_PATHS[key as TradeTab])}
        className="centre-tabs"
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`trade-tab-${key}`}>{t(`trade.tabs.${key}`)}</span>,
        }))}
      />
      {tab === 'declarations' ? <DeclarationsPanel /> : null}
      {tab === 'new' ? (
        <RoleGate roles={DECLARANT_ROLES}>
          <DeclarationForm />
        </RoleGate>
      ) : null}
      {tab === 'queue' ? (
        <RoleGate roles={OFFICER_ROLES}>
          <QueueView />
        </RoleGate>
      ) : null}
      {tab === 'rules' ? (
        <RoleGate roles={OFFICER_ROLES}>
          <RulesView />
        </RoleGate>
      ) : null}
      {tab === 'fastLane' ? <FastLaneBoard /> : null}
      {tab === 'tariff' ? <TariffView /> : null}
      {tab === 'ecommerce' ? (
        <RoleGate roles={ECOMMERCE_ROLES}>
          <EcommerceView />
        </RoleGate>
      ) : null}
      {tab === 'overview' ? <CentreOverview centre="trade" /> : null}
    </div>
  );
}
