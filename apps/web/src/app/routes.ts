import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';

/** Props every page gets: the parameters of its route. */
export interface PageProps {
  readonly params: Readonly<Record<string, string>>;
}

/** One screen of the app, loaded on demand. */
export interface RouteDef {
  readonly path: string;
  readonly title: string;
  readonly area: 'person' | 'admin' | 'bank';
  /** Shown in the navigation when set. */
  readonly nav?: string;
  readonly page: LazyExoticComponent<ComponentType<PageProps>>;
}

/** Every route; each page is its own chunk so the sign-in route stays small. */
export const routes: readonly RouteDef[] = [
  { path: '/', title: 'Sign in', area: 'person', nav: 'Sign in', page: lazy(() => import('../pages/person/SignInPage.tsx')) },
  { path: '/enrol', title: 'Enrol your face', area: 'person', nav: 'Enrol face', page: lazy(() => import('../pages/person/EnrolPage.tsx')) },
  { path: '/passkeys', title: 'Passkeys', area: 'person', nav: 'Passkeys', page: lazy(() => import('../pages/person/PasskeysPage.tsx')) },
  { path: '/approve', title: 'Approve a payment', area: 'person', nav: 'Approve payment', page: lazy(() => import('../pages/person/ApprovePage.tsx')) },
  { path: '/approve/:transactionId', title: 'Approve a payment', area: 'person', page: lazy(() => import('../pages/person/ApprovePage.tsx')) },
  { path: '/my-data', title: 'My data', area: 'person', nav: 'My data', page: lazy(() => import('../pages/person/MyDataPage.tsx')) },
  { path: '/connect', title: 'Bank console', area: 'bank', nav: 'Bank console', page: lazy(() => import('../pages/bank/ConnectPage.tsx')) },
  { path: '/admin', title: 'Dashboard', area: 'admin', nav: 'Dashboard', page: lazy(() => import('../pages/admin/DashboardPage.tsx')) },
  { path: '/admin/sign-in', title: 'Operator sign-in', area: 'admin', page: lazy(() => import('../pages/admin/OperatorSignInPage.tsx')) },
  { path: '/admin/subjects', title: 'Subjects', area: 'admin', nav: 'Subjects', page: lazy(() => import('../pages/admin/SubjectsPage.tsx')) },
  { path: '/admin/audit', title: 'Audit log', area: 'admin', nav: 'Audit log', page: lazy(() => import('../pages/admin/AuditPage.tsx')) },
  { path: '/admin/settings', title: 'Tenant settings and policy', area: 'admin', nav: 'Settings', page: lazy(() => import('../pages/admin/SettingsPage.tsx')) },
  { path: '/admin/clients', title: 'API clients', area: 'admin', nav: 'API clients', page: lazy(() => import('../pages/admin/ClientsPage.tsx')) },
];
