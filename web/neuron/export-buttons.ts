/**
 * The neuron view's export buttons: the run as CSV and JSON, and the figure of the panels on
 * screen as SVG and PNG, in files named after the preset (with "-edited" once its values change).
 */
import { bookFigureData, renderTraceFigure, runFigureData } from 'izhikit';
import { downloadText } from '../ui/download.js';
import type { ExportBar } from '../ui/export-bar.js';
import { runToCsv, runToJsonText } from './export.js';
import { findPreset, isBookPreset, type AnyPreset } from './models.js';
import { isEdited, type NeuronRun, type NeuronState } from './state.js';

/** The preset the numbers came from, and whether they were edited since. */
function origin(state: NeuronState): { preset: AnyPreset | undefined; edited: boolean } {
  const preset = findPreset(state.preset);
  return { preset, edited: preset !== undefined && isEdited(preset, state) };
}

/** "rs", "rs-edited" or "neuron" (no preset). */
function fileStem(state: NeuronState): string {
  const { preset, edited } = origin(state);
  return preset === undefined ? 'neuron' : edited ? `${preset.id}-edited` : preset.id;
}

/** The figure shows the panels on screen, and does not pass edited values off as the preset. */
function figure(run: NeuronRun, state: NeuronState): string {
  const { preset, edited } = origin(state);
  const book = preset !== undefined && isBookPreset(preset) ? preset : undefined;
  const plain = preset !== undefined && !isBookPreset(preset) ? preset : undefined;
  const data = 'model' in run ? bookFigureData(run, book) : runFigureData(run, plain);
  return renderTraceFigure(edited ? { ...data, title: `${data.title}, edited` } : data, {
    showU: state.showU,
    showI: state.showI,
  });
}

/**
 * Adds CSV, JSON, SVG and PNG to `bar`; `current` gives the run to export (none before the first
 * good one) and the state it came from; `onPngError` reports a PNG that could not be made.
 */
export function addNeuronExports(
  bar: ExportBar,
  current: () => { readonly result: NeuronRun | undefined; readonly state: NeuronState },
  onPngError: (text: string) => void,
): void {
  bar.add('CSV', 'csv', () => {
    const { result, state } = current();
    if (result !== undefined) downloadText(runToCsv(result), `${fileStem(state)}.csv`, 'text/csv');
  });
  bar.add('JSON', 'json', () => {
    const { result, state } = current();
    if (result !== undefined) {
      downloadText(
        runToJsonText(result, state.preset),
        `${fileStem(state)}.json`,
        'application/json',
      );
    }
  });
  bar.addFigure(
    () => {
      const { result, state } = current();
      return result === undefined ? undefined : figure(result, state);
    },
    () => fileStem(current().state),
    onPngError,
  );
}
