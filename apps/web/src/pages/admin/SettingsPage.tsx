import { useAppState } from '../../app/AppState.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { NeedsAdmin } from '../../components/NeedsAdmin.tsx';
import { JsonSettingsEditor } from './parts/JsonSettingsEditor.tsx';
import { LivenessSettingsForm } from './parts/LivenessSettingsForm.tsx';

/** Tenant settings and policy editing, validated by the server's schemas. */
export default function SettingsPage() {
  return (
    <NeedsAdmin>
      <Settings />
    </NeedsAdmin>
  );
}

function Settings() {
  const { adminApi } = useAppState();
  const policy = useLoad(adminApi === null ? null : 'policy', async () => (adminApi === null ? null : adminApi.policy.get()));
  const face = useLoad(adminApi === null ? null : 'face-settings', async () => (adminApi === null ? null : adminApi.face.settings()));
  const liveness = useLoad(adminApi === null ? null : 'liveness-settings', async () => (adminApi === null ? null : adminApi.liveness.settings()));
  if (adminApi === null) return null;
  return (
    <>
      <section className="card" aria-labelledby="policy-h">
        <h2 id="policy-h">Policy</h2>
        <p>
          Version <strong data-testid="policy-version">{policy.data?.version ?? '…'}</strong>. Factors per action, payment rules by amount, target false-match rate, lockout, liveness, risk and privacy. Every
          change is stored as a new version and audited.
        </p>
        <ErrorText error={policy.error} />
        <JsonSettingsEditor
          label="Policy"
          hint="JSON. Payment rules are tried in order; the first whose currency and limit match decides."
          value={policy.data?.policy}
          testId="policy-editor"
          save={async (v) => {
            // The server validates the whole document against its policy schema and answers the issues.
            await adminApi.policy.set(v as Parameters<typeof adminApi.policy.set>[0]);
            policy.reload();
          }}
        />
      </section>
      <section className="card" aria-labelledby="face-h">
        <h2 id="face-h">Face settings</h2>
        <ErrorText error={face.error} />
        <JsonSettingsEditor
          label="Face settings"
          hint="JSON. Minimum pictures to enrol, whether verification needs a live face, thresholds, adaptive updates."
          value={face.data ?? undefined}
          testId="face-settings-editor"
          save={async (v) => {
            await adminApi.face.updateSettings(v as Parameters<typeof adminApi.face.updateSettings>[0]);
            face.reload();
          }}
        />
      </section>
      <section className="card" aria-labelledby="liveness-h">
        <h2 id="liveness-h">Liveness check</h2>
        <p className="hint">Each face check asks the person for a random sequence of these movements, in a random order.</p>
        <ErrorText error={liveness.error} />
        <LivenessSettingsForm
          value={liveness.data ?? undefined}
          save={async (v) => {
            await adminApi.liveness.updateSettings(v);
            liveness.reload();
          }}
        />
      </section>
    </>
  );
}
