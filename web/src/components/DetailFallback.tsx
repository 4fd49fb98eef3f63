import { Button, Card, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { ProblemAlert } from './ProblemAlert';

interface DetailFallbackProps {
  testId: string;
  breadcrumb: ReactNode;
  /** The detail query while it has no data: loading, failed, or answered 404. */
  query: { isError: boolean; error: unknown; refetch: () => unknown };
  notFoundText: string;
  back: { to: string; label: string };
}

/** A 404 answer: the thing is not there (or belongs to another tenant, which answers the same). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/**
 * What a detail page (a shipment, a declaration) shows before it has its data: a "not found" page for a 404
 * (another tenant's id answers exactly like a missing one), else a skeleton with the problem and a retry.
 */
export function DetailFallback({ testId, breadcrumb, query, notFoundText, back }: DetailFallbackProps) {
  const { t } = useTranslation();
  if (query.isError && isNotFound(query.error)) {
    return (
      <div className="page" data-testid={testId}>
        {breadcrumb}
        <Result
          status="404"
          title={t('errors.notFoundTitle')}
          subTitle={notFoundText}
          extra={
            <Link to={back.to}>
              <Button type="primary">{back.label}</Button>
            </Link>
          }
        />
      </div>
    );
  }
  return (
    <div className="page" data-testid={testId}>
      {breadcrumb}
      {query.isError ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Card variant="borderless" className="section-card">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    </div>
  );
}
