import type { AuthloopClient, Passkey } from '@authloop/sdk';
import { useState } from 'react';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';

/** One passkey with rename and revoke. */
export function PasskeyRow({ passkey, api, onChange }: { passkey: Passkey; api: AuthloopClient; onChange: () => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(passkey.name);
  const [error, setError] = useState<unknown>(null);
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      setEditing(false);
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  const used = passkey.lastUsedAt === null ? 'never used' : `last used ${new Date(passkey.lastUsedAt).toLocaleString()}`;
  return (
    <li>
      <strong>{passkey.name}</strong> · {passkey.deviceType === 'multiDevice' ? 'synced' : 'this device only'} · added {new Date(passkey.createdAt).toLocaleDateString()} · {used}
      {passkey.flagged ? <span className="badge bad"> flagged: possible clone</span> : null}
      {passkey.revoked ? <span className="badge bad"> revoked</span> : null}
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => api.passkeys.rename(passkey.id, name.trim()));
          }}
        >
          <Field label={`New name for ${passkey.name}`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
          <div className="row">
            <button type="submit">Save</button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : passkey.revoked ? null : (
        <div className="row">
          <button type="button" className="secondary" onClick={() => setEditing(true)} aria-label={`Rename ${passkey.name}`}>
            Rename
          </button>
          <button type="button" className="danger" onClick={() => void act(() => api.passkeys.revoke(passkey.id))} aria-label={`Revoke ${passkey.name}`}>
            Revoke
          </button>
        </div>
      )}
      <ErrorText error={error} />
    </li>
  );
}
