// @unionhub/app-kit: what every member screen imports (the page's import map points here). Vant 4 components,
// registered once by install(app), so screens use <van-button> without importing them; only the components named
// here end up in the kit (Vite drops the rest of Vant). The API client is the console's (same sign-in, problem+json
// thrown as Problem, Idempotency-Key on creates, Accept-Language zh-CN).
import {
  Button, Cell, CellGroup, Checkbox, Dialog, Empty, Field, Form, Grid, GridItem, Icon, List, Loading, NavBar,
  NoticeBar, Popup, Radio, RadioGroup, Search, Step, Steps, Tab, Tabbar, TabbarItem, Tabs, Tag, Toast
} from 'vant';
// issue 21's forms that take files and filter lists: receipts photographed for a claim, a CV's file, position filters
import { DropdownItem, DropdownMenu, Uploader } from 'vant';
// each component's own styles only (all of Vant's is 52 KB compressed, these are about half)
import 'vant/es/button/style/index.mjs';
import 'vant/es/cell/style/index.mjs';
import 'vant/es/cell-group/style/index.mjs';
import 'vant/es/checkbox/style/index.mjs';
import 'vant/es/dialog/style/index.mjs';
import 'vant/es/empty/style/index.mjs';
import 'vant/es/field/style/index.mjs';
import 'vant/es/form/style/index.mjs';
import 'vant/es/grid/style/index.mjs';
import 'vant/es/grid-item/style/index.mjs';
import 'vant/es/icon/style/index.mjs';
import 'vant/es/list/style/index.mjs';
import 'vant/es/loading/style/index.mjs';
import 'vant/es/nav-bar/style/index.mjs';
import 'vant/es/notice-bar/style/index.mjs';
import 'vant/es/popup/style/index.mjs';
import 'vant/es/radio/style/index.mjs';
import 'vant/es/radio-group/style/index.mjs';
import 'vant/es/search/style/index.mjs';
import 'vant/es/step/style/index.mjs';
import 'vant/es/steps/style/index.mjs';
import 'vant/es/tab/style/index.mjs';
import 'vant/es/tabbar/style/index.mjs';
import 'vant/es/tabbar-item/style/index.mjs';
import 'vant/es/tabs/style/index.mjs';
import 'vant/es/tag/style/index.mjs';
import 'vant/es/toast/style/index.mjs';
import 'vant/es/dropdown-item/style/index.mjs';
import 'vant/es/dropdown-menu/style/index.mjs';
import 'vant/es/uploader/style/index.mjs';
import './kit.css';
import { announceToasts } from './toast.js';
import Consent from './Consent.vue';

export { showToast, showSuccessToast, showFailToast, showConfirmDialog, showDialog } from 'vant';
export { api, newKey, Problem, session, signIn, signOut, whenSignedOut } from '../../console/kit/api.js';
export { fieldErrors, when, money } from './forms.js';
export { nameUploads, sendFile } from './files.js';

const components = [Button, Cell, CellGroup, Checkbox, Dialog, Empty, Field, Form, Grid, GridItem, Icon, List, Loading,
  NavBar, NoticeBar, Popup, Radio, RadioGroup, Search, Step, Steps, Tab, Tabbar, TabbarItem, Tabs, Tag, Toast,
  DropdownItem, DropdownMenu, Uploader];

export default {
  install(app) {
    components.forEach(c => app.use(c));
    app.component('UhConsent', Consent);
    announceToasts();
  }
};
