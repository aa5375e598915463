// Rest stations (工会驿站) in the member app at /m/stations: a station finder for the member on his round (riders,
// couriers, drivers), the stations open now first, filtered by what he needs (water, charging, a microwave…), with
// the address, hours and satisfaction. A plain ES module, copied as it is into the bundle's app/ folder (the pom's
// resources; no build step, as console/main.js): it imports only vue, vue-router and @unionhub/app-kit, which the
// app's import map provides, and draws with Vue's h() and the Vant components the app registers.
import { h, ref, onMounted, resolveComponent } from 'vue';
import { useRouter } from 'vue-router';
import { api, showFailToast } from '@unionhub/app-kit';

const SERVICES = { rest: '休息', water: '饮水', charging: '充电', microwave: '微波炉', toilet: '卫生间', 'first-aid': '急救药箱',
  lockers: '智能柜', reading: '阅读', cooling: '纳凉', heating: '取暖', wifi: '无线网络', umbrella: '雨伞', repair: '维修工具' };
const NEEDS = ['water', 'charging', 'microwave', 'toilet'];

function hours(s) {
  if (s.open24h) return '24 小时开放';
  const day = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'][new Date().getDay()];
  const today = (s.hours || []).find(d => d.day === day);
  return today ? '今天 ' + today.opens + '–' + today.closes : '今天不开放';
}

const Finder = {
  setup() {
    const router = useRouter();
    const stations = ref([]);
    const need = ref('');
    const openNow = ref(true);
    const loading = ref(true);

    async function load() {
      loading.value = true;
      const q = ['limit=100', 'state=ACTIVE'];
      if (openNow.value) q.push('openNow=true');
      if (need.value) q.push('service=' + encodeURIComponent(need.value));
      try {
        stations.value = (await api('stations?' + q.join('&'))).items;
      } catch (e) {
        showFailToast(e.message);
      } finally {
        loading.value = false;
      }
    }
    onMounted(load);

    const chip = (Button, label, on, toggle, id) => h(Button, { size: 'small', round: true, type: on ? 'primary' : 'default',
      'aria-pressed': String(on), 'data-filter': id, onClick: () => { toggle(); load(); } }, () => label);

    return () => {
      const [NavBar, Button, CellGroup, Cell, Tag, Empty] = ['van-nav-bar', 'van-button', 'van-cell-group', 'van-cell', 'van-tag',
        'van-empty'].map(n => resolveComponent(n));
      return h('div', { class: 'uh-page', id: 'stations-finder' }, [
        h(NavBar, { title: '找驿站', leftArrow: true, leftText: '首页', onClickLeft: () => router.push('/') }),
        h('div', { class: 'st-filters', role: 'group', 'aria-label': '筛选' }, [
          chip(Button, '正在开放', openNow.value, () => { openNow.value = !openNow.value; }, 'openNow'),
          ...NEEDS.map(n => chip(Button, SERVICES[n], need.value === n, () => { need.value = need.value === n ? '' : n; }, n))
        ]),
        ...stations.value.map(s => h(CellGroup, { inset: true, class: 'st-station', key: s.id, 'data-station': s.id }, () => [
          h(Cell, { title: s.name, label: s.address, class: 'uh-tagged' }, {
            value: () => h(Tag, { type: s.openNow ? 'success' : 'default' }, () => (s.openNow ? '开放中' : '未开放'))
          }),
          h(Cell, { title: '开放时间', value: hours(s) }),
          h(Cell, { title: '服务', label: (s.services || []).map(x => SERVICES[x] || x).join('、') }),
          s.ratingAverage != null ? h(Cell, { title: '满意度', value: s.ratingAverage + '（' + s.ratingCount + ' 条评价）' }) : null
        ])),
        !loading.value && !stations.value.length ? h(Empty, { description: '附近没有符合条件的驿站', imageSize: 80 }) : null
      ]);
    };
  }
};

export const routes = [{ path: '', component: Finder }];
export const tiles = [{ title: '找驿站', icon: 'location-o', to: '' }];
export const mine = [];
