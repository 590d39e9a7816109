/** A small helper for building DOM trees in code, with typed elements and no framework. */

type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** Creates `<tag>` with attributes (`class`, `for`, `aria-*`, … as written) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

let counter = 0;
/** A document-unique id for pairing labels with controls. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * Formats a number for display: up to `digits` significant digits, no trailing zeros. Values
 * within 1e-12 of zero are rounding noise (sin(2π·400/50) = −1.96e-16) and show as 0.
 */
/**
 * `value` to the resolution of a grid of spacing `step`: one decimal more than the step needs
 * (0.04444 on a grid of 0.0222 shows as 0.044), never more than 12 significant digits.
 */
export function formatOnGrid(value: number, step: number): string {
  if (!Number.isFinite(value) || !(step > 0)) return formatNumber(value, 4);
  const decimals = Math.min(12, Math.max(0, Math.ceil(-Math.log10(step)) + 1));
  return String(Number(value.toFixed(decimals)));
}

export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) < 1e-12) return '0';
  return String(Number(value.toPrecision(digits)));
}
