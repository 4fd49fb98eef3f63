import {
  BankOutlined,
  ContainerOutlined,
  LockOutlined,
  MailOutlined,
  NodeIndexOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/client';
import { useHealth, useLogin, useMe } from '../api/hooks';
import { FullPageSpin } from '../auth/session';
import { LanguageSegmented } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import { problemText } from '../components/ProblemAlert';

interface LoginForm {
  email: string;
  password: string;
}

function redirectTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  // Only same-app paths: never bounce a user to another origin after sign-in.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const health = useHealth();
  const target = redirectTarget(location.state);

  if (me.isPending) return <FullPageSpin />;
  if (me.data) return <Navigate to={target} replace />;

  const onFinish = (values: LoginForm) => {
    // Once the session is known, the <Navigate> above takes the user on to where they were going.
    login.mutate(values);
  };

  const failure = login.isError
    ? problemText(login.error, login.error instanceof ApiError ? t('login.failed') : t('errors.network'))
    : null;

  const highlights = [
    { icon: <NodeIndexOutlined />, text: t('login.highlights.logistics') },
    { icon: <ContainerOutlined />, text: t('login.highlights.trade') },
    { icon: <BankOutlined />, text: t('login.highlights.investment') },
    { icon: <TeamOutlined />, text: t('login.highlights.exchange') },
  ];

  return (
    <div className="login-page">
      <section className="login-brand">
        <div className="login-brand-top">
          <Logo size={44} />
          <div>
            <div className="login-brand-name" data-testid="product-name">
              {t('app.name')}
            </div>
            <div className="login-brand-zone">{t('app.zone')}</div>
          </div>
        </div>
        <p className="login-tagline" data-testid="product-description">
          {t('app.tagline')}
        </p>
        <ul className="login-highlights">
          {highlights.map((item) => (
            <li key={item.text}>
              <span className="login-highlight-icon">{item.icon}</span>
              <span>{item.text}</span>
            </li>
          ))}
        </ul>
        <div className="login-brand-footer">{t('app.footer')}</div>
      </section>
      <section className="login-panel">
        <div className="login-language">
          <LanguageSegmented />
        </div>
        <div className="login-card">
          <Typography.Title level={2} className="login-title">
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {failure ? (
            <Alert
              type="error"
              showIcon
              title={failure.title}
              description={failure.detail}
              className="login-error"
              data-testid="login-error"
            />
          ) : null}
          <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={onFinish} size="large">
            <Form.Item
              name="email"
              label={t('login.email')}
              rules={[{ required: true, whitespace: true, message: t('login.emailRequired') }]}
            >
              <Input
                prefix={<MailOutlined />}
                placeholder={t('login.emailPlaceholder')}
                autoComplete="username"
                data-testid="login-email"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          {health.data?.demo ? (
            <div className="login-demo">
              <div className="login-demo-title">{t('login.demoTitle')}</div>
              <div className="login-demo-text">{t('login.demoHint')}</div>
            </div>
          ) : null}
        </div>
      </section>
    </div>
  );
}
