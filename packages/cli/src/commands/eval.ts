import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  compareTemplates, evaluateIdentification, evaluateLfwVerification, evaluatePad, parseCalibration, renderDetSvg, type FaceTemplate,
} from '@authloop/engine';
import { createEvalEngine, progress, type EvalEngineOptions } from './evalEngine.ts';
import { evalFaceResult } from './evalFaceResult.ts';
import { evalPadResult } from './evalPadResult.ts';
import { registerFitCalibrationCommand } from './evalFitCalibration.ts';

const pct = (v: number, digits = 2): string => `${(v * 100).toFixed(digits)} %`;

async function writeText(file: string, text: string): Promise<string> {
  const path = resolve(file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return path;
}

function engineOptions(cmd: Command): Command {
  return cmd
    .option('--engine <name>', 'auto | onnx | npm', 'auto')
    .option('--models <dir>', 'ONNX models directory (default $AUTHLOOP_MODELS_DIR)')
    .option('--pool <n>', 'worker threads (default: cores)');
}

/**
 * Registers `authloop eval face|pad|identify|fit-calibration`: the evaluation tools by which the
 * engine's accuracy is judged (see docs/models.md for the protocols and measured figures).
 */
export function registerEvalCommands(program: Command): void {
  const evalCmd = program.command('eval').description('Measure the face engine on evaluation data');

  engineOptions(
    evalCmd
      .command('face')
      .description('LFW 1:1 verification, View-2 protocol (threshold chosen on the other folds)')
      .requiredOption('--lfw <dir>', 'folder with pairs.txt and NAME/NAME_NNNN.jpg (or lfw-deepfunneled/)')
      .option('--calibration <file>', 'apply this calibration file and its threshold instead of cross-validation')
      .option('--plot <file>', 'DET plot (SVG)', 'bench/results/eval-face-det.svg')
      .option('--out <file>', 'summary and ROC points (JSON, read by the admin dashboard)', 'bench/results/eval-face.json')
      .option('--json', 'print one JSON object'),
  ).action(async (opts: EvalEngineOptions & { lfw: string; calibration?: string; plot: string; out: string; json?: boolean }) => {
    const calibration = opts.calibration === undefined ? undefined : parseCalibration(JSON.parse(await readFile(opts.calibration, 'utf8')) as unknown);
    const started = Date.now();
    const engine = await createEvalEngine(opts);
    try {
      const report = await evaluateLfwVerification({
        engine,
        lfwDir: opts.lfw,
        fixedThreshold: calibration !== undefined,
        ...(calibration === undefined ? {} : { compare: (a: FaceTemplate, b: FaceTemplate) => compareTemplates(a, b, calibration) }),
        concurrency: 4,
        onProgress: progress('eval face'),
      });
      const plot = await writeText(opts.plot, renderDetSvg({
        title: `LFW verification (${report.engine} engine, ${report.pairs} pairs)`,
        xLabel: 'false accept rate', yLabel: 'false reject rate',
        curves: [{ label: `${report.engine}: EER ${pct(report.eer)}`, points: report.det.map((p) => ({ x: p.far, y: p.frr })) }],
      }));
      const result = evalFaceResult({ report, info: engine.info, calibration: calibration?.version ?? null, durationMs: Date.now() - started, now: new Date() });
      const out = await writeText(opts.out, `${JSON.stringify(result, null, 2)}\n`);
      const { scores: _scores, det: _det, ...summary } = report;
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify({ ...summary, calibration: calibration?.version ?? null, plot, out })}\n`);
      } else {
        process.stdout.write([
          `LFW verification — ${report.protocol}`,
          `  engine           ${report.engine} (${engine.info.models.map((m) => `${m.id}@${m.version}`).join(', ')})`,
          `  pairs            ${report.pairs} in ${report.folds} folds, ${report.images} images`,
          `  accuracy         ${pct(report.accuracy)} ± ${pct(report.accuracyStd)}`,
          `  EER              ${pct(report.eer)}`,
          `  TAR @ FAR 1e-3   ${pct(report.tarAtFar1e3)}`,
          `  no face found    ${report.failures} images (${report.failedPairs} pairs counted as errors)`,
          `  DET plot         ${plot}`,
          `  results (JSON)   ${out} (${result.roc.length} ROC points, ${result.durationS} s)`,
          '',
        ].join('\n'));
      }
    } finally {
      await engine.close();
    }
  });

  engineOptions(
    evalCmd
      .command('pad')
      .description('Passive presentation-attack detection on a NUAA-style set (ISO/IEC 30107-3 metrics)')
      .requiredOption('--nuaa <dir>', 'folder with ClientRaw/, ImposterRaw/ and labels.csv')
      .option('--plot <file>', 'DET plot (SVG)', 'bench/results/eval-pad-det.svg')
      .option('--out <file>', 'summary and DET points (JSON)', 'bench/results/eval-pad.json')
      .option('--json', 'print one JSON object'),
  ).action(async (opts: EvalEngineOptions & { nuaa: string; plot: string; out: string; json?: boolean }) => {
    const started = Date.now();
    const engine = await createEvalEngine(opts);
    try {
      const report = await evaluatePad({ engine, nuaaDir: opts.nuaa, concurrency: 4, onProgress: progress('eval pad') });
      const plot = await writeText(opts.plot, renderDetSvg({
        title: `PAD on ${report.images} images (${report.engine} engine)`,
        xLabel: 'APCER', yLabel: 'BPCER',
        curves: [{ label: report.engine, points: report.det.map((p) => ({ x: p.apcer, y: p.bpcer })) }],
      }));
      const out = await writeText(opts.out, `${JSON.stringify(evalPadResult({ report, durationMs: Date.now() - started, now: new Date() }), null, 2)}\n`);
      const { samples: _samples, det: _det, ...summary } = report;
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify({ ...summary, plot, out })}\n`);
      } else {
        const own = report.threshold === null || report.apcer === null || report.bpcer === null || report.acer === null
          ? '  engine threshold none: this engine has no passive PAD (liveness "unavailable")'
          : `  at engine threshold ${report.threshold.toFixed(3)}: APCER ${pct(report.apcer)}, BPCER ${pct(report.bpcer)}, ACER ${pct(report.acer)}`;
        const loso = report.leaveOneSubjectOut === null ? '' :
          `  leave-one-subject-out (threshold for BPCER 5 % on the other subjects): APCER ${pct(report.leaveOneSubjectOut.apcer)}, BPCER ${pct(report.leaveOneSubjectOut.bpcer)}, ACER ${pct(report.leaveOneSubjectOut.acer)}`;
        process.stdout.write([
          `PAD — ${report.bonaFide} bona fide, ${report.attacks} attacks, ${report.noFace} without a detected face`,
          `  APCER @ BPCER 5 %   ${pct(report.apcerAtBpcer5)}`,
          `  APCER @ BPCER 1 %   ${pct(report.apcerAtBpcer1)}`,
          `  BPCER @ APCER 1 %   ${pct(report.bpcerAtApcer1)}`,
          own,
          loso,
          `  DET plot            ${plot}`,
          `  results (JSON)      ${out}`,
          '',
        ].join('\n'));
      }
    } finally {
      await engine.close();
    }
  });

  engineOptions(
    evalCmd
      .command('identify')
      .description('Open-set 1:N identification on LFW: rank-1 and FNIR at FPIR 1e-2')
      .requiredOption('--lfw <dir>', 'LFW folder (NAME/NAME_NNNN.jpg or lfw-deepfunneled/)')
      .option('--json', 'print one JSON object'),
  ).action(async (opts: EvalEngineOptions & { lfw: string; json?: boolean }) => {
    const engine = await createEvalEngine(opts);
    try {
      const r = await evaluateIdentification({ engine, lfwDir: opts.lfw, concurrency: 4, onProgress: progress('eval identify') });
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify(r)}\n`);
      } else {
        process.stdout.write([
          `LFW identification — ${r.engine} engine`,
          `  gallery            ${r.gallery} identities (one image each)`,
          `  searches           ${r.matedSearches} mated, ${r.nonMatedSearches} non-mated (distractors)`,
          `  no face found      ${r.failures} images`,
          `  rank-1             ${pct(r.rank1)}`,
          `  FNIR @ FPIR 1e-2   ${pct(r.fnirAtFpir1e2)} (threshold ${r.threshold.toFixed(4)})`,
          '',
        ].join('\n'));
      }
    } finally {
      await engine.close();
    }
  });

  registerFitCalibrationCommand(evalCmd);
}
