import { useAppState } from '../../app/AppState.tsx';
import { Link } from '../../app/Link.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { NeedsPerson } from '../../components/NeedsPerson.tsx';
import { RequiresEndpoints } from '../../components/RequiresEndpoints.tsx';

/** My data: devices (passkeys), activity, consents, export, delete everything. */
export default function MyDataPage() {
  return (
    <NeedsPerson>
      <MyData />
    </NeedsPerson>
  );
}

function MyData() {
  const { personApi, person } = useAppState();
  const devices = useLoad(personApi === null ? null : `devices:${person?.subjectId ?? ''}`, async () => (personApi === null ? [] : personApi.passkeys.list()));
  return (
    <>
      <section className="card" aria-labelledby="dev-h">
        <h2 id="dev-h">Devices</h2>
        <p>The passkeys that can sign in as you. Manage them on the <Link href="/passkeys">passkeys page</Link>.</p>
        <ErrorText error={devices.error} />
        <ul data-testid="devices">
          {(devices.data ?? []).map((p) => (
            <li key={p.id}>
              {p.name} — {p.revoked ? 'revoked' : p.lastUsedAt === null ? 'not used yet' : `last used ${new Date(p.lastUsedAt).toLocaleString()}`}
            </li>
          ))}
        </ul>
        {devices.data?.length === 0 ? <p>No devices yet.</p> : null}
      </section>
      <section aria-labelledby="act-h">
        <h2 id="act-h">Activity, consents, export and erasure</h2>
        <RequiresEndpoints
          feature="Your activity, consents, data export and erasure"
          issue="privacy rights, issue 6"
          endpoints={['GET /v1/me/activity', 'GET /v1/me/consents', 'GET /v1/me/export', 'DELETE /v1/me']}
        >
          <p>Available.</p>
        </RequiresEndpoints>
      </section>
    </>
  );
}
