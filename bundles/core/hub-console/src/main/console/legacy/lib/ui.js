// Small DOM helpers shared by the console and module screens: no framework, no build step.
import { t } from './i18n.js';
import { Problem } from './api.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * A paged table. load(offset, limit) answers {items, total}; columns are [{key, label, render?}].
 * Returns the element; call .reload() to fetch again.
 */
export function pagedTable(columns, load, { limit = 20, table } = {}) {
  const wrap = h('div');
  let offset = 0;
  async function draw() {
    wrap.replaceChildren(h('p', { class: 'muted' }, '…'));
    try {
      const page = await load(offset, limit);
      const rows = page.items.map(item => h('tr', {}, columns.map(c =>
        h('td', { 'data-col': c.key }, c.render ? c.render(item) : fmt(item[c.key])))));
      const last = Math.min(offset + limit, page.total);
      wrap.replaceChildren(
        h('div', { class: 'table-wrap' }, h('table', {},
          h('thead', {}, h('tr', {}, columns.map(c => h('th', {}, c.label || t(c.key, table))))),
          h('tbody', {}, rows))),
        h('div', { class: 'pager' },
          h('button', { class: 'secondary', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - limit); draw(); } }, t('prev')),
          h('span', { class: 'page-info' }, `${page.total ? offset + 1 : 0}–${last} ${t('of')} ${page.total}`),
          h('button', { class: 'secondary', disabled: last >= page.total, onclick: () => { offset += limit; draw(); } }, t('next'))));
    } catch (e) {
      wrap.replaceChildren(problemBox(e));
    }
  }
  wrap.reload = () => { offset = 0; return draw(); };
  draw();
  return wrap;
}

export function fmt(v) {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) return v.replace('T', ' ').slice(0, 16);
  return String(v);
}

/**
 * A form. fields: [{name, label, type: text|number|date|datetime-local|select|textarea|checkbox, options, value}].
 * onSubmit(values) may throw a Problem: its field errors are shown beside their fields, the rest above.
 */
export function form(fields, onSubmit, { submitLabel, table } = {}) {
  const message = h('div');
  const inputs = {};
  const rows = fields.map(f => {
    let input;
    if (f.type === 'select') {
      input = h('select', { name: f.name }, (f.options || []).map(o => {
        const [value, label] = Array.isArray(o) ? o : [o, o];
        return h('option', { value, selected: String(f.value ?? '') === String(value) }, label);
      }));
    } else if (f.type === 'textarea') {
      input = h('textarea', { name: f.name, rows: 3 }, f.value ?? '');
    } else if (f.type === 'checkbox') {
      input = h('input', { name: f.name, type: 'checkbox', checked: !!f.value });
    } else {
      input = h('input', { name: f.name, type: f.type || 'text', value: f.value ?? '', step: f.step });
    }
    inputs[f.name] = { input, f };
    return h('div', { class: 'field', 'data-field': f.name },
      h('label', { for: f.name }, f.label || t(f.name, table)), input, h('div', { class: 'error' }));
  });
  const el = h('form', { class: 'form', novalidate: true }, message, rows,
    h('div', { class: 'row' }, h('button', { type: 'submit' }, submitLabel || t('save'))));
  el.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearErrors(el);
    message.replaceChildren();
    const values = {};
    for (const [name, { input, f }] of Object.entries(inputs)) {
      let v = f.type === 'checkbox' ? input.checked : input.value;
      if (v === '' && f.type !== 'checkbox') v = null;
      else if (f.type === 'number' && v !== null) v = Number(v);
      else if (f.type === 'list' && v !== null) v = v.split(',').map(s => s.trim()).filter(Boolean);
      if (f.transform) v = f.transform(v);
      values[name] = v;
    }
    try {
      await onSubmit(values);
      message.replaceChildren(h('div', { class: 'ok' }, t('saved')));
    } catch (e) {
      showProblem(el, message, e);
    }
  });
  return el;
}

export function clearErrors(formEl) {
  formEl.querySelectorAll('.field').forEach(f => { f.classList.remove('invalid'); f.querySelector('.error').textContent = ''; });
}

/** Puts each field error next to its field; what names no field goes into box. */
export function showProblem(formEl, box, e) {
  const unplaced = [];
  for (const err of (e instanceof Problem ? e.errors : [])) {
    const field = formEl.querySelector(`.field[data-field="${CSS.escape(err.field)}"]`);
    if (field) {
      field.classList.add('invalid');
      field.querySelector('.error').textContent = err.message;
    } else {
      unplaced.push(err.field + ': ' + err.message);
    }
  }
  if (!(e instanceof Problem) || !e.errors.length || unplaced.length) {
    box.replaceChildren(problemBox(e, unplaced));
  }
}

export function problemBox(e, extra = []) {
  return h('div', { class: 'problem' }, e.message, extra.length ? ' — ' + extra.join('; ') : '');
}

export function cards(items) {
  return h('div', { class: 'cards' }, items.map(i => h('div', { class: 'card' },
    h('div', { class: 'value' }, fmt(i.value)), h('div', { class: 'label' }, i.label))));
}

/** A horizontal bar chart: [{label, value}]. */
export function bars(items) {
  const max = Math.max(1, ...items.map(i => Number(i.value) || 0));
  return h('table', { class: 'chart' }, h('tbody', {}, items.map(i => h('tr', {},
    h('td', {}, i.label),
    h('td', { style: 'width:60%' }, h('span', { class: 'bar', style: `width:${(Number(i.value) || 0) / max * 100}%` })),
    h('td', {}, fmt(i.value))))));
}
