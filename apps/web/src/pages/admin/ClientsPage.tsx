import { NeedsAdmin } from '../../components/NeedsAdmin.tsx';
import { RequiresEndpoints } from '../../components/RequiresEndpoints.tsx';

/** The tenant's API clients. */
export default function ClientsPage() {
  return (
    <NeedsAdmin>
      <RequiresEndpoints feature="API client management" issue="operators, issue 6" endpoints={['GET /v1/clients', 'POST /v1/clients']}>
        <p>Available.</p>
      </RequiresEndpoints>
    </NeedsAdmin>
  );
}
