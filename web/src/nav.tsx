import {
  ApiOutlined,
  BankOutlined,
  ContainerOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  GoldOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  MoneyCollectOutlined,
  NodeIndexOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role, User } from './api/types';
import type { en } from './i18n/en';

export type NavLabel = keyof typeof en.nav;

export interface NavItem {
  path: string;
  label: NavLabel;
  icon: ReactNode;
  /** Roles that may open the page; absent means every signed-in user. */
  roles?: readonly Role[];
  /** Also open to users for whom this holds, whatever their role (e.g. an enterprise's own administrator). */
  allow?: (user: User) => boolean;
}

export interface NavGroup {
  key: string;
  label: NavLabel | null;
  items: readonly NavItem[];
}

export const COCKPIT_ROLES: readonly Role[] = ['zone_admin', 'customs_officer'];
export const USER_ADMIN_ROLES: readonly Role[] = ['zone_admin'];
/** An enterprise's own administrator manages its enterprise's users (the server checks it again). */
export const administersEnterpriseUsers = (user: User): boolean =>
  user.enterpriseAdmin === true && user.enterpriseId !== null;
/** Enterprises with bonded books, customs and the zone administration (not the banks). */
export const BONDED_ROLES: readonly Role[] = ['trader', 'forwarder', 'customs_officer', 'zone_admin'];

/** One table drives the side menu and the role checks of the routes, so the two cannot disagree. */
export const NAVIGATION: readonly NavGroup[] = [
  {
    key: 'main',
    label: null,
    items: [
      { path: '/', label: 'home', icon: <HomeOutlined /> },
      { path: '/cockpit', label: 'cockpit', icon: <DashboardOutlined />, roles: COCKPIT_ROLES },
    ],
  },
  {
    key: 'centres',
    label: 'centres',
    items: [
      { path: '/logistics', label: 'logistics', icon: <NodeIndexOutlined /> },
      { path: '/trade', label: 'trade', icon: <ContainerOutlined /> },
      { path: '/bonded', label: 'bonded', icon: <GoldOutlined />, roles: BONDED_ROLES },
      { path: '/registry', label: 'registry', icon: <IdcardOutlined /> },
      { path: '/credit', label: 'credit', icon: <SafetyCertificateOutlined /> },
      { path: '/investment', label: 'investment', icon: <BankOutlined /> },
      { path: '/exchange', label: 'exchange', icon: <TeamOutlined /> },
    ],
  },
  {
    key: 'reference',
    label: 'reference',
    items: [
      { path: '/reference/countries', label: 'countries', icon: <FlagOutlined /> },
      { path: '/reference/locations', label: 'locations', icon: <EnvironmentOutlined /> },
      { path: '/reference/currencies', label: 'currencies', icon: <MoneyCollectOutlined /> },
    ],
  },
  {
    key: 'admin',
    label: 'admin',
    items: [
      {
        path: '/admin/users',
        label: 'users',
        icon: <UserOutlined />,
        roles: USER_ADMIN_ROLES,
        allow: administersEnterpriseUsers,
      },
      { path: '/admin/api-keys', label: 'apiKeys', icon: <KeyOutlined /> },
      { path: '/admin/webhooks', label: 'webhooks', icon: <ApiOutlined /> },
      { path: '/admin/audit', label: 'audit', icon: <FileSearchOutlined /> },
    ],
  },
];

export function mayOpen(item: Pick<NavItem, 'roles' | 'allow'>, role: Role, user?: User): boolean {
  return !item.roles || item.roles.includes(role) || (user !== undefined && item.allow?.(user) === true);
}

/** The menu entry a path belongs to (longest matching prefix), for highlighting the menu. */
export function activeNavPath(pathname: string): string {
  let best = '/';
  for (const group of NAVIGATION) {
    for (const item of group.items) {
      if (item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`))) {
        if (item.path.length > best.length) best = item.path;
      }
    }
  }
  return best;
}
