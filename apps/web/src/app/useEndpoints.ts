import { useEffect, useState } from 'react';
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
    void loadCatalog().then((have) => {
      if (live) setMissing(key.split('|').filter((e) => e !== '' && !have.has(e)));
    });
    return () => {
      live = false;
    };
  }, [key, loadCatalog]);
  return missing;
}
