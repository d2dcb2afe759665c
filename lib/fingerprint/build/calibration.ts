/**
 * Step 2b of the build: temperatures of the chosen model A on the held-apart answers, one per task of the top
 * label (chat vs debate: one global temperature was over-confident on chat and under-confident on debate).
 */
import { argmax } from '../model/argmax';
import { fitTemperature } from '../model/calibrate';
import { softmaxInPlace } from '../model/train';
import type { Prepared } from '../prepare';
import { round } from './options';
import type { Resolved } from './options';

/** The task (chat-instruction, persuasion-dialogue, ...) most of each label's training answers belong to. */
export function majorityTask(prep: Prepared, subset: number[]): string[] {
  const counts = prep.labels.map(() => new Map<string, number>());
  for (const i of subset) {
    const m = counts[prep.y[i]!]!;
    const t = prep.records[i]!.task ?? 'unknown';
    m.set(t, (m.get(t) ?? 0) + 1);
  }
  return counts.map((m) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'unknown');
}

export interface Temperatures { byTask: Map<string, number>; temperatureByTop: number[]; taskOfLabel: string[]; heldP: Float64Array[] }

/** Temperature per task of the top label (the global one where too few held-apart answers), and the calibrated held-apart probabilities. */
export function temperatures(prep: Prepared, subset: number[], heldLogits: Float64Array[], heldY: number[], global: number, o: Resolved): Temperatures {
  const taskOfLabel = majorityTask(prep, subset);
  const byTask = new Map<string, number>();
  for (const task of new Set(taskOfLabel)) {
    const ks = heldLogits.map((_, k) => k).filter((k) => taskOfLabel[argmax(heldLogits[k]!)] === task);
    const enough = o.minTaskCalibration > 0 && ks.length >= o.minTaskCalibration;
    byTask.set(task, enough ? fitTemperature(ks.map((k) => heldLogits[k]!), ks.map((k) => heldY[k]!)) : global);
  }
  const temperatureByTop = taskOfLabel.map((t) => round(byTask.get(t)!));
  const heldP = heldLogits.map((l) => {
    const t = temperatureByTop[argmax(l)]!;
    const p = Float64Array.from(l, (x) => x / t);
    softmaxInPlace(p);
    return p;
  });
  return { byTask, temperatureByTop, taskOfLabel, heldP };
}
