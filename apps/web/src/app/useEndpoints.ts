import { useEffect, useState } from 'react';
import { probeEndpoint } from '../lib/probeEndpoint.ts';
import { useAppState } from './AppState.tsx';

/**
 * Which of the given endpoints (`'POST /v1/subjects/{subjectId}/face'`) the server has, from its
 * OpenAPI document: `null` while loading, then the list of missing ones (empty when all exist).
 */
export function useMissingEndpoints(...endpoints: readonly string[]): string[] | null {
  const { loadCatalog } = useAppState();
  const [missing, setMissing] = useState<string[] | null>(null);
  const key = endpoints.join('|');
  useEffect(() => {
    let live = true;
    const wanted = key.split('|').filter((e) => e !== '');
    void loadCatalog()
      .then(async (have) => {
        if (have !== null) return wanted.filter((e) => !have.has(e));
        // No readable OpenAPI document: ask each endpoint directly (without side effects).
        const present = await Promise.all(wanted.map((e) => probeEndpoint(e).catch(() => false)));
        return wanted.filter((_, i) => present[i] !== true);
      })
      .then((m) => {
        if (live) setMissing(m);
      });
    return () => {
      live = false;
    };
  }, [key, loadCatalog]);
  return missing;
}
