import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Title and detail of a problem document (the server words them in the UI language). */
export function problemText(error: unknown, fallback: string): { title: string; detail?: string } {
  if (error instanceof ApiError) {
    const { title, detail } = error.problem;
    return detail ? { title, detail } : { title };
  }
  return { title: fallback };
}

export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const fallback = error instanceof TypeError ? t('errors.network') : t('errors.loadFailed');
  const { title, detail } = problemText(error, fallback);
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={detail}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
