import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import type { ReactNode } from 'react';

interface KpiProps {
  title: string;
  /** Undefined while loading: a placeholder instead of a misleading zero. */
  value: string | number | undefined;
  icon: ReactNode;
  color: string;
  testId: string;
}

/** One headline figure with its icon, as on the cockpit and the operators' and officers' dashboards. */
export function Kpi({ title, value, icon, color, testId }: KpiProps) {
  return (
    <Card variant="borderless" className="kpi-card" data-testid={testId}>
      <div className="kpi">
        <span className="kpi-icon" style={{ color, background: `${color}14` }}>
          {icon}
        </span>
        {value === undefined ? <Skeleton.Button active size="small" /> : <Statistic title={title} value={value} />}
      </div>
    </Card>
  );
}

export type KpiItem = KpiProps;

/** Four (or so) headline figures side by side, two per row on a tablet and one on a phone. */
export function KpiRow({ items, className }: { items: readonly KpiItem[]; className?: string }) {
  return (
    <Row gutter={[16, 16]} className={className}>
      {items.map((item) => (
        <Col xs={24} sm={12} xl={24 / Math.min(items.length, 4)} key={item.testId}>
          <Kpi {...item} />
        </Col>
      ))}
    </Row>
  );
}
