import { useEffect, useState } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { Link } from '../../app/Link.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { NeedsPerson } from '../../components/NeedsPerson.tsx';

/** My data: devices (passkeys), activity, consents, export, delete everything. */
export default function MyDataPage() {
  return (
    <NeedsPerson>
      <MyData />
    </NeedsPerson>
  );
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v));

function MyData() {
  const { personApi, person, bankApi, setPerson } = useAppState();
  const subjectId = person?.subjectId ?? '';
  const devices = useLoad(personApi === null ? null : `devices:${subjectId}`, async () => (personApi === null ? [] : personApi.passkeys.list()));
  const mine = useLoad(personApi === null ? null : `export:${subjectId}`, async () => (personApi === null ? null : personApi.privacy.meExport()));
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [download, setDownload] = useState<string | null>(null);
  const [confirm, setConfirm] = useState('');
  useEffect(() => {
    if (mine.data === null || mine.data === undefined) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(mine.data, null, 2)], { type: 'application/json' }));
    setDownload(url);
    return () => URL.revokeObjectURL(url);
  }, [mine.data]);
  if (personApi === null || person === null) return null;

  const withdraw = async (purpose: string) => {
    setError(null);
    try {
      const r = await personApi.privacy.withdrawConsent(subjectId, purpose);
      const erased = Object.entries(r.erased).filter(([, n]) => n > 0).map(([k, n]) => `${n} from ${k}`);
      setNotice(`Consent for ${purpose} withdrawn.${erased.length === 0 ? '' : ` Erased: ${erased.join(', ')}.`}`);
      mine.reload();
    } catch (e) {
      setError(e);
    }
  };
  const eraseAll = async () => {
    if (bankApi === null) return;
    setError(null);
    try {
      await bankApi.privacy.erase(subjectId);
      setPerson(null);
    } catch (e) {
      setError(e);
    }
  };

  const activity = [...(mine.data?.audit ?? [])].reverse().slice(0, 50);
  const consents = mine.data?.consents ?? [];
  return (
    <>
      <ErrorText error={error ?? mine.error} />
      {notice === null ? null : (
        <p className="ok" role="status" data-testid="my-data-notice">
          {notice}
        </p>
      )}
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
      <section className="card" aria-labelledby="con-h">
        <h2 id="con-h">Consents</h2>
        <ul data-testid="consents">
          {consents.map((c) => {
            const purpose = str(c['purpose']);
            const active = c['withdrawnAt'] === null;
            return (
              <li key={str(c['id'])}>
                <strong>{purpose}</strong> — given {new Date(str(c['grantedAt'])).toLocaleString()} (notice {str(c['noticeVersion'])}){active ? '' : `, withdrawn ${new Date(str(c['withdrawnAt'])).toLocaleString()}`}{' '}
                {active ? (
                  <button type="button" className="secondary" onClick={() => void withdraw(purpose)}>
                    Withdraw consent for {purpose}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
        {mine.data !== undefined && consents.length === 0 ? <p>You have not given any consent.</p> : null}
      </section>
      <section className="card" aria-labelledby="act-h">
        <h2 id="act-h">Activity</h2>
        <p>What happened on your account, newest first (from the bank&apos;s tamper-evident audit log).</p>
        <ul data-testid="activity">
          {activity.map((a) => (
            <li key={str(a['seq'])}>
              {new Date(str(a['occurredAt'])).toLocaleString()}: <code>{str(a['action'])}</code> — {str(a['outcome'])}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="exp-h">
        <h2 id="exp-h">Export</h2>
        <p>Everything held about you, as JSON (records and metadata; biometric templates are never exported).</p>
        {download === null ? (
          <p aria-busy="true">Preparing…</p>
        ) : (
          <a className="button" href={download} download={`authloop-my-data-${subjectId}.json`} data-testid="export-link">
            Download my data
          </a>
        )}
      </section>
      <section className="card" aria-labelledby="del-h">
        <h2 id="del-h">Delete everything</h2>
        <p>Erases your face data, passkeys, sessions and payments at this bank and destroys your encryption key. This cannot be undone.</p>
        {bankApi === null ? (
          <p className="notice">Erasure is carried out by your bank. In this demo, connect the <Link href="/connect">bank console</Link> to erase.</p>
        ) : (
          <>
            <div className="field">
              <label htmlFor="erase-confirm">Type DELETE to confirm</label>
              <input id="erase-confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />
            </div>
            <button type="button" className="danger" disabled={confirm !== 'DELETE'} onClick={() => void eraseAll()}>
              Delete everything
            </button>
          </>
        )}
      </section>
    </>
  );
}
