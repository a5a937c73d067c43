import { describeError } from '../lib/describeError.ts';

/** An error for a person, announced to screen readers, with its code for support. */
export function ErrorText({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  const { message, code } = describeError(error);
  return (
    <p className="error" role="alert">
      {message}
      {code === undefined ? null : <span className="code"> ({code})</span>}
    </p>
  );
}
