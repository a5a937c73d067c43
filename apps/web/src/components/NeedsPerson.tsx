import type { ReactNode } from 'react';
import { useAppState } from '../app/AppState.tsx';
import { Link } from '../app/Link.tsx';

/** Shows `children` to a signed-in person; otherwise points to sign-in. */
export function NeedsPerson({ children }: { children: ReactNode }) {
  const { person } = useAppState();
  if (person === null)
    return (
      <p className="notice">
        Sign in first: <Link href="/">sign in with a passkey or your face</Link>, or let the <Link href="/connect">bank console</Link> start a session for you.
      </p>
    );
  return <>{children}</>;
}
