// Codes inside a text ("MODEL_WORKER,NEW_FORM", a server's "must be one of EMPLOYEE, NEW_FORM") as their labels.
import { label } from '@unionhub/console-kit';

export function inWords(module, text) {
  return String(text).replace(/\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\b|\b[A-Z]{3,}\b/g, c => label(module, c));
}
