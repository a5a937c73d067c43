import type { Subject } from '@authloop/sdk';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAppState } from '../../app/AppState.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Field } from '../../components/Field.tsx';
import { NeedsAdmin } from '../../components/NeedsAdmin.tsx';
import { SubjectFactors } from './parts/SubjectFactors.tsx';

/** Subjects: list (newest first), search by the bank's id, lock state and re-enable. */
export default function SubjectsPage() {
  return (
    <NeedsAdmin>
      <Subjects />
    </NeedsAdmin>
  );
}

function Subjects() {
  const { adminApi } = useAppState();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<Subject | null>(null);
  const page = useLoad(`subjects:${search}:${cursor ?? ''}`, async () => {
    if (adminApi === null) return { items: [] as Subject[], nextCursor: null };
    return search === '' ? adminApi.subjects.list({ limit: 25, ...(cursor === undefined ? {} : { cursor }) }) : adminApi.subjects.list({ externalId: search });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCursor(undefined);
    setSearch(query.trim());
  };
  return (
    <>
      <form onSubmit={submit} role="search" className="card">
        <Field label="Find by customer id (externalId)" value={query} onChange={(e) => setQuery(e.target.value)} type="search" />
        <button type="submit">Search</button>
      </form>
      <ErrorText error={page.error} />
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Subjects (scrollable)">
        <table data-testid="subjects">
          <thead>
            <tr>
              <th scope="col">Customer id</th>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Subject id</th>
              <th scope="col">Factors</th>
            </tr>
          </thead>
          <tbody>
            {(page.data?.items ?? []).map((s) => (
              <tr key={s.id}>
                <td>{s.externalId}</td>
                <td>{s.displayName ?? '–'}</td>
                <td>{new Date(s.createdAt).toLocaleString()}</td>
                <td>
                  <code>{s.id}</code>
                </td>
                <td>
                  <button type="button" className="secondary" onClick={() => setSelected(s)} aria-label={`Lock state of ${s.externalId}`}>
                    Lock state
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.data?.items.length === 0 ? <p>No subjects found.</p> : null}
      <div className="row">
        {cursor === undefined ? null : (
          <button type="button" className="secondary" onClick={() => setCursor(undefined)}>
            First page
          </button>
        )}
        {page.data?.nextCursor ? (
          <button type="button" className="secondary" onClick={() => setCursor(page.data?.nextCursor ?? undefined)}>
            Next page
          </button>
        ) : null}
      </div>
      <h2>Lock state and re-enable</h2>
      {selected === null ? <p>Choose “Lock state” on a subject to see its face enrolment and locked factors.</p> : <SubjectFactors key={selected.id} subject={selected} />}
    </>
  );
}
