import { GoldOutlined } from '@ant-design/icons';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Role } from '../../api/types';
import { RoleGate, useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { ApprovalsView } from './ApprovalsView';
import { APPROVER_ROLES, CHECKER_ROLES } from './access';
import { BooksView } from './BooksView';
import { BookView } from './BookView';
import { CheckerView } from './CheckerView';
import { ConsolidationsView } from './ConsolidationsView';
import { GatePassesView } from './GatePassesView';
import './bonded.css';

export type BondedTab = 'books' | 'gatePasses' | 'consolidations' | 'approvals' | 'check';

const TAB_PATHS: Record<BondedTab, string> = {
  books: '/bonded',
  gatePasses: '/bonded/gate-passes',
  consolidations: '/bonded/consolidations',
  approvals: '/bonded/approvals',
  check: '/bonded/check',
};

/** Tabs only some roles may use; the others are for everyone who may open the page. */
const TAB_ROLES: Partial<Record<BondedTab, readonly Role[]>> = {
  approvals: APPROVER_ROLES,
  check: CHECKER_ROLES,
};

/**
 * Bonded zones (保税): the electronic account books of the enterprises in the zone's bonded sites.
 * Each tab is its own address; `/bonded/books/:id` is the books tab showing one book.
 */
export function BondedPage({ tab, bookId }: { tab: BondedTab; bookId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  const tabs = (Object.keys(TAB_PATHS) as BondedTab[]).filter((key) => {
    const roles = TAB_ROLES[key];
    return !roles || roles.includes(me.user.role);
  });

  return (
    <div className="page" data-testid="bonded">
      <PageHeader
        title={t('bonded.title')}
        subtitle={t('bonded.subtitle')}
        icon={
          <span style={{ background: '#7c5a10' }}>
            <GoldOutlined />
          </span>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(TAB_PATHS[key as BondedTab])}
        className="centre-tabs"
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`bonded-tab-${key}`}>{t(`bonded.tabs.${key}`)}</span>,
        }))}
      />
      {tab === 'books' ? bookId ? <BookView key={bookId} bookId={bookId} /> : <BooksView /> : null}
      {tab === 'gatePasses' ? <GatePassesView /> : null}
      {tab === 'consolidations' ? <ConsolidationsView /> : null}
      {tab === 'approvals' ? (
        <RoleGate roles={APPROVER_ROLES}>
          <ApprovalsView />
        </RoleGate>
      ) : null}
      {tab === 'check' ? (
        <RoleGate roles={CHECKER_ROLES}>
          <CheckerView />
        </RoleGate>
      ) : null}
    </div>
  );
}
