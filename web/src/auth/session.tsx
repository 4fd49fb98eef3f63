import { Button, Result, Spin } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/client';
import { signedOutDeliberately, useMe } from '../api/hooks';
import type { Me, Role, User } from '../api/types';

const SessionContext = createContext<Me | null>(null);

/** The signed-in user; only valid below <RequireAuth>, which guarantees there is one. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() used outside <RequireAuth>');
  return me;
}

export function FullPageSpin() {
  return (
    <div className="full-page-center">
      <Spin size="large" />
    </div>
  );
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <div className="full-page-center">
        <Result
          status="warning"
          title={me.error instanceof ApiError ? me.error.problem.title : t('errors.network')}
          extra={
            <Button type="primary" onClick={() => void me.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      </div>
    );
  }
  if (!me.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={signedOutDeliberately() ? null : { from }} />;
  }
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}

/** Pages for some roles only; the server checks again, this just explains instead of showing errors. */
export function RoleGate({
  roles,
  allow,
  children,
}: {
  roles: readonly Role[] | undefined;
  /** Also lets in users for whom this holds, whatever their role (see NavItem.allow). */
  allow?: (user: User) => boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const me = useSession();
  if (roles && !roles.includes(me.user.role) && !allow?.(me.user)) {
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbiddenText')} />;
  }
  return children;
}
