import { isAuthloopError } from '@authloop/sdk';

/** One problem the server found in a body (`VALIDATION_FAILED`/`UNKNOWN_FIELD` details). */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/** The server's validation issues of an error, with dotted paths; empty when it carries none. */
export function validationIssues(error: unknown): ValidationIssue[] {
  if (!isAuthloopError(error)) return [];
  const issues = error.details?.['issues'];
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i: unknown) => {
    if (typeof i !== 'object' || i === null) return [];
    const r = i as Record<string, unknown>;
    const raw = r['path'];
    const path = Array.isArray(raw) ? raw.map(String).join('.') : typeof raw === 'string' ? raw.replace(/^\//, '').replaceAll('/', '.') : '';
    return [{ path: path === '' ? '(whole document)' : path, message: typeof r['message'] === 'string' ? r['message'] : 'invalid' }];
  });
}

/** Parses the editor's text: the value, or a sentence saying where the JSON is broken. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `This is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}
