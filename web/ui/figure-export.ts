/**
 * Figure downloads in the browser: the library's SVG as it is, and PNG by drawing that SVG on a
 * canvas (the library's PNG path uses resvg, which is Node only).
 */
import { downloadBlob, downloadText } from './download.js';

/** Pixels per SVG unit of the PNG: 2 gives a sharp image on high-density screens. */
const PNG_SCALE = 2;

export function downloadSvg(svg: string, fileName: string): void {
  downloadText(svg, fileName, 'image/svg+xml');
}

/** Rasterises an SVG document to a PNG blob at `scale` × its size. */
export async function svgToPngBlob(svg: string, scale = PNG_SCALE): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser cannot draw on a canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob === null ? reject(new Error('the PNG could not be made')) : resolve(blob)),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function downloadPng(svg: string, fileName: string): Promise<void> {
  downloadBlob(await svgToPngBlob(svg), fileName);
}
