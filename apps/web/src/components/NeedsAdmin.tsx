import type { ReactNode } from 'react';
import { useAppState } from '../app/AppState.tsx';
import { Link } from '../app/Link.tsx';

/**
 * Shows `children` when the bank console holds API client credentials. Operators sign in with
 * their own accounts once the operators API (issue 6) lands; until then the portal uses the
 * tenant's API client.
 */
export function NeedsBank({ children }: { children: ReactNode }) {
  const { bankApi } = useAppState();
  if (bankApi === null)
    return (
      <p className="notice">
        Connect an API client first in the <Link href="/connect">bank console</Link> (create one with <code>npm run authloop -- admin bootstrap</code>).
      </p>
    );
  return <>{children}</>;
}
