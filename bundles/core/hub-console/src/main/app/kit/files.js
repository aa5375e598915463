// A file sent as the raw body of a request (the hub's document endpoints take the bytes, not a multipart form).
// A photo straight from a phone's camera is several megabytes: it is drawn again as a JPEG of at most 1600 px on its
// long side (a receipt stays legible), so it travels in a few hundred KB and within the modules' size limits. PDFs,
// and JPEG or PNG files that are small already, go as they are.
import { api } from '../../console/kit/api.js';

const LONG_SIDE = 1600;
const SMALL = 1024 * 1024;

async function asJpeg(file) {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((done, fail) => canvas.toBlob(b => (b ? done(b) : fail(new Error('图片无法读取'))), 'image/jpeg', 0.85));
}

/** The bytes to send for a picked file: a large or unusual image as a JPEG, anything else unchanged. */
export async function prepared(file) {
  const usual = file.type === 'image/jpeg' || file.type === 'image/png';
  if (!file.type.startsWith('image/') || (usual && file.size <= SMALL)) return file;
  try {
    return await asJpeg(file);
  } catch (e) {
    return file; // the server decides by the first bytes and names what it accepts
  }
}

/**
 * Sends one picked file to path (under /api/) as its body with its type; options as api()'s (method, create or
 * idempotencyKey). The answer is the endpoint's JSON; a refusal is thrown as Problem.
 */
export async function sendFile(path, file, options = {}) {
  const body = await prepared(file);
  return api(path, { method: 'POST', ...options, body,
    headers: { 'Content-Type': body.type || 'application/octet-stream' } });
}

/**
 * Names what Vant's uploader leaves unnamed inside el (axe-core: label, image-alt): its file input by `what` it picks
 * (the camera's, the one with `capture`, as 拍照), with the field `name` for the form, and each preview picture as a
 * picked document. Call it whenever the uploader renders again: inputs and previews come and go as files are picked.
 */
export function nameUploads(el, what, name) {
  if (!el) return;
  el.querySelectorAll('input[type=file]').forEach(input => {
    const camera = input.hasAttribute('capture');
    input.setAttribute('aria-label', camera ? `${what}：拍照` : `${what}：选择照片或PDF文件`);
    if (name) input.setAttribute('name', camera ? `${name}-camera` : name);
  });
  el.querySelectorAll('img:not([alt])').forEach(img => img.setAttribute('alt', `${what}：已选的材料`));
}
