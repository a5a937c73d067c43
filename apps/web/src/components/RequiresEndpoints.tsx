import type { ReactNode } from 'react';
import { useMissingEndpoints } from '../app/useEndpoints.ts';
import { NotAvailable } from './NotAvailable.tsx';

/** Renders `children` only when the server has every endpoint; otherwise says which are missing. */
export function RequiresEndpoints({ feature, issue, endpoints, children }: { feature: string; issue: string; endpoints: readonly string[]; children: ReactNode }) {
  const missing = useMissingEndpoints(...endpoints);
  if (missing === null) return <p aria-busy="true">Checking what this server supports…</p>;
  if (missing.length > 0) return <NotAvailable feature={feature} missing={missing} issue={issue} />;
  return <>{children}</>;
}
