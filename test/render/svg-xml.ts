/** Test helper: parses a rendered SVG as strict XML and finds elements by class. */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/** Parses `svg`, failing on any XML warning or error. */
export function parseSvg(svg: string): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      throw new Error(`SVG is not well-formed XML (${level}): ${message}`);
    },
  });
  const doc = parser.parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root === null || root.tagName !== 'svg') throw new Error('the root element is not <svg>');
  return doc;
}

/** Every element (any tag) whose class list contains `name`, in document order. */
export function byClass(scope: Document | Element, name: string): Element[] {
  return Array.from(scope.getElementsByTagName('*')).filter((el) =>
    (el.getAttribute('class') ?? '').split(/\s+/).includes(name),
  );
}

/** The text content of an element. */
export function textOf(el: Element): string {
  return el.textContent ?? '';
}
