/**
 * `npm run models:fetch [-- --dir DIR] [--mirror URL]`: downloads the ONNX face models into the models
 * directory (default `$AUTHLOOP_MODELS_DIR` or `./models`), each verified by SHA-256. Always exits 0:
 * without network the server runs the npm-packaged engine and says so in its logs.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fetchModels } from '@authloop/engine';

const { values } = parseArgs({ options: { dir: { type: 'string' }, mirror: { type: 'string' }, timeout: { type: 'string' } } });
const modelsDir = resolve(values.dir ?? process.env.AUTHLOOP_MODELS_DIR ?? 'models');
const mirror = values.mirror ?? process.env.AUTHLOOP_MODELS_MIRROR;
const report = await fetchModels({
  modelsDir,
  ...(mirror === undefined ? {} : { mirror }),
  timeoutMs: Number(values.timeout ?? 15_000),
  log: (m) => process.stdout.write(`models: ${m}\n`),
});
if (report.ok) {
  process.stdout.write(`models: all ${report.files.length} ONNX models verified in ${modelsDir}. Start with AUTHLOOP_MODELS_DIR=${modelsDir} to use them.\n`);
} else {
  const missing = report.files.filter((f) => f.status === 'failed').map((f) => f.path);
  process.stdout.write(
    `models: could not fetch ${missing.join(', ')} (offline or upstream moved). This is not an error: the server will run the npm-packaged face engine (lower accuracy, no passive PAD). Copy the files into ${modelsDir} or pass --mirror URL and run "npm run models:fetch" again.\n`,
  );
}
