import type { AuditQuery } from '@authloop/sdk';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { NeedsAdmin } from '../../components/NeedsAdmin.tsx';
import { auditFilterErrors, toAuditQuery } from '../../lib/auditFilters.ts';
import type { AuditFilterForm } from '../../lib/auditFilters.ts';

/** The tenant's audit log: chain verification status, filters, pages, export. */
export default function AuditPage() {
  return (
    <NeedsAdmin>
      <Audit />
    </NeedsAdmin>
  );
}

const empty: AuditFilterForm = { from: '', to: '', action: '', outcome: '', subjectId: '' };

function Audit() {
  const { adminApi } = useAppState();
  const [form, setForm] = useState<AuditFilterForm>(empty);
  const [query, setQuery] = useState<AuditQuery>({});
  const [after, setAfter] = useState<number[]>([]);
  const [exportError, setExportError] = useState<unknown>(null);
  const verify = useLoad('verify', async () => (adminApi === null ? null : adminApi.audit.verify()));
  const last = after.at(-1);
  const events = useLoad(`events:${JSON.stringify(query)}:${last ?? 0}`, async () => (adminApi === null ? null : adminApi.audit.events({ ...query, limit: 50, ...(last === undefined ? {} : { after: last }) })));
  const errors = auditFilterErrors(form);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(errors).length > 0) return;
    setAfter([]);
    setQuery(toAuditQuery(form));
  };
  const download = async (format: 'jsonl' | 'csv') => {
    if (adminApi === null) return;
    setExportError(null);
    try {
      const text = await adminApi.audit.export({ ...query, format });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/x-ndjson' }));
      a.download = `audit.${format}`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (err) {
      setExportError(err);
    }
  };
  const set = (k: keyof AuditFilterForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const v = verify.data;
  return (
    <>
      <section className="card" aria-labelledby="chain-h" aria-live="polite">
        <h2 id="chain-h">Chain verification</h2>
        {verify.loading ? <p aria-busy="true">Verifying the whole chain…</p> : null}
        <ErrorText error={verify.error} />
        {v === null || v === undefined ? null : (
          <p data-testid="chain-status">
            <span className={`badge ${v.valid ? 'good' : 'bad'}`}>{v.valid ? 'Intact' : 'Broken'}</span> {v.records} records checked, {v.checkpointsVerified} signed checkpoints verified (anchored through #{v.anchoredThrough}).
            {v.firstBad === null ? null : (
              <strong>
                {' '}
                First bad record: #{v.firstBad.seq} ({v.firstBad.problem}): {v.firstBad.message}
              </strong>
            )}
          </p>
        )}
        <button type="button" className="secondary" onClick={verify.reload}>
          Verify again
        </button>
      </section>
      <form className="card" onSubmit={apply} aria-labelledby="filter-h">
        <h2 id="filter-h">Filters</h2>
        <Field label="From" type="datetime-local" value={form.from} onChange={set('from')} error={errors.from} />
        <Field label="To" type="datetime-local" value={form.to} onChange={set('to')} error={errors.to} />
        <Field label="Action" hint='Exact, or a prefix like "passkey.*"' value={form.action} onChange={set('action')} error={errors.action} spellCheck={false} />
        <div className="field">
          <label className="block" htmlFor="outcome">
            Outcome
          </label>
          <select id="outcome" value={form.outcome} onChange={set('outcome')}>
            <option value="">Any</option>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
            <option value="denied">Denied</option>
            <option value="error">Error</option>
          </select>
        </div>
        <Field label="Subject id" value={form.subjectId} onChange={set('subjectId')} error={errors.subjectId} spellCheck={false} />
        <div className="row">
          <button type="submit">Apply filters</button>
          <button type="button" className="secondary" onClick={() => void download('jsonl')}>
            Export JSON lines
          </button>
          <button type="button" className="secondary" onClick={() => void download('csv')}>
            Export CSV
          </button>
        </div>
        <ErrorText error={exportError} />
      </form>
      <ErrorText error={events.error} />
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Audit records (scrollable)">
        <table data-testid="audit-events">
          <caption className="sr-only">Audit records, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Outcome</th>
              <th scope="col">Actor</th>
              <th scope="col">Subject (pseudonym)</th>
            </tr>
          </thead>
          <tbody>
            {(events.data?.items ?? []).map((r) => (
              <tr key={r.seq}>
                <td>{r.seq}</td>
                <td>{new Date(r.occurredAt).toLocaleString()}</td>
                <td>{r.action}</td>
                <td>{r.outcome}</td>
                <td>{r.actorType}</td>
                <td>
                  <code>{r.subjectRef?.slice(0, 12) ?? '–'}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events.data?.items.length === 0 ? <p>No records match.</p> : null}
      <div className="row">
        {after.length > 0 ? (
          <button type="button" className="secondary" onClick={() => setAfter((a) => a.slice(0, -1))}>
            Previous page
          </button>
        ) : null}
        {events.data?.nextAfter !== null && events.data?.nextAfter !== undefined ? (
          <button type="button" className="secondary" onClick={() => setAfter((a) => (events.data?.nextAfter == null ? a : [...a, events.data.nextAfter]))}>
            Next page
          </button>
        ) : null}
      </div>
    </>
  );
}
