// Model workers (劳模) in the member app at /m: a model worker's own archive record, titles, status history and the
// special subsidies paid to him (GET /api/model-workers/me); any other member reads that he is not in the archive.
// Mounted by the shell under /m/modelworkers (frontend/build.mjs module -> app/main.js).
import Record from './Record.vue';

export const routes = [{ path: '', component: Record }];

export const tiles = [{ title: '劳模档案', icon: 'medal-o', to: '' }];

export const mine = [{ title: '我的劳模档案', icon: 'medal-o', to: '' }];
