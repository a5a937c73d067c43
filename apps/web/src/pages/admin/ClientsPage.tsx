import type { CreatedApiClient } from '@authloop/sdk';
import { useState } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { NeedsAdmin } from '../../components/NeedsAdmin.tsx';
import { RequiresEndpoints } from '../../components/RequiresEndpoints.tsx';
import { grantableScopes } from '../../lib/clientScopes.ts';
import { ClientList } from './parts/ClientList.tsx';
import { ClientSecretNotice } from './parts/ClientSecretNotice.tsx';
import { NewClientForm } from './parts/NewClientForm.tsx';

/** The tenant's API clients: list, create (the secret is shown once), disable. Needs `tenant:admin`. */
export default function ClientsPage() {
  return (
    <NeedsAdmin>
      <RequiresEndpoints feature="API client management" issue="operators, issue 6" endpoints={['GET /v1/clients', 'POST /v1/clients', 'POST /v1/clients/{clientId}/disable']}>
        <ApiClients />
      </RequiresEndpoints>
    </NeedsAdmin>
  );
}

function ApiClients() {
  const { adminApi } = useAppState();
  const [created, setCreated] = useState<CreatedApiClient | null>(null);
  const me = useLoad(adminApi === null ? null : 'me', async () => (adminApi === null ? null : adminApi.me.get()));
  const clients = useLoad(adminApi === null ? null : 'clients', async () => (adminApi === null ? [] : adminApi.clients.list()));
  if (adminApi === null) return null;
  const grantable = grantableScopes(me.data?.scopes ?? []);
  return (
    <>
      <p>
        Back-end services authenticate with an API client&apos;s id and secret at <code>/oauth/token</code>. A client gets only the scopes you give it, and you can give only scopes you hold.
      </p>
      {created === null ? null : <ClientSecretNotice client={created} onDone={() => setCreated(null)} />}
      <section className="card" aria-labelledby="clients-h">
        <h2 id="clients-h">Clients</h2>
        <ErrorText error={clients.error} />
        {clients.loading && clients.data === undefined ? <p aria-busy="true">Loading clients…</p> : null}
        {clients.data === undefined ? null : <ClientList clients={clients.data} self={me.data?.kind === 'client' ? me.data.id : null} disable={async (id) => {
          await adminApi.clients.disable(id);
          clients.reload();
        }} />}
      </section>
      <section className="card" aria-labelledby="new-client-h">
        <h2 id="new-client-h">New client</h2>
        <ErrorText error={me.error} />
        {me.data === undefined || me.data === null ? null : (
          <NewClientForm
            grantable={grantable}
            create={async (input) => {
              setCreated(await adminApi.clients.create(input));
              clients.reload();
            }}
          />
        )}
      </section>
    </>
  );
}
