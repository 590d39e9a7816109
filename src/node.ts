/** The Node-only part of the library (PNG output, files, worker threads): `import … from 'izhikit/node'`. */
export * from './render/png.js';
export * from './render/save.js';
export * from './dynamics/map-node.js';
