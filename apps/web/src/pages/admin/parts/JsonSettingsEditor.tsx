import { useEffect, useId, useState } from 'react';
import { ErrorText } from '../../../components/ErrorText.tsx';
import { parseJsonText, validationIssues } from '../../../lib/validationIssues.ts';

/**
 * Edits a settings document as JSON: checks the syntax before sending, then shows the server's
 * validation issues by path (the server's zod schema is the single source of the rules).
 */
export function JsonSettingsEditor<T>({ label, hint, value, save, testId }: { label: string; hint: string; value: T | undefined; save: (v: unknown) => Promise<unknown>; testId: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const [syntax, setSyntax] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (value !== undefined) setText(JSON.stringify(value, null, 2));
  }, [value]);
  const issues = validationIssues(error);

  const submit = async () => {
    setSaved(null);
    setError(null);
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      setSyntax(parsed.message);
      return;
    }
    setSyntax(null);
    setBusy(true);
    try {
      await save(parsed.value);
      setSaved('Saved.');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid={testId}>
      <label className="block" htmlFor={id}>
        {label}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <textarea id={id} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} aria-describedby={`${id}-hint`} aria-invalid={syntax !== null || issues.length > 0 ? true : undefined} />
      <div className="row">
        <button type="button" onClick={() => void submit()} disabled={busy || value === undefined}>
          {busy ? 'Saving…' : `Save ${label.toLowerCase()}`}
        </button>
        {saved === null ? null : (
          <span className="ok" role="status">
            {saved}
          </span>
        )}
      </div>
      {syntax === null ? null : (
        <p className="error" role="alert">
          {syntax}
        </p>
      )}
      <ErrorText error={error} />
      {issues.length === 0 ? null : (
        <ul className="error" data-testid={`${testId}-issues`}>
          {issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
