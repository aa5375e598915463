// Labels for codes and field names, owned by the module that owns the code: GET /api/labels answers every
// enabled module's; what a module's screens ship themselves (registerLabels) fills gaps until the server has it.
import { reactive } from 'vue';
import { api } from './api.js';

const state = reactive({ modules: {}, own: {} });

export async function loadLabels() {
  try {
    const r = await api('labels');
    state.modules = (r && r.modules) || {};
  } catch (e) {
    state.modules = {}; // an older hub without /api/labels: the screens' own labels still apply
  }
}

/** A module's own labels, {values, fields}, used where the server's are missing. */
export function registerLabels(module, labels) {
  state.own[module] = labels;
}

function find(module, kind, key) {
  for (const source of [state.modules[module], state.own[module], state.modules.core, state.own.core]) {
    const v = source && source[kind] && source[kind][key];
    if (v) return v;
  }
  return undefined;
}

/** The label of a code; schema-qualified first (Schema.VALUE) where one module uses a code twice. */
export function label(module, value, schema) {
  if (value === null || value === undefined || value === '') return '';
  return (schema && find(module, 'values', schema + '.' + value)) || find(module, 'values', String(value)) || String(value);
}

/** The label of a JSON property. */
export function field(module, name) {
  return find(module, 'fields', name) || name;
}
