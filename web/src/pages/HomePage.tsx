import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BranchesOutlined,
  CalendarOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FundOutlined,
  IdcardOutlined,
  MoneyCollectOutlined,
  RadarChartOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SolutionOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Row, Skeleton, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEnterprises, useEvents } from '../api/hooks';
import type { Enterprise, PlatformEvent, Role } from '../api/types';
import { useSession } from '../auth/session';
import { ProblemAlert } from '../components/ProblemAlert';
import { enterpriseKindLabel, eventTypeLabel, localName } from '../i18n';
import type { en } from '../i18n/en';
import { useLanguage } from '../i18n/useLanguage';
import { countryName, useCountryIndex } from '../lib/countries';
import { formatDateTime, fromNow } from '../lib/format';

type ShortcutKey = keyof typeof en.shortcuts;

interface Shortcut {
  key: ShortcutKey;
  icon: ReactNode;
  to: string;
  color: string;
}

/** What each role does most; shortcuts to centres not built yet lead to that centre's overview. */
const SHORTCUTS: Record<Role, readonly Shortcut[]> = {
  trader: [
    { key: 'declareGoods', icon: <SolutionOutlined />, to: '/trade/new', color: '#0f766e' },
    { key: 'planRoute', icon: <BranchesOutlined />, to: '/logistics', color: '#1d4e89' },
    { key: 'bondedBooks', icon: <AccountBookOutlined />, to: '/trade', color: '#0f766e' },
    { key: 'referenceMap', icon: <EnvironmentOutlined />, to: '/reference/locations', color: '#2e8540' },
  ],
  forwarder: [
    { key: 'publishServices', icon: <SendOutlined />, to: '/logistics', color: '#1d4e89' },
    { key: 'bookings', icon: <FileDoneOutlined />, to: '/logistics/shipments', color: '#1d4e89' },
    { key: 'tracking', icon: <RadarChartOutlined />, to: '/logistics', color: '#1d4e89' },
    { key: 'referenceMap', icon: <EnvironmentOutlined />, to: '/reference/locations', color: '#2e8540' },
  ],
  customs_officer: [
    { key: 'declarationsQueue', icon: <AuditOutlined />, to: '/trade/queue', color: '#0f766e' },
    { key: 'risk', icon: <SafetyCertificateOutlined />, to: '/trade/rules', color: '#0f766e' },
    { key: 'bondedSupervision', icon: <AccountBookOutlined />, to: '/bonded', color: '#0f766e' },
    { key: 'cockpit', icon: <DashboardOutlined />, to: '/cockpit', color: '#1d4e89' },
  ],
  bank_officer: [
    { key: 'guarantees', icon: <BankOutlined />, to: '/investment', color: '#9a3412' },
    { key: 'tradeFinance', icon: <FundOutlined />, to: '/investment', color: '#9a3412' },
    { key: 'registry', icon: <IdcardOutlined />, to: '/registry', color: '#9a3412' },
    { key: 'exchangeRates', icon: <MoneyCollectOutlined />, to: '/reference/currencies', color: '#2e8540' },
  ],
  zone_admin: [
    { key: 'cockpit', icon: <DashboardOutlined />, to: '/cockpit', color: '#1d4e89' },
    { key: 'registry', icon: <IdcardOutlined />, to: '/registry', color: '#9a3412' },
    { key: 'users', icon: <UserOutlined />, to: '/admin/users', color: '#6b21a8' },
    { key: 'auditTrail', icon: <FileSearchOutlined />, to: '/admin/audit', color: '#2e8540' },
  ],
};

/** Today's date the way each language writes it. */
const DATE_FORMAT: Record<string, string> = {
  'zh-CN': 'YYYY年M月D日 dddd',
  en: 'dddd, D MMMM YYYY',
  ru: 'dddd, D MMMM YYYY',
};

export function HomePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useSession();
  const countries = useCountryIndex();
  const role = me.user.role;

  return (
    <div className="page" data-testid="home">
      <div className="home-banner">
        <div>
          <Typography.Title level={3} className="home-greeting" data-testid="greeting">
            {t('home.greeting', { name: me.user.displayName })}
          </Typography.Title>
          <div className="home-subtitle">
            <span data-testid="home-role">{t('home.subtitle', { role: t(`roles.${role}`) })}</span>
          </div>
        </div>
        <div className="home-date">
          <CalendarOutlined /> {dayjs().format(DATE_FORMAT[language])}
        </div>
      </div>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('home.shortcuts')} variant="borderless" className="section-card">
            <Row gutter={[12, 12]} data-testid="shortcuts">
              {SHORTCUTS[role].map((shortcut) => (
                <Col key={shortcut.key} xs={24} sm={12}>
                  <Link to={shortcut.to} className="shortcut">
                    <span
                      className="shortcut-icon"
                      style={{ color: shortcut.color, background: `${shortcut.color}14` }}
                    >
                      {shortcut.icon}
                    </span>
                    <span className="shortcut-text">
                      <span className="shortcut-title">{t(`shortcuts.${shortcut.key}.title`)}</span>
                      <span className="shortcut-desc">{t(`shortcuts.${shortcut.key}.desc`)}</span>
                    </span>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
          <RecentEvents />
        </Col>
        <Col xs={24} xl={9}>
          {me.enterprise ? (
            <Card
              title={t('home.enterpriseCard')}
              variant="borderless"
              className="section-card"
              data-testid="enterprise-card"
            >
              <Typography.Title level={5} className="org-name">
                {localName(me.enterprise.names, language)}
              </Typography.Title>
              <Descriptions
                layout="vertical"
                column={2}
                size="small"
                className="org-details"
                items={[
                  { key: 'uscc', label: t('home.uscc'), children: <span className="mono">{me.enterprise.uscc}</span> },
                  {
                    key: 'customs',
                    label: t('home.customsCode'),
                    children: <span className="mono">{me.enterprise.customsCode ?? t('common.none')}</span>,
                  },
                  {
                    key: 'city',
                    label: t('home.city'),
                    children: [me.enterprise.city, countryName(countries, me.enterprise.countryCode, language)]
                      .filter(Boolean)
                      .join(' · '),
                  },
                  {
                    key: 'kinds',
                    label: t('home.kinds'),
                    children: me.enterprise.kinds.map((kind) => (
                      <Tag key={kind} color="geekblue">
                        {enterpriseKindLabel(t, kind)}
                      </Tag>
                    )),
                  },
                  {
                    key: 'status',
                    label: t('home.status'),
                    children: (
                      <Tag color={me.enterprise.status === 'active' ? 'green' : 'red'}>
                        {t(`enterpriseStatus.${me.enterprise.status}`)}
                      </Tag>
                    ),
                  },
                ]}
              />
            </Card>
          ) : me.authority ? (
            <Card
              title={t('home.authorityCard')}
              variant="borderless"
              className="section-card"
              data-testid="authority-card"
            >
              <div className="authority-head">
                <span className="authority-icon">
                  <ApartmentOutlined />
                </span>
                <Typography.Title level={5} className="org-name">
                  {localName(me.authority.names, language)}
                </Typography.Title>
              </div>
              <Descriptions
                layout="vertical"
                column={2}
                size="small"
                className="org-details"
                items={[
                  {
                    key: 'code',
                    label: t('home.authorityCode'),
                    children: <span className="mono">{me.authority.code}</span>,
                  },
                  { key: 'role', label: t('user.role'), children: <Tag color="blue">{t(`roles.${role}`)}</Tag> },
                ]}
              />
            </Card>
          ) : (
            <Card variant="borderless" className="section-card">
              <Empty description={t('home.noOrganisation')} />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}

function RecentEvents() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const events = useEvents(10);
  const me = useSession();
  // Authorities and banks see every enterprise; others see their own, which is all their events concern.
  const enterprises = useEnterprises();
  const byId = new Map<string, Enterprise>((enterprises.data ?? []).map((e) => [e.id, e]));

  const describe = (event: PlatformEvent): string | null => {
    if (!event.enterpriseId) return null;
    const enterprise =
      byId.get(event.enterpriseId) ?? (me.enterprise?.id === event.enterpriseId ? me.enterprise : null);
    return enterprise ? localName(enterprise.names, language) : null;
  };

  return (
    <Card
      title={t('home.recentEvents')}
      variant="borderless"
      className="section-card"
      extra={<Link to="/admin/audit">{t('home.allEvents')}</Link>}
      data-testid="recent-events"
    >
      {events.isError ? <ProblemAlert error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (events.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noEvents')} />
      ) : (
        <Timeline
          className="event-timeline"
          items={(events.data ?? []).map((event) => ({
            key: event.id,
            color: 'blue',
            content: (
              <div className="event-item">
                <div className="event-title">
                  {eventTypeLabel(t, event.type)}
                  <Tooltip title={formatDateTime(event.occurredAt)}>
                    <span className="event-time">{fromNow(event.occurredAt)}</span>
                  </Tooltip>
                </div>
                {describe(event) ? <div className="event-sub">{describe(event)}</div> : null}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
