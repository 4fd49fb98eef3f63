import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeader(props: { title: ReactNode; subtitle?: ReactNode; icon?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-header">
      {props.icon ? <div className="page-header-icon">{props.icon}</div> : null}
      <div className="page-header-text">
        <Typography.Title level={3} className="page-header-title">
          {props.title}
        </Typography.Title>
        {props.subtitle ? <Typography.Text type="secondary">{props.subtitle}</Typography.Text> : null}
      </div>
      {props.extra ? <div className="page-header-extra">{props.extra}</div> : null}
    </div>
  );
}
