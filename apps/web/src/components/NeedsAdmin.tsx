import type { ReactNode } from 'react';
import { useAppState } from '../app/AppState.tsx';
import { Link } from '../app/Link.tsx';

/**
 * Shows `children` when the admin portal can call the API: as the signed-in operator, or else
 * (demo) with the bank console's API client credentials.
 */
export function NeedsAdmin({ children }: { children: ReactNode }) {
  const { adminApi } = useAppState();
  if (adminApi === null)
    return (
      <p className="notice">
        <Link href="/admin/sign-in">Sign in as an operator</Link> (create one with <code>npm run authloop -- admin create-operator</code>), or connect an API client in the <Link href="/connect">bank console</Link>.
      </p>
    );
  return <>{children}</>;
}
