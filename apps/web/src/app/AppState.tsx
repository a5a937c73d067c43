import { clientCredentials, createAuthloopClient, sessionTokens } from '@authloop/sdk';
import type { AuthloopClient, OperatorTokens, SessionTokenState, TokenProvider } from '@authloop/sdk';
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { readStored, writeStored } from '../lib/storage.ts';

/** A person's signed-in session as the app keeps it (sessionStorage). */
export interface PersonSession extends SessionTokenState {
  readonly subjectId: string;
}

/** An operator's signed-in session (sessionStorage); `refreshToken` is null when the server issued none. */
export interface OperatorSession {
  readonly email: string;
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly expiresAt: number;
}

/** The bank console's API client credentials (demo: the browser plays the bank's back end). */
export interface BankCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

interface AppStateValue {
  /** The tenant (bank) people sign in to. */
  readonly tenantId: string;
  readonly setTenantId: (id: string) => void;
  readonly bank: BankCredentials | null;
  readonly connectBank: (c: BankCredentials | null) => void;
  readonly person: PersonSession | null;
  readonly setPerson: (p: { subjectId: string; access_token: string; refresh_token: string; expires_in: number } | null) => void;
  readonly operator: OperatorSession | null;
  readonly setOperator: (o: { email: string; tokens: OperatorTokens } | null) => void;
  /** The signed-in operator (operator token, the role's scopes). */
  readonly operatorApi: AuthloopClient | null;
  /** What the admin portal calls with: the signed-in operator, else the bank console's API client. */
  readonly adminApi: AuthloopClient | null;
  /** Calls that need no token (passkey sign-in, ops). */
  readonly publicApi: AuthloopClient;
  /** The bank's back end (client credentials), when connected. */
  readonly bankApi: AuthloopClient | null;
  /** The signed-in person (session token, scope `self`). */
  readonly personApi: AuthloopClient | null;
  /** Method+path keys (`POST /v1/subjects/{subjectId}/face`) of the server's OpenAPI document, or null when it cannot be read. */
  readonly loadCatalog: () => Promise<ReadonlySet<string> | null>;
}

/** `METHOD /path` keys of an OpenAPI document's `paths`. */
function endpointKeys(doc: unknown): Set<string> {
  const keys = new Set<string>();
  const paths: unknown = typeof doc === 'object' && doc !== null && 'paths' in doc ? doc.paths : null;
  if (typeof paths !== 'object' || paths === null) return keys;
  for (const [path, ops] of Object.entries(paths as Record<string, unknown>)) {
    if (typeof ops === 'object' && ops !== null) for (const m of Object.keys(ops)) keys.add(`${m.toUpperCase()} ${path}`);
  }
  return keys;
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

const Ctx = createContext<AppStateValue | null>(null);

/** Holds who is using the app and the SDK clients for them. */
export function AppStateProvider({ children }: { children: ReactNode }) {
  const [tenantId, setTenantIdState] = useState(() => readStored(localStorage, 'authloop.tenantId') ?? '');
  const [bank, setBank] = useState<BankCredentials | null>(() => {
    const v = parseJson(readStored(sessionStorage, 'authloop.bank'));
    return typeof v === 'object' && v !== null && 'clientId' in v && 'clientSecret' in v && typeof v.clientId === 'string' && typeof v.clientSecret === 'string' ? { clientId: v.clientId, clientSecret: v.clientSecret } : null;
  });
  const [person, setPersonState] = useState<PersonSession | null>(() => {
    const v = parseJson(readStored(sessionStorage, 'authloop.person'));
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    return typeof o['subjectId'] === 'string' && typeof o['accessToken'] === 'string' && typeof o['refreshToken'] === 'string' && typeof o['expiresAt'] === 'number'
      ? { subjectId: o['subjectId'], accessToken: o['accessToken'], refreshToken: o['refreshToken'], expiresAt: o['expiresAt'] }
      : null;
  });
  const [operator, setOperatorState] = useState<OperatorSession | null>(() => {
    const v = parseJson(readStored(sessionStorage, 'authloop.operator'));
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    const refresh = o['refreshToken'];
    return typeof o['email'] === 'string' && typeof o['accessToken'] === 'string' && (typeof refresh === 'string' || refresh === null) && typeof o['expiresAt'] === 'number'
      ? { email: o['email'], accessToken: o['accessToken'], refreshToken: refresh, expiresAt: o['expiresAt'] }
      : null;
  });
  const catalog = useRef<Promise<ReadonlySet<string> | null> | null>(null);

  const setTenantId = useCallback((id: string) => {
    setTenantIdState(id);
    writeStored(localStorage, 'authloop.tenantId', id === '' ? null : id);
  }, []);
  const connectBank = useCallback((c: BankCredentials | null) => {
    setBank(c);
    writeStored(sessionStorage, 'authloop.bank', c === null ? null : JSON.stringify(c));
  }, []);
  const storePerson = useCallback((p: PersonSession | null) => {
    setPersonState(p);
    writeStored(sessionStorage, 'authloop.person', p === null ? null : JSON.stringify(p));
  }, []);
  const setPerson = useCallback<AppStateValue['setPerson']>(
    (t) => storePerson(t === null ? null : { subjectId: t.subjectId, accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: Date.now() + t.expires_in * 1000 }),
    [storePerson],
  );

  const setOperator = useCallback<AppStateValue['setOperator']>((o) => {
    const session = o === null ? null : { email: o.email, accessToken: o.tokens.access_token, refreshToken: o.tokens.refresh_token, expiresAt: Date.now() + o.tokens.expires_in * 1000 };
    setOperatorState(session);
    writeStored(sessionStorage, 'authloop.operator', session === null ? null : JSON.stringify(session));
  }, []);

  const publicApi = useMemo(() => createAuthloopClient(), []);
  const bankApi = useMemo(() => (bank === null ? null : createAuthloopClient({ token: clientCredentials({ clientId: bank.clientId, clientSecret: bank.clientSecret }) })), [bank]);
  const personApi = useMemo(() => {
    if (person === null) return null;
    const { subjectId } = person;
    const provider = sessionTokens({
      accessToken: person.accessToken,
      refreshToken: person.refreshToken,
      expiresIn: Math.max(0, (person.expiresAt - Date.now()) / 1000),
      onChange: (s) => writeStored(sessionStorage, 'authloop.person', JSON.stringify({ ...s, subjectId })),
    });
    return createAuthloopClient({ token: provider });
    // `person` changes on sign-in and sign-out only; token rotations stay inside the provider.
  }, [person]);

  const operatorApi = useMemo(() => {
    if (operator === null) return null;
    const { email, accessToken, refreshToken, expiresAt } = operator;
    const provider: TokenProvider =
      refreshToken === null
        ? { token: async () => accessToken }
        : sessionTokens({
            accessToken,
            refreshToken,
            expiresIn: Math.max(0, (expiresAt - Date.now()) / 1000),
            onChange: (s) => writeStored(sessionStorage, 'authloop.operator', JSON.stringify({ ...s, email })),
          });
    return createAuthloopClient({ token: provider });
    // `operator` changes on sign-in and sign-out only; token rotations stay inside the provider.
  }, [operator]);
  const adminApi = operatorApi ?? bankApi;

  const loadCatalog = useCallback(() => {
    catalog.current ??= fetch('/docs/json')
      .then(async (r): Promise<unknown> => (r.ok ? r.json() : null))
      .then((doc) => (doc === null ? null : endpointKeys(doc)))
      .catch(() => null);
    return catalog.current;
  }, []);

  const value = useMemo<AppStateValue>(
    () => ({ tenantId, setTenantId, bank, connectBank, person, setPerson, operator, setOperator, operatorApi, adminApi, publicApi, bankApi, personApi, loadCatalog }),
    [tenantId, setTenantId, bank, connectBank, person, setPerson, operator, setOperator, operatorApi, adminApi, publicApi, bankApi, personApi, loadCatalog],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The app state; only inside {@link AppStateProvider}. */
export function useAppState(): AppStateValue {
  const v = useContext(Ctx);
  if (v === null) throw new Error('useAppState outside AppStateProvider');
  return v;
}
