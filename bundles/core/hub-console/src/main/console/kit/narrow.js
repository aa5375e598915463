// True below ~768 px: lists become cards with their actions visible, the menu a drawer.
import { ref } from 'vue';

const query = typeof matchMedia === 'function' ? matchMedia('(max-width: 767px)') : null;
export const narrow = ref(!!(query && query.matches));
if (query) query.addEventListener('change', e => { narrow.value = e.matches; });
