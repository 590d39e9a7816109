/**
 * The explorer's entry point: the top bar, the five views (neuron, gallery, network,
 * polychronization, dynamics)
 * and the URL that holds the state of the view on screen.
 */
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import './touch.css';
import { stateFromPreset, readNeuronParams, writeNeuronParams } from './neuron/state.js';
import { createNeuronView } from './neuron/view.js';
import { createGalleryView } from './gallery/view.js';
import { readNetworkParams, writeNetworkParams } from './network/state.js';
import { createNetworkView } from './network/view.js';
import { readPolychronParams, writePolychronParams } from './polychron/state.js';
import { createPolychronView } from './polychron/view.js';
import { cellNeuronState } from './dynamics/cell-neuron.js';
import {
  defaultFiRange,
  defaultMapSettings,
  readDynamicsParams,
  writeDynamicsParams,
} from './dynamics/state.js';
import { createDynamicsView } from './dynamics/view.js';
import { el } from './ui/dom.js';
import { UrlState, isViewName, type ViewName } from './url-state.js';

const url = new UrlState();
const initial = url.read();
let current: ViewName = isViewName(initial.get('view'))
  ? (initial.get('view') as ViewName)
  : 'neuron';

/**
 * The opening URL's values for `view`, or none for the other views: the views share names such
 * as dt and T, and a neuron link must not set the network's time step.
 */
function openedWith(view: ViewName): URLSearchParams {
  return view === current ? initial : new URLSearchParams();
}

function paramsOf(view: ViewName): URLSearchParams {
  const params = new URLSearchParams();
  params.set('view', view);
  if (view === 'neuron') writeNeuronParams(neuron.state, params);
  if (view === 'network') writeNetworkParams(network.state, params);
  if (view === 'polychron') writePolychronParams(polychron.state, params);
  if (view === 'dynamics') writeDynamicsParams(dynamics.state, params);
  return params;
}

/** Whether the neuron view changed since the dynamics view last took its neuron. */
let neuronEdited = false;
const neuron = createNeuronView(readNeuronParams(openedWith('neuron')), () => {
  neuronEdited = true;
  if (current === 'neuron') url.replaceSoon(paramsOf('neuron'));
});
const network = createNetworkView(readNetworkParams(openedWith('network')), () => {
  if (current === 'network') url.replaceSoon(paramsOf('network'));
});
const polychron = createPolychronView(readPolychronParams(openedWith('polychron')), () => {
  if (current === 'polychron') url.replaceSoon(paramsOf('polychron'));
});
const dynamics = createDynamicsView(
  readDynamicsParams(openedWith('dynamics')),
  () => {
    if (current === 'dynamics') url.replaceSoon(paramsOf('dynamics'));
  },
  (spec, cell) => {
    neuron.setState(cellNeuronState(spec, cell.ix, cell.iy, neuron.state));
    neuronEdited = false;
    show('neuron', 'push');
  },
);

/**
 * The neuron edited in the neuron view follows into the dynamics view: its form, its preset and
 * its numbers (a, b, c, d; and C, k, vr, vt, vpeak of the 2007 form).
 */
function followNeuron(): void {
  if (!neuronEdited) return;
  neuronEdited = false;
  const { model, preset, C, k, vr, vt, vpeak, a, b, c, d } = neuron.state;
  const numbers = model === '2007' ? { C, k, vr, vt, vpeak, a, b, c, d } : { a, b, c, d };
  const shown = dynamics.state;
  const same = Object.entries(numbers).every(
    ([key, value]) => shown[key as keyof typeof numbers] === value,
  );
  if (shown.model === model && shown.preset === preset && same) return;
  const sameForm = shown.model === model;
  const fi = sameForm ? shown.fi : defaultFiRange(model);
  const map = sameForm ? shown.map : defaultMapSettings(model);
  dynamics.setState({ ...shown, ...numbers, model, preset, fi, map });
}
const gallery = createGalleryView((preset) => {
  neuron.setState(stateFromPreset(preset, neuron.state));
  show('neuron', 'push');
});

interface ViewEntry {
  element: HTMLElement;
  label: string;
  /** The label on a phone's tab bar, where the full one does not fit. */
  shortLabel?: string;
  onShow?: () => void;
}
const views: Record<ViewName, ViewEntry> = {
  neuron: { element: neuron.element, label: 'Neuron' },
  gallery: { element: gallery.element, label: 'Gallery', onShow: () => gallery.draw() },
  network: { element: network.element, label: 'Network', onShow: () => network.onShow() },
  polychron: {
    element: polychron.element,
    label: 'Polychronization',
    shortLabel: 'Polychrony',
    onShow: () => polychron.onShow(),
  },
  dynamics: {
    element: dynamics.element,
    label: 'Dynamics',
    onShow: () => {
      followNeuron();
      dynamics.onShow();
    },
  },
};

const tabs = new Map<ViewName, HTMLButtonElement>();
const nav = el('nav', { class: 'tabs', 'aria-label': 'Views' });
for (const name of ['neuron', 'gallery', 'network', 'polychron', 'dynamics'] as const) {
  const { label, shortLabel } = views[name];
  // A phone's tab bar shows the short label: the full one would be cut off.
  const tab = el(
    'button',
    { type: 'button', class: 'tab', 'data-tab': name, 'aria-label': label },
    el('span', { class: 'tab-label' }, label),
    el('span', { class: 'tab-short', 'aria-hidden': 'true' }, shortLabel ?? label),
  );
  tab.addEventListener('click', () => show(name, 'push'));
  tabs.set(name, tab);
  nav.append(tab);
}

const shareStatus = el('span', { class: 'share-status', role: 'status' });
const share = el('button', { type: 'button', class: 'share', 'data-action': 'share' }, 'Copy link');
share.addEventListener('click', () => {
  url.flush();
  const link = window.location.href;
  const done = (text: string): void => {
    shareStatus.textContent = text;
    setTimeout(() => (shareStatus.textContent = ''), 3000);
  };
  if (navigator.clipboard === undefined) {
    done('copy the link from the address bar');
    return;
  }
  navigator.clipboard.writeText(link).then(
    () => done('link copied'),
    () => done('copy the link from the address bar'),
  );
});

const header = el(
  'header',
  { class: 'topbar' },
  el('h1', {}, 'izhikit', el('span', { class: 'subtitle' }, ' explorer')),
  nav,
  el('div', { class: 'share-group' }, shareStatus, share),
);
const main = el(
  'main',
  {},
  neuron.element,
  gallery.element,
  network.element,
  polychron.element,
  dynamics.element,
);
document.body.append(header, main);

function show(view: ViewName, history: 'push' | 'replace' | 'none'): void {
  current = view;
  for (const [name, { element }] of Object.entries(views) as [
    ViewName,
    { element: HTMLElement },
  ][]) {
    element.hidden = name !== view;
  }
  for (const [name, tab] of tabs) {
    if (name === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  document.title = `izhikit · ${views[view].label}`;
  views[view].onShow?.();
  if (history === 'push') url.push(paramsOf(view));
  else if (history === 'replace') url.replaceSoon(paramsOf(view));
}

window.addEventListener('popstate', () => {
  const params = url.read();
  const view = isViewName(params.get('view')) ? (params.get('view') as ViewName) : 'neuron';
  if (view === 'neuron') neuron.openLink(params);
  if (view === 'network') network.setState(readNetworkParams(params));
  if (view === 'polychron') polychron.setState(readPolychronParams(params));
  if (view === 'dynamics') dynamics.setState(readDynamicsParams(params));
  show(view, 'none');
});

// A neuron link's values are checked one by one, so that each bad one is marked.
if (current === 'neuron') neuron.openLink(initial);
show(current, 'replace');
