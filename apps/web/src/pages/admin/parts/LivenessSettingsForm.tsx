import type { LivenessChallenge, LivenessSettings, LivenessSettingsInput } from '@authloop/sdk';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ErrorText } from '../../../components/ErrorText.tsx';
import { Field } from '../../../components/Field.tsx';
import { ALL_CHALLENGES, checkLivenessSettings } from '../../../lib/livenessSettingsForm.ts';
import type { FieldProblem } from '../../../lib/livenessSettingsForm.ts';
import { challengePrompt } from '../../../lib/livenessText.ts';

const problemOf = (problems: readonly FieldProblem[], field: FieldProblem['field']) => problems.find((p) => p.field === field)?.message;

/**
 * The tenant's active-liveness settings as a form: which movements a session may ask for and how
 * many per session. Checked here first (see `checkLivenessSettings`), then by the server's schema.
 */
export function LivenessSettingsForm({ value, save }: { value: LivenessSettings | undefined; save: (v: LivenessSettingsInput) => Promise<unknown> }) {
  const [types, setTypes] = useState<readonly LivenessChallenge[]>([]);
  const [minCount, setMinCount] = useState('');
  const [maxCount, setMaxCount] = useState('');
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (value === undefined) return;
    setTypes(value.challengeTypes);
    setMinCount(String(value.minCount));
    setMaxCount(String(value.maxCount));
  }, [value]);

  const toggle = (c: LivenessChallenge, on: boolean) => setTypes((t) => (on ? [...t.filter((x) => x !== c), c] : t.filter((x) => x !== c)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    const checked = checkLivenessSettings({ challengeTypes: types, minCount, maxCount });
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      await save(checked.value);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const typesProblem = problemOf(problems, 'challengeTypes');
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="liveness-settings" noValidate>
      <fieldset aria-describedby={typesProblem === undefined ? undefined : 'liveness-types-problem'}>
        <legend>Movements a face check may ask for</legend>
        {ALL_CHALLENGES.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" name="challengeTypes" value={c} checked={types.includes(c)} onChange={(e) => toggle(c, e.target.checked)} disabled={value === undefined} /> {challengePrompt[c]}
          </label>
        ))}
        {typesProblem === undefined ? null : (
          <p className="error" id="liveness-types-problem">
            {typesProblem}
          </p>
        )}
      </fieldset>
      <div className="row">
        <Field label="Fewest per session" type="number" inputMode="numeric" min={1} max={4} value={minCount} onChange={(e) => setMinCount(e.target.value)} error={problemOf(problems, 'minCount')} disabled={value === undefined} />
        <Field label="Most per session" type="number" inputMode="numeric" min={1} max={4} value={maxCount} onChange={(e) => setMaxCount(e.target.value)} error={problemOf(problems, 'maxCount')} disabled={value === undefined} />
      </div>
      <div className="row">
        <button type="submit" disabled={busy || value === undefined}>
          {busy ? 'Saving…' : 'Save liveness settings'}
        </button>
        {saved ? (
          <span className="ok" role="status">
            Saved.
          </span>
        ) : null}
      </div>
      <ErrorText error={error} />
    </form>
  );
}
