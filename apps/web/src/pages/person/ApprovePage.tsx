import type { PageProps } from '../../app/routes.ts';
import { NeedsPerson } from '../../components/NeedsPerson.tsx';
import { RequiresEndpoints } from '../../components/RequiresEndpoints.tsx';

/** Approve a payment: amount and payee large, approve with a passkey (and face when the policy asks). */
export default function ApprovePage({ params }: PageProps) {
  return (
    <NeedsPerson>
      <RequiresEndpoints feature="Payment approval" issue="transactions, issue 5" endpoints={['GET /v1/transactions/{transactionId}', 'POST /v1/transactions/{transactionId}/approve']}>
        <p>Transaction {params['transactionId'] ?? ''}</p>
      </RequiresEndpoints>
    </NeedsPerson>
  );
}
