import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  ArrowRightOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  BranchesOutlined,
  CalendarOutlined,
  CarOutlined,
  ContainerOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FlagOutlined,
  FundOutlined,
  IdcardOutlined,
  InsuranceOutlined,
  LineChartOutlined,
  MoneyCollectOutlined,
  NodeIndexOutlined,
  ProjectOutlined,
  RadarChartOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import type { en } from '../../i18n/en';
import { EnterpriseRegistry } from './EnterpriseRegistry';

export type CentreKey = 'logistics' | 'trade' | 'investment' | 'exchange';

type Centres = typeof en.centres;
type FeatureKey<C extends CentreKey> = keyof Centres[C]['features'];
type AvailableKey<C extends CentreKey> = keyof Centres[C]['available'];

interface CentreSpec<C extends CentreKey> {
  icon: ReactNode;
  accent: string;
  /** `live` marks a planned feature that has shipped, with the page that offers it. */
  features: readonly { key: FeatureKey<C>; icon: ReactNode; live?: string }[];
  available: readonly { key: AvailableKey<C>; icon: ReactNode; to: string }[];
}

/**
 * What each centre will offer, from the product brief. The cards say concretely what is coming;
 * the "already on the platform" links lead to the parts that work today.
 */
const CENTRES: { [C in CentreKey]: CentreSpec<C> } = {
  logistics: {
    icon: <NodeIndexOutlined />,
    accent: '#1d4e89',
    features: [
      { key: 'routePlanner', icon: <BranchesOutlined />, live: '/logistics' },
      { key: 'throughBill', icon: <FileDoneOutlined /> },
      { key: 'tracking', icon: <RadarChartOutlined /> },
      { key: 'gauge', icon: <SwapOutlined /> },
    ],
    available: [
      { key: 'routePlanner', icon: <BranchesOutlined />, to: '/logistics' },
      { key: 'services', icon: <ScheduleOutlined />, to: '/logistics/services' },
      { key: 'locations', icon: <EnvironmentOutlined />, to: '/reference/locations' },
    ],
  },
  trade: {
    icon: <ContainerOutlined />,
    accent: '#0f766e',
    features: [
      { key: 'singleWindow', icon: <SolutionOutlined />, live: '/trade/new' },
      { key: 'riskChannels', icon: <SafetyCertificateOutlined />, live: '/trade' },
      { key: 'bondedBooks', icon: <AccountBookOutlined /> },
      { key: 'crossBorderEcommerce', icon: <ShoppingCartOutlined /> },
      { key: 'newThree', icon: <ThunderboltOutlined />, live: '/trade/fast-lane' },
      { key: 'usedCars', icon: <CarOutlined /> },
      { key: 'commodityExchange', icon: <LineChartOutlined /> },
    ],
    available: [
      { key: 'declarations', icon: <SolutionOutlined />, to: '/trade' },
      { key: 'tariff', icon: <BookOutlined />, to: '/trade/tariff' },
      { key: 'currencies', icon: <MoneyCollectOutlined />, to: '/reference/currencies' },
    ],
  },
  investment: {
    icon: <BankOutlined />,
    accent: '#9a3412',
    features: [
      { key: 'registry', icon: <IdcardOutlined /> },
      { key: 'tradeLoans', icon: <FundOutlined /> },
      { key: 'dutyGuarantees', icon: <AuditOutlined /> },
      { key: 'creditInsurance', icon: <InsuranceOutlined /> },
      { key: 'projects', icon: <ProjectOutlined /> },
    ],
    // The registry that exists today is shown in place, below the cards.
    available: [],
  },
  exchange: {
    icon: <TeamOutlined />,
    accent: '#6b21a8',
    features: [
      { key: 'legalServices', icon: <SafetyCertificateOutlined /> },
      { key: 'tradeRules', icon: <BookOutlined /> },
      { key: 'tbtAlerts', icon: <AlertOutlined /> },
      { key: 'events', icon: <CalendarOutlined /> },
      { key: 'partnerCities', icon: <ApartmentOutlined /> },
    ],
    available: [{ key: 'countries', icon: <FlagOutlined />, to: '/reference/countries' }],
  },
};

export function centreAccent(centre: CentreKey): { icon: ReactNode; accent: string } {
  const spec = CENTRES[centre] as CentreSpec<CentreKey>;
  return { icon: spec.icon, accent: spec.accent };
}

export function CentrePage<C extends CentreKey>({ centre }: { centre: C }) {
  const { t } = useTranslation();
  const spec = CENTRES[centre] as CentreSpec<CentreKey>;
  return (
    <div className="page" data-testid={`centre-${centre}`}>
      <PageHeader
        title={t(`centres.${centre}.title`)}
        subtitle={t(`centres.${centre}.subtitle`)}
        icon={<span style={{ background: spec.accent }}>{spec.icon}</span>}
      />
      <CentreOverview centre={centre} />
    </div>
  );
}

/** What the centre will offer and what already works: the body of a centre page. */
export function CentreOverview<C extends CentreKey>({ centre }: { centre: C }) {
  const { t } = useTranslation();
  const spec = CENTRES[centre] as CentreSpec<CentreKey>;
  // Keys come from the typed table above, so every one of them exists in all three languages.
  const text = (key: string) => t(`centres.${centre}.${key}` as never) as string;

  return (
    <>
      <Typography.Title level={5} className="section-title">
        {t('centres.plannedTitle')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {spec.features.map((feature) => {
          const card = (
            <Card
              className={feature.live ? 'feature-card feature-card-link' : 'feature-card'}
              variant="borderless"
              hoverable={Boolean(feature.live)}
            >
              <div className="feature-card-head">
                <span className="feature-icon" style={{ color: spec.accent, background: `${spec.accent}14` }}>
                  {feature.icon}
                </span>
                {feature.live ? (
                  <Tag color="green" className="feature-tag">
                    {t('common.availableNow')}
                  </Tag>
                ) : (
                  <Tag color="gold" className="feature-tag">
                    {t('common.comingNext')}
                  </Tag>
                )}
              </div>
              <div className="feature-title">
                {text(`features.${String(feature.key)}.title`)}
                {feature.live ? (
                  <>
                    {' '}
                    <ArrowRightOutlined className="feature-arrow" />
                  </>
                ) : null}
              </div>
              <div className="feature-desc">{text(`features.${String(feature.key)}.desc`)}</div>
            </Card>
          );
          return (
            <Col key={String(feature.key)} xs={24} md={12} xl={8}>
              {feature.live ? <Link to={feature.live}>{card}</Link> : card}
            </Col>
          );
        })}
      </Row>
      <Typography.Title level={5} className="section-title">
        {t('centres.availableTitle')}
      </Typography.Title>
      {spec.available.length > 0 ? (
        <Row gutter={[16, 16]}>
          {spec.available.map((item) => (
            <Col key={String(item.key)} xs={24} md={12} xl={8}>
              <Link to={item.to}>
                <Card className="feature-card feature-card-link" variant="borderless" hoverable>
                  <div className="feature-card-head">
                    <span className="feature-icon" style={{ color: '#2e8540', background: '#2e854014' }}>
                      {item.icon}
                    </span>
                    <Tag color="green" className="feature-tag">
                      {t('common.availableNow')}
                    </Tag>
                  </div>
                  <div className="feature-title">
                    {text(`available.${String(item.key)}`)} <ArrowRightOutlined className="feature-arrow" />
                  </div>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      ) : null}
      {centre === 'investment' ? <EnterpriseRegistry /> : null}
    </>
  );
}
