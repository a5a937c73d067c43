import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MODEL_FILES, type ModelFile } from './modelManifest.ts';
import { sha256Hex } from './loadModelFiles.ts';

/** Options of {@link fetchModels}. */
export interface FetchModelsOptions {
  /** Destination models directory (created if missing). */
  readonly modelsDir: string;
  /** Try `${mirror}/${model.path}` before the upstream URLs (e.g. an internal artefact store). */
  readonly mirror?: string;
  /** Skip the upstream URLs (mirror only). Default false. */
  readonly mirrorOnly?: boolean;
  /** Per-request timeout in ms. Default 15 000. */
  readonly timeoutMs?: number;
  /** Injected fetch (default the global one). */
  readonly fetch?: typeof globalThis.fetch;
  /** Progress messages. */
  readonly log?: (message: string) => void;
}

/** Outcome per model file. */
export interface FetchModelsReport {
  readonly ok: boolean;
  readonly files: readonly {
    readonly id: string;
    readonly path: string;
    readonly status: 'present' | 'downloaded' | 'failed';
    readonly source?: string;
    readonly error?: string;
  }[];
}

async function hasValidFile(file: string, model: ModelFile): Promise<boolean> {
  try {
    return sha256Hex(await readFile(file)) === model.sha256;
  } catch {
    return false;
  }
}

async function download(url: string, model: ModelFile, fetchFn: typeof globalThis.fetch, timeoutMs: number): Promise<Uint8Array> {
  const res = await fetchFn(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const limit = model.bytes * 2 + 1_000_000;
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > limit) throw new Error(`response larger than expected (${declared} bytes)`);
  const out = new Uint8Array(await res.arrayBuffer());
  if (out.byteLength > limit) throw new Error(`response larger than expected (${out.byteLength} bytes)`);
  const actual = createHash('sha256').update(out).digest('hex');
  if (actual !== model.sha256) throw new Error(`SHA-256 ${actual} does not match the manifest (${model.sha256})`);
  return out;
}

/**
 * Downloads every model of the manifest that is missing or corrupt in `modelsDir` from the mirror (if
 * given) and then its upstream URLs, verifying SHA-256 before atomically moving each file into place.
 * Never throws for network failures: it reports them, so an offline install still succeeds and the
 * server falls back to the npm engine.
 */
export async function fetchModels({ modelsDir, mirror, mirrorOnly = false, timeoutMs = 15_000, fetch: fetchFn = globalThis.fetch, log = () => undefined }: FetchModelsOptions): Promise<FetchModelsReport> {
  const files: FetchModelsReport['files'][number][] = [];
  for (const model of MODEL_FILES) {
    const target = join(modelsDir, model.path);
    if (await hasValidFile(target, model)) {
      files.push({ id: model.id, path: model.path, status: 'present' });
      continue;
    }
    const urls = [...(mirror === undefined ? [] : [`${mirror.replace(/\/+$/, '')}/${model.path}`]), ...(mirrorOnly ? [] : model.urls)];
    const errors: string[] = [];
    let done = false;
    for (const url of urls) {
      try {
        const bytes = await download(url, model, fetchFn, timeoutMs);
        await mkdir(dirname(target), { recursive: true });
        const tmp = `${target}.${process.pid}.part`;
        await writeFile(tmp, bytes);
        await rename(tmp, target);
        log(`fetched ${model.path} from ${url}`);
        files.push({ id: model.id, path: model.path, status: 'downloaded', source: url });
        done = true;
        break;
      } catch (err) {
        errors.push(`${url}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (!done) {
      await rm(`${target}.${process.pid}.part`, { force: true });
      log(`could not fetch ${model.path}: ${errors.join('; ') || 'no source'}`);
      files.push({ id: model.id, path: model.path, status: 'failed', error: errors.join('; ') || 'no source URL' });
    }
  }
  return { ok: files.every((f) => f.status !== 'failed'), files };
}
