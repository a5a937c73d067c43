import type { Transaction } from '@authloop/sdk';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { Link } from '../../app/Link.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';

/** The bank creates a payment for the person to approve (`POST /v1/transactions`). */
export function CreateTransaction({ subjectId }: { subjectId: string }) {
  const { bankApi } = useAppState();
  const [amount, setAmount] = useState('125.00');
  const [currency, setCurrency] = useState('EUR');
  const [payeeName, setPayeeName] = useState('ACME Ltd');
  const [account, setAccount] = useState('DE89370400440532013000');
  const [reference, setReference] = useState('INV-2026-0042');
  const [created, setCreated] = useState<Transaction | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (bankApi === null) return;
    setError(null);
    try {
      setCreated(await bankApi.transactions.create({ subjectId, amount: amount.trim(), currency: currency.trim().toUpperCase(), payee: { name: payeeName.trim(), account: account.trim() }, reference: reference.trim() }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="tx-h">
      <h3 id="tx-h">A payment to approve</h3>
      <Field label="Amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required pattern="[0-9]+(\.[0-9]{1,3})?" />
      <Field label="Currency" value={currency} onChange={(e) => setCurrency(e.target.value)} required maxLength={3} />
      <Field label="Payee name" value={payeeName} onChange={(e) => setPayeeName(e.target.value)} required />
      <Field label="Payee account" value={account} onChange={(e) => setAccount(e.target.value)} required />
      <Field label="Reference" value={reference} onChange={(e) => setReference(e.target.value)} required />
      <button type="submit">Create payment</button>
      {created === null ? null : (
        <p className="ok" role="status">
          Payment created. <Link href={`/approve/${created.id}`} data-testid="approve-link">Open it to approve</Link> (needs: {created.requires.join(' + ')}).
        </p>
      )}
      <ErrorText error={error} />
    </form>
  );
}
