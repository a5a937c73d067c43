import { RequiresEndpoints } from '../../components/RequiresEndpoints.tsx';

/** Creates a payment for the person to approve (issue 5's transactions API). */
export function CreateTransaction({ subjectId }: { subjectId: string }) {
  return (
    <RequiresEndpoints feature="Creating a payment to approve" issue="transactions, issue 5" endpoints={['POST /v1/transactions']}>
      <p>Payments for {subjectId} can be created here.</p>
    </RequiresEndpoints>
  );
}
