// @unionhub/console-kit: the Element Plus components the console uses (zh-CN), the hub's composites and the API
// client. Built once in hub-console; every module's screens import it through the page's import map, so the
// browser loads one copy. install(app) registers the components globally, so screens write <el-table>, <uh-list-page>.
import 'element-plus/dist/index.css';
import './kit.css';
import {
  ElAlert, ElAside, ElBadge, ElButton, ElCard, ElCheckbox, ElCol, ElConfigProvider, ElContainer, ElDatePicker,
  ElDescriptions, ElDescriptionsItem, ElDialog, ElDrawer, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm,
  ElFormItem, ElHeader, ElInput, ElInputNumber, ElLink, ElLoading, ElMain, ElMenu, ElMenuItem, ElMenuItemGroup,
  ElOption, ElRadio, ElRadioGroup, ElRow, ElSelect, ElSkeleton, ElSpace, ElStatistic, ElSubMenu, ElSwitch, ElTable,
  ElTableColumn, ElTabPane, ElTabs, ElTag, ElTreeSelect, ElMessage, ElMessageBox
} from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn.mjs';
import ListPage from './ListPage.vue';
import StatusTag from './StatusTag.vue';
import Money from './Money.vue';
import ConfirmButton from './ConfirmButton.vue';
import FormDialog from './FormDialog.vue';
import OrgPicker from './OrgPicker.vue';
import Chart from './Chart.vue';

export { api, newKey, Problem, session, signIn, signOut, whenSignedOut } from './api.js';
export { field, label, loadLabels, registerLabels } from './labels.js';
export { dayEnd, dayStart, instant, money, setZone, time, today } from './format.js';
export { narrow } from './narrow.js';
export { useSubmit } from './submit.js';
export { loadCharts } from './charts.js';
export { ask } from './ask.js';
export { download } from './xlsx.js';
export { allOrgs } from './orgs.js';
export { ListPage, StatusTag, Money, ConfirmButton, FormDialog, OrgPicker, Chart, ElMessage, ElMessageBox, zhCn };

const components = [ElAlert, ElAside, ElBadge, ElButton, ElCard, ElCheckbox, ElCol, ElConfigProvider, ElContainer,
  ElDatePicker, ElDescriptions, ElDescriptionsItem, ElDialog, ElDrawer, ElDropdown, ElDropdownItem, ElDropdownMenu,
  ElEmpty, ElForm, ElFormItem, ElHeader, ElInput, ElInputNumber, ElLink, ElMain, ElMenu, ElMenuItem, ElMenuItemGroup,
  ElOption, ElRadio, ElRadioGroup, ElRow, ElSelect, ElSkeleton, ElSpace, ElStatistic, ElSubMenu, ElSwitch, ElTable,
  ElTableColumn, ElTabPane, ElTabs, ElTag, ElTreeSelect];
const own = { UhListPage: ListPage, UhStatusTag: StatusTag, UhMoney: Money, UhConfirmButton: ConfirmButton,
  UhFormDialog: FormDialog, UhOrgPicker: OrgPicker, UhChart: Chart };

export function install(app) {
  for (const c of components) app.use(c);
  app.use(ElLoading);
  for (const [name, c] of Object.entries(own)) app.component(name, c);
  // Element Plus's own texts (empty table, date picker, pager) in Chinese
  app.provide('uh-locale', zhCn);
}
