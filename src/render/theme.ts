/** The look shared by every figure: font, colours, stroke widths and text sizes. */

/**
 * The font every figure names first. The project ships DejaVu Sans (assets/fonts), and the PNG
 * rasteriser loads only that file, so text measures and renders the same on every machine; a
 * browser without it falls back to the next names.
 */
export const FONT_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif";

export const THEME = {
  background: '#ffffff',
  text: '#1a1a1a',
  mutedText: '#5f5f5f',
  axis: '#333333',
  grid: '#e6e6e6',
  voltage: '#111111',
  recovery: '#2a7f62',
  stimulus: '#555555',
  excitatory: '#1f5fb4',
  inhibitory: '#c8372d',
  rate: '#333333',
  titleSize: 16,
  panelTitleSize: 12,
  labelSize: 11,
  tickSize: 10,
  smallSize: 9,
  traceWidth: 1,
  stimulusWidth: 0.8,
} as const;
