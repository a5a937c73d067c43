import { AuthloopError } from '../../src/index.ts';

/** The code of the {@link AuthloopError} `p` rejects with, or `'OK'` when it resolves; any other error is thrown on. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AuthloopError) return e.code;
    throw e;
  }
  return 'OK';
}
