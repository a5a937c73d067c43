import { useId } from 'react';
import type { InputHTMLAttributes } from 'react';

/** A labelled input with an optional hint and error, wired with aria-describedby. */
export function Field({ label, hint, error, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string | undefined; error?: string | undefined }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy = [hint === undefined ? null : hintId, error === undefined ? null : errId].filter((x) => x !== null).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <input id={id} aria-invalid={error === undefined ? undefined : true} aria-describedby={describedBy === '' ? undefined : describedBy} {...input} />
      {error === undefined ? null : (
        <p className="error" id={errId}>
          {error}
        </p>
      )}
    </div>
  );
}
