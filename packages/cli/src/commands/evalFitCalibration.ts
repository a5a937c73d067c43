import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  analyzeFiles, createOnnxFaceEngine, equalErrorRate, fitFaceCalibration, tarAtFar, lfwImageRoot, MODEL_MANIFEST, onnxTemplateVersion, parseLfwPairs, parsePadLabels, specFeatures,
  type FaceCalibration, type FaceTemplate, type FusionSpec, type PadSample, type TemplatePair,
} from '@authloop/engine';
import { progress } from './evalEngine.ts';

/** Calibration used only while fitting: identity mapping (the raw vectors are what matter). */
function bootstrapCalibration(version: string): FaceCalibration {
  return {
    schema: 'authloop/face-calibration@2', version: 'bootstrap', engine: 'onnx',
    fittedOn: { dataset: 'none', pairs: 0, method: 'identity', command: 'none' },
    models: [{ name: 'bootstrap', recognisers: [{ model: MODEL_MANIFEST.recogniser.id, version }], terms: [{ model: MODEL_MANIFEST.recogniser.id, feature: 'cosine', mean: 0, std: 1, weight: 1 }], intercept: 0, threshold: 0.5 }],
    pad: { threshold: 0.5, targetBpcer: 0, fittedOn: 'none' },
  };
}

/** The ONNX engine's fusion models, most demanding first. */
export function onnxFusionSpecs(): FusionSpec[] {
  const model = MODEL_MANIFEST.recogniser.id;
  const recognisers = [{ model, version: onnxTemplateVersion(true) }];
  return [
    {
      name: 'mobilefacenet-quality-aware',
      recognisers,
      features: [{ model, feature: 'cosine' }, { model, feature: 'min-magnitude' }, { model, feature: 'cosine-x-min-magnitude' }],
    },
    { name: 'mobilefacenet-cosine', recognisers, features: [{ model, feature: 'cosine' }] },
  ];
}

/**
 * `authloop eval fit-calibration`: fits the ONNX engine's calibration file (logistic score
 * calibration on LFW pairs, PAD threshold for a target BPCER on NUAA) and writes the per-pair
 * features and per-image live scores it was fitted on next to it (`*.lfw-features.csv`,
 * `*.pad-scores.csv`), with the cross-validated accuracy of the same procedure.
 */
export function registerFitCalibrationCommand(evalCmd: Command): void {
  evalCmd
    .command('fit-calibration')
    .description('Fit the ONNX calibration file (score calibration on LFW, PAD threshold on NUAA)')
    .requiredOption('--lfw <dir>', 'LFW folder with pairs.txt')
    .requiredOption('--nuaa <dir>', 'NUAA-style folder with labels.csv')
    .requiredOption('--out <file>', 'calibration JSON to write')
    .option('--models <dir>', 'ONNX models directory (default $AUTHLOOP_MODELS_DIR)')
    .option('--version <v>', 'calibration version', 'onnx-1')
    .option('--target-bpcer <rate>', 'PAD threshold for this BPCER on the NUAA set', '0.05')
    .action(async (opts: { lfw: string; nuaa: string; out: string; models?: string; version: string; targetBpcer: string }) => {
      const modelsDir = opts.models ?? process.env.AUTHLOOP_MODELS_DIR;
      if (modelsDir === undefined) throw new Error('fit-calibration needs --models DIR or AUTHLOOP_MODELS_DIR');
      const engine = await createOnnxFaceEngine({ modelsDir, calibration: bootstrapCalibration(onnxTemplateVersion(true)) });
      try {
        const pairs = parseLfwPairs(await readFile(join(opts.lfw, 'pairs.txt'), 'utf8'));
        const root = lfwImageRoot(opts.lfw);
        const files = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
        const lfw = await analyzeFiles({ engine, files: files.map((f) => join(root, f)), analyze: { pad: false }, concurrency: 4, onProgress: progress('lfw') });
        const tpl = (f: string): FaceTemplate | null => { const r = lfw.get(join(root, f)); return r?.ok === true ? r.analysis.template : null; };
        const templatePairs: TemplatePair[] = pairs.map((p) => ({ fold: p.fold, same: p.same, a: tpl(p.a), b: tpl(p.b) }));

        const labels = parsePadLabels(await readFile(join(opts.nuaa, 'labels.csv'), 'utf8'));
        const nuaa = await analyzeFiles({ engine, files: labels.map((l) => join(opts.nuaa, l.path)), analyze: { pad: true }, concurrency: 4, onProgress: progress('nuaa') });
        const samples: PadSample[] = labels.map((l) => {
          const r = nuaa.get(join(opts.nuaa, l.path));
          return { path: l.path, subject: l.subject, bonaFide: l.bonaFide, score: r?.ok === true ? r.analysis.liveness.score : null };
        });
        const specs = onnxFusionSpecs();
        const command = `npx authloop eval fit-calibration --lfw ${opts.lfw} --nuaa ${opts.nuaa} --out ${opts.out} --version ${opts.version} --target-bpcer ${opts.targetBpcer}`;
        const fitted = fitFaceCalibration({
          version: opts.version, engine: 'onnx', specs, pairs: templatePairs,
          pad: { samples, targetBpcer: Number(opts.targetBpcer), fittedOn: `NUAA shared subjects (${samples.length} images), highest threshold with BPCER <= ${opts.targetBpcer}` },
          dataset: `LFW View-2 (${new Set(pairs.map((p) => p.fold)).size} folds, ${pairs.length} pairs)`,
          command,
        });
        const out = resolve(opts.out);
        await mkdir(dirname(out), { recursive: true });
        await writeFile(out, `${JSON.stringify(fitted.calibration, null, 2)}\n`);
        const base = out.replace(/\.json$/, '');
        const rich = specs[0];
        const header = rich === undefined ? [] : rich.features.map((f) => `${f.model}:${f.feature}`);
        const rows = templatePairs.map((p, i) => {
          const x = rich === undefined ? null : specFeatures(rich, p.a, p.b);
          const src = pairs[i];
          return `${p.fold},${p.same ? 1 : 0},${src?.a ?? ''},${src?.b ?? ''},${x === null ? header.map(() => 'NA').join(',') : x.map((v) => v.toFixed(6)).join(',')}`;
        });
        await writeFile(`${base}.lfw-features.csv`, [`fold,same,a,b,${header.join(',')}`, ...rows].join('\n') + '\n');
        await writeFile(`${base}.pad-scores.csv`, ['path,subject,bona_fide,live_score', ...samples.map((s) => `${s.path},${s.subject},${s.bonaFide ? 1 : 0},${s.score?.toFixed(6) ?? 'NA'}`)].join('\n') + '\n');
        const cv = Object.fromEntries(Object.entries(fitted.crossValidated).map(([k, v]) => [k, { accuracy: v.accuracy, foldAccuracies: v.foldAccuracies, heldOutEer: equalErrorRate(v.scores), heldOutTarAtFar1e3: tarAtFar(v.scores, 1e-3).tar }]));
        process.stdout.write(`${JSON.stringify({ calibration: out, crossValidated: cv, padThreshold: fitted.calibration.pad?.threshold ?? null })}\n`);
      } finally {
        await engine.close();
      }
    });
}
