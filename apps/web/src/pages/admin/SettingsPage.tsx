import { NeedsBank } from '../../components/NeedsBank.tsx';
import { RequiresEndpoints } from '../../components/RequiresEndpoints.tsx';

/** Tenant settings and policy editing with validation. */
export default function SettingsPage() {
  return (
    <NeedsBank>
      <RequiresEndpoints feature="Tenant settings and policy" issue="policy and risk, issue 6" endpoints={['GET /v1/policy', 'PUT /v1/policy']}>
        <p>Available.</p>
      </RequiresEndpoints>
    </NeedsBank>
  );
}
