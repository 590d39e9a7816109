/**
 * A labelled row of export buttons under a plot, optionally disabled until there is something to
 * export.
 */
import { el } from './dom.js';
import { downloadPng, downloadSvg } from './figure-export.js';

export interface ExportBar {
  readonly element: HTMLElement;
  /** Adds a button (`data-export` = `name`) that calls `action` on click. */
  add(label: string, name: string, action: () => void): void;
  /**
   * Adds SVG and PNG buttons for the figure `svg` draws (nothing when it returns undefined), saved
   * as `stem()`.svg and .png; a PNG that cannot be made is reported through `onPngError`.
   */
  addFigure(
    svg: () => string | undefined,
    stem: () => string,
    onPngError: (text: string) => void,
  ): void;
  /** Enables the buttons added so far (those that started disabled). */
  enable(): void;
}

export function createExportBar(
  ariaLabel: string,
  options: { readonly disabled?: boolean } = {},
): ExportBar {
  const element = el(
    'div',
    { class: 'export-bar', role: 'group', 'aria-label': ariaLabel },
    el('span', { class: 'export-label' }, 'Export'),
  );
  const buttons: HTMLButtonElement[] = [];
  const add = (label: string, name: string, action: () => void): void => {
    const button = el(
      'button',
      { type: 'button', 'data-export': name, disabled: options.disabled === true },
      label,
    );
    button.addEventListener('click', action);
    element.append(button);
    buttons.push(button);
  };
  return {
    element,
    add,
    addFigure(svg, stem, onPngError) {
      add('SVG', 'svg', () => {
        const figure = svg();
        if (figure !== undefined) downloadSvg(figure, `${stem()}.svg`);
      });
      add('PNG', 'png', () => {
        const figure = svg();
        if (figure === undefined) return;
        downloadPng(figure, `${stem()}.png`).catch((error: unknown) => {
          onPngError(`the PNG could not be made: ${String(error)}`);
        });
      });
    },
    enable() {
      for (const button of buttons) button.disabled = false;
    },
  };
}
