import { DownOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Layout, Menu, type MenuProps, Spin, Tag } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useLogout } from '../api/hooks';
import { useSession } from '../auth/session';
import { LanguageDropdown } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import { localName } from '../i18n';
import { useLanguage } from '../i18n/useLanguage';
import { activeNavPath, mayOpen, NAVIGATION } from '../nav';

const SIDER_COLLAPSED_KEY = 'scohub.siderCollapsed';

function initialCollapsed(): boolean {
  try {
    return window.localStorage.getItem(SIDER_COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function AppShell() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const me = useSession();
  const location = useLocation();
  const logout = useLogout();
  const { message } = App.useApp();
  const [collapsed, setCollapsed] = useState(initialCollapsed);

  const organisation = me.enterprise
    ? localName(me.enterprise.names, language)
    : me.authority
      ? localName(me.authority.names, language)
      : null;

  const menuItems = useMemo<MenuProps['items']>(() => {
    const items: NonNullable<MenuProps['items']> = [];
    for (const group of NAVIGATION) {
      const visible = group.items.filter((item) => mayOpen(item, me.user.role, me.user));
      if (visible.length === 0) continue;
      const children = visible.map((item) => ({
        key: item.path,
        icon: item.icon,
        label: <Link to={item.path}>{t(`nav.${item.label}`)}</Link>,
      }));
      if (group.label === null) items.push(...children);
      else items.push({ type: 'group', key: group.key, label: t(`nav.${group.label}`), children });
    }
    return items;
  }, [me.user, t]);

  const toggleCollapsed = () => {
    const next = !collapsed;
    setCollapsed(next);
    try {
      window.localStorage.setItem(SIDER_COLLAPSED_KEY, next ? '1' : '0');
    } catch {
      // Only a convenience; the menu still works.
    }
  };

  const signOut = () => {
    // Forgetting the session makes the route guard take the user to the sign-in page.
    logout.mutate(undefined, { onSettled: () => void message.success(t('user.signedOut')) });
  };

  const userMenu: MenuProps = {
    items: [
      {
        key: 'profile',
        disabled: true,
        className: 'user-menu-profile',
        label: (
          <div className="user-menu-card" data-testid="user-card">
            <div className="user-menu-name">{me.user.displayName}</div>
            <div className="user-menu-email">{me.user.email}</div>
            <Tag color="blue" className="user-menu-role">
              {t(`roles.${me.user.role}`)}
            </Tag>
            {organisation ? (
              <div className="user-menu-org">
                {me.enterprise ? t('user.enterprise') : t('user.authority')}: {organisation}
              </div>
            ) : null}
          </div>
        ),
      },
      { type: 'divider' },
      { key: 'signout', icon: <LogoutOutlined />, label: t('user.signOut'), danger: true, onClick: signOut },
    ],
  };

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <button
          type="button"
          className="header-button header-collapse"
          onClick={toggleCollapsed}
          aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
        >
          {collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        </button>
        <Link to="/" className="app-brand" data-testid="product-name">
          <Logo size={30} />
          <span className="app-brand-name">{t('app.name')}</span>
        </Link>
        <div className="app-header-spacer" />
        <LanguageDropdown />
        <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
          <button type="button" className="header-button header-user" data-testid="user-menu">
            <Avatar size={28} icon={<UserOutlined />} className="header-avatar" />
            <span className="header-user-text">
              <span className="header-user-name">{me.user.displayName}</span>
              <span className="header-user-role" data-testid="current-role">
                {t(`roles.${me.user.role}`)}
              </span>
            </span>
            <DownOutlined className="header-button-caret" />
          </button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          // Russian menu labels run about a third longer than Chinese or English ones.
          width={language === 'ru' ? 264 : 232}
          collapsedWidth={64}
          collapsed={collapsed}
          trigger={null}
          className="app-sider"
          theme="light"
        >
          <nav data-testid="nav">
            <Menu
              mode="inline"
              selectedKeys={[activeNavPath(location.pathname)]}
              items={menuItems}
              className="app-menu"
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Suspense
            fallback={
              <div className="content-spin">
                <Spin />
              </div>
            }
          >
            <Outlet />
          </Suspense>
          <footer className="app-footer">{t('app.footer')}</footer>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
