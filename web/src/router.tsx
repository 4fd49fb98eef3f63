import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useParams } from 'react-router';
import { RequireAuth, RoleGate } from './auth/session';
import { AppShell } from './layout/AppShell';
import { administersEnterpriseUsers, BONDED_ROLES, COCKPIT_ROLES, USER_ADMIN_ROLES } from './nav';
import { ApiKeysPage } from './pages/admin/ApiKeysPage';
import { AuditPage } from './pages/admin/AuditPage';
import { UsersPage } from './pages/admin/UsersPage';
import { WebhooksPage } from './pages/admin/WebhooksPage';
import { CentrePage } from './pages/centres/CentrePage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { CountriesPage } from './pages/reference/CountriesPage';
import { CurrenciesPage } from './pages/reference/CurrenciesPage';
import { VerifyPage } from './pages/verify/VerifyPage';

// The chart pages pull in ECharts and the world atlas; they load on first visit, not with the shell.
const CockpitPage = lazy(() => import('./pages/CockpitPage').then((m) => ({ default: m.CockpitPage })));
// The logistics centre draws the planner's chart and route map with the same ECharts bundle.
const LogisticsPage = lazy(() => import('./pages/logistics/LogisticsPage').then((m) => ({ default: m.LogisticsPage })));
const ShipmentPage = lazy(() => import('./pages/logistics/ShipmentPage').then((m) => ({ default: m.ShipmentPage })));
// The trade centre draws its clearance-time chart with the same ECharts bundle.
const TradePage = lazy(() => import('./pages/trade/TradePage').then((m) => ({ default: m.TradePage })));
const DeclarationPage = lazy(() =>
  import('./pages/trade/DeclarationPage').then((m) => ({ default: m.DeclarationPage })),
);
// Bonded zones draw each item's running balance with the same ECharts bundle.
const BondedPage = lazy(() => import('./pages/bonded/BondedPage').then((m) => ({ default: m.BondedPage })));
const RegistryPage = lazy(() => import('./pages/registry/RegistryPage').then((m) => ({ default: m.RegistryPage })));
const CreditPage = lazy(() => import('./pages/registry/CreditPage').then((m) => ({ default: m.CreditPage })));
const LocationsPage = lazy(() => import('./pages/reference/LocationsPage').then((m) => ({ default: m.LocationsPage })));

function bonded(page: ReactNode) {
  return <RoleGate roles={BONDED_ROLES}>{page}</RoleGate>;
}

function BondedBookRoute() {
  const { id } = useParams();
  return <BondedPage tab="books" bookId={id ?? ''} />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Public: the address in a bill of lading's QR code opens without signing in.
  { path: '/verify/:token', element: <VerifyPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'logistics', element: <LogisticsPage tab="planner" /> },
      { path: 'logistics/shipments', element: <LogisticsPage tab="shipments" /> },
      { path: 'logistics/shipments/:id', element: <ShipmentPage /> },
      { path: 'logistics/services', element: <LogisticsPage tab="services" /> },
      { path: 'logistics/operations', element: <LogisticsPage tab="operations" /> },
      { path: 'logistics/overview', element: <LogisticsPage tab="overview" /> },
      { path: 'trade', element: <TradePage tab="declarations" /> },
      { path: 'trade/new', element: <TradePage tab="new" /> },
      { path: 'trade/declarations/:id', element: <DeclarationPage /> },
      { path: 'trade/queue', element: <TradePage tab="queue" /> },
      { path: 'trade/rules', element: <TradePage tab="rules" /> },
      { path: 'trade/fast-lane', element: <TradePage tab="fastLane" /> },
      { path: 'trade/tariff', element: <TradePage tab="tariff" /> },
      { path: 'trade/ecommerce', element: <TradePage tab="ecommerce" /> },
      { path: 'trade/overview', element: <TradePage tab="overview" /> },
      { path: 'bonded', element: bonded(<BondedPage tab="books" />) },
      { path: 'bonded/books/:id', element: bonded(<BondedBookRoute />) },
      { path: 'bonded/gate-passes', element: bonded(<BondedPage tab="gatePasses" />) },
      { path: 'bonded/consolidations', element: bonded(<BondedPage tab="consolidations" />) },
      { path: 'bonded/approvals', element: bonded(<BondedPage tab="approvals" />) },
      { path: 'bonded/check', element: bonded(<BondedPage tab="check" />) },
      { path: 'registry', element: <RegistryPage tab="enterprises" /> },
      { path: 'registry/apply', element: <RegistryPage tab="apply" /> },
      { path: 'registry/applications', element: <RegistryPage tab="applications" /> },
      { path: 'credit', element: <CreditPage /> },
      { path: 'credit/:id', element: <CreditPage /> },
      { path: 'investment', element: <CentrePage centre="investment" /> },
      { path: 'exchange', element: <CentrePage centre="exchange" /> },
      {
        path: 'cockpit',
        element: (
          <RoleGate roles={COCKPIT_ROLES}>
            <CockpitPage />
          </RoleGate>
        ),
      },
      { path: 'reference', element: <Navigate to="/reference/countries" replace /> },
      { path: 'reference/countries', element: <CountriesPage /> },
      { path: 'reference/locations', element: <LocationsPage /> },
      { path: 'reference/currencies', element: <CurrenciesPage /> },
      { path: 'admin', element: <Navigate to="/admin/api-keys" replace /> },
      {
        path: 'admin/users',
        element: (
          <RoleGate roles={USER_ADMIN_ROLES} allow={administersEnterpriseUsers}>
            <UsersPage />
          </RoleGate>
        ),
      },
      { path: 'admin/api-keys', element: <ApiKeysPage /> },
      { path: 'admin/webhooks', element: <WebhooksPage /> },
      { path: 'admin/audit', element: <AuditPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
