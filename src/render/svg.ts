/** A few string builders for SVG elements: the renderer writes markup, never touches a DOM. */
import { FONT_FAMILY, THEME } from './theme.js';
import { escapeXml } from './text.js';

/** Attribute values; `undefined` leaves the attribute out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** A coordinate rounded to 0.1 px, which keeps files small and is finer than any screen shows. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function attributes(attrs: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? px(value) : escapeXml(value)}"`;
  }
  return out;
}

/** An element; `children` is markup (already escaped), absent for an empty element. */
export function element(name: string, attrs: Attributes, children?: string): string {
  return children === undefined
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${children}</${name}>`;
}

/** A text element with escaped content. */
export function text(x: number, y: number, content: string, attrs: Attributes = {}): string {
  return element('text', { x, y, ...attrs }, escapeXml(content));
}

/** A straight line. */
export function line(x1: number, y1: number, x2: number, y2: number, attrs: Attributes): string {
  return element('line', { x1, y1, x2, y2, ...attrs });
}

export interface SvgDocument {
  readonly width: number;
  readonly height: number;
  /** Which figure this is, written as `data-figure` on the root. */
  readonly figure: string;
  /** The accessible title (`<title>`). */
  readonly title: string;
  /** A longer description (`<desc>`): what is drawn and from how many samples. */
  readonly description: string;
  readonly body: string;
  /** More attributes for the root element. */
  readonly attrs?: Attributes;
}

/** A standalone SVG file: white background, the project font, title and description. */
export function svgDocument(doc: SvgDocument): string {
  const root = attributes({
    xmlns: 'http://www.w3.org/2000/svg',
    width: doc.width,
    height: doc.height,
    viewBox: `0 0 ${px(doc.width)} ${px(doc.height)}`,
    'font-family': FONT_FAMILY,
    'data-figure': doc.figure,
    ...doc.attrs,
  });
  return (
    `<svg${root}>` +
    element('title', {}, escapeXml(doc.title)) +
    element('desc', {}, escapeXml(doc.description)) +
    element('rect', { width: doc.width, height: doc.height, fill: THEME.background }) +
    doc.body +
    '</svg>\n'
  );
}
