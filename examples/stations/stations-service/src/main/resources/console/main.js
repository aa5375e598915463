// Rest stations (工会驿站) in the officer console, under /m/stations: the stations with open-now, card and rating,
// search, 新建/编辑 in a dialog, the red/yellow-card review; per station its lockers (stock per compartment, restock
// due), its cards and closure reports. A plain ES module served as it is (no build step): it imports vue,
// vue-router and @unionhub/console-kit from the console's import map and draws with Vue's h() and the components
// the kit registers (Element Plus's el-*, uh-list-page, uh-form-dialog…), so it shares the console's one copy.
import { h, ref, onMounted, resolveComponent } from 'vue';
import { useRouter } from 'vue-router';
import { api, allOrgs, time } from '@unionhub/console-kit';

export const labels = {
  values: { ACTIVE: '开放中', CLOSED: '已关闭', NONE: '无', YELLOW: '黄牌', RED: '红牌' },
  fields: {}
};
const SERVICES = { rest: '休息', water: '饮水', charging: '充电', microwave: '微波炉', toilet: '卫生间', 'first-aid': '急救药箱',
  lockers: '智能柜', reading: '阅读', cooling: '纳凉', heating: '取暖', wifi: '无线网络', umbrella: '雨伞', repair: '维修' };
const serviceOptions = Object.entries(SERVICES).map(([value, label]) => ({ value, label }));
const stationFields = [
  { name: 'name', label: '名称', required: true }, { name: 'address', label: '地址', required: true },
  { name: 'orgId', label: '所属工会', type: 'org' }, { name: 'open24h', label: '24小时开放', type: 'switch' },
  { name: 'opens', label: '每日开放时间（如 07:00，非24小时开放时填写）' }, { name: 'closes', label: '每日关闭时间（如 21:00）' },
  { name: 'services', label: '服务', type: 'select', multiple: true, options: serviceOptions },
  { name: 'entry', label: '入口方式' }
];
const reviewFields = [{ name: 'from', label: '开始日期', type: 'date', required: true },
  { name: 'to', label: '结束日期', type: 'date', required: true }];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
// the form asks for one opening time for every day; the API takes hours per day
function withHours(v) {
  const { opens, closes, ...rest } = v;
  const none = v.open24h || (!opens && !closes); // nothing given: the API says hours are required
  return { ...rest, open24h: !!v.open24h, hours: none ? [] : DAYS.map(day => ({ day, opens, closes })) };
}
const formOf = s => ({ ...s, opens: s.hours && s.hours.length ? s.hours[0].opens : null,
  closes: s.hours && s.hours.length ? s.hours[0].closes : null });
// the API's errors name hours / hours[i].opens: put them beside the form's two fields
async function send(path, method, v, key) {
  try {
    return await api(path, { method, body: withHours(v), idempotencyKey: key });
  } catch (e) {
    for (const err of e.errors || []) {
      if (String(err.field).startsWith('hours')) err.field = String(err.field).endsWith('closes') ? 'closes' : 'opens';
    }
    throw e;
  }
}
const services = s => (s.services || []).map(v => SERVICES[v] || v).join('、');
const c = n => resolveComponent(n);

const StationList = {
  setup() {
    const router = useRouter();
    const list = ref(null);
    const creating = ref(false);
    const reviewing = ref(false);
    const editing = ref(null);
    const columns = [
      { prop: 'name', label: '名称', link: s => '/m/stations/' + s.id, width: 160 },
      { prop: 'address', label: '地址', width: 180 },
      { prop: 'openNow', label: '正在开放' },
      { prop: 'card', label: '红黄牌', kind: 'status' },
      { prop: 'ratingAverage', label: '满意度', text: s => (s.ratingAverage == null ? '暂无评价' : s.ratingAverage + '（' + s.ratingCount + '条）') },
      { prop: 'state', label: '状态', kind: 'status' }
    ];
    const filters = [
      { name: 'state', label: '状态', type: 'select', options: ['ACTIVE', 'CLOSED'].map(v => ({ value: v, label: labels.values[v] })) },
      { name: 'service', label: '服务', type: 'select', options: serviceOptions },
      { name: 'orgId', label: '所属工会', type: 'org' }
    ];
    const create = (v, key) => send('stations', 'POST', v, key);
    const update = v => send('stations/' + editing.value.id, 'PUT', v);
    const review = v => api('stations/reviews', { method: 'POST', body: v });
    return () => [
      h('h1', { class: 'uh-page-title' }, '工会驿站'),
      h(c('uh-list-page'), { ref: list, id: 'stations', module: 'stations', path: 'stations', columns, filters, title: '驿站' }, {
        toolbar: () => [
          h(c('el-button'), { type: 'primary', 'data-action': 'create-station', onClick: () => { creating.value = true; } }, () => '新建驿站'),
          h(c('el-button'), { 'data-action': 'review', onClick: () => { reviewing.value = true; } }, () => '红黄牌评估')
        ],
        actions: ({ row }) => [
          h(c('el-button'), { link: true, type: 'primary', onClick: () => router.push('/m/stations/' + row.id) }, () => '详情'),
          h(c('el-button'), { link: true, type: 'primary', 'data-action': 'edit', onClick: () => { editing.value = row; } }, () => '编辑')
        ]
      }),
      h(c('uh-form-dialog'), { modelValue: creating.value, 'onUpdate:modelValue': v => { creating.value = v; }, id: 'station-form',
        title: '新建驿站', fields: stationFields, submit: create, submitLabel: '创建', onSaved: s => router.push('/m/stations/' + s.id) }),
      h(c('uh-form-dialog'), { modelValue: !!editing.value, 'onUpdate:modelValue': v => { if (!v) editing.value = null; },
        id: 'station-edit-form', title: '编辑驿站', fields: stationFields, initial: editing.value ? formOf(editing.value) : {}, submit: update,
        onSaved: () => list.value.reload() }),
      h(c('uh-form-dialog'), { modelValue: reviewing.value, 'onUpdate:modelValue': v => { reviewing.value = v; }, id: 'review-form',
        title: '红黄牌评估', fields: reviewFields, submit: review, submitLabel: '评估', onSaved: () => list.value.reload() })
    ];
  }
};

function table(rows, columns, empty) {
  return h(c('el-table'), { data: rows, stripe: true, emptyText: empty }, () => columns.map(([label, text]) =>
    h(c('el-table-column'), { label, minWidth: 100 }, { default: ({ row }) => text(row) })));
}

const StationDetail = {
  props: { id: String },
  setup(props) {
    const station = ref(null);
    const lockers = ref([]);
    const cards = ref([]);
    const reports = ref([]);
    const org = ref('');
    const problem = ref('');
    onMounted(async () => {
      try {
        const [s, l, k, r] = await Promise.all([api('stations/' + props.id), api('stations/' + props.id + '/lockers'),
          api('stations/' + props.id + '/cards'), api('stations/' + props.id + '/closure-reports?limit=50')]);
        station.value = s; lockers.value = l; cards.value = k; reports.value = r.items;
        allOrgs().then(all => { org.value = (all.find(o => o.id === s.orgId) || {}).name || ''; }).catch(() => {});
      } catch (e) {
        problem.value = e.message;
      }
    });
    return () => {
      if (problem.value) return h(c('el-alert'), { title: problem.value, type: 'error', closable: false, role: 'alert' });
      const s = station.value;
      if (!s) return h(c('el-skeleton'), { rows: 4 });
      return [
        h('h1', { class: 'uh-page-title' }, s.name),
        h(c('el-descriptions'), { column: 2, border: true }, () => [
          ['地址', s.address], ['所属工会', org.value], ['24小时开放', s.open24h ? '是' : '否'], ['正在开放', s.openNow ? '是' : '否'],
          ['服务', services(s)], ['入口方式', s.entry || ''], ['红黄牌', labels.values[s.card]], ['状态', labels.values[s.state]]
        ].map(([label, value]) => h(c('el-descriptions-item'), { label }, () => value))),
        ...lockers.value.flatMap(l => [
          h('h2', {}, '智能柜：' + l.name + (l.restockDue ? '（待补货）' : '')),
          table(l.compartments, [['格口', x => x.number], ['物资', x => x.supply || ''], ['库存', x => x.stock],
            ['已预约', x => x.reserved], ['可预约', x => x.available]], '暂无格口')
        ]),
        h('h2', {}, '红黄牌'),
        table(cards.value, [['开始日期', x => x.from], ['结束日期', x => x.to], ['红黄牌', x => labels.values[x.card]],
          ['到访', x => x.visits], ['预约', x => x.bookings], ['关门举报', x => x.closureReports]], '暂无评估'),
        h('h2', {}, '关门举报'),
        table(reports.value, [['举报时间', x => time(x.reportedAt)], ['开放时段内', x => (x.duringHours ? '是' : '否')],
          ['说明', x => x.note || '']], '暂无举报')
      ];
    };
  }
};

export const routes = [
  { path: '', component: StationList },
  { path: ':id(\\d+)', component: StationDetail, props: true },
  { path: ':rest(.*)*', redirect: '/m/stations' }
];

/** The 工作台's figures: how many stations, how many open now. */
export async function figures() {
  const [all, open] = await Promise.all([api('stations?limit=1'), api('stations?openNow=true&limit=1')]);
  return { stats: [{ label: '驿站', value: all.total }, { label: '正在开放', value: open.total }] };
}
