// ${moduleName} in the member app at /m (under /m/${moduleId}): the items of the member's own union. A plain ES
// module, copied into the bundle's app/ folder as it is (the pom's resources; no build step, as console/main.js): it
// imports only vue, vue-router and @unionhub/app-kit, which the app's import map provides, and draws with Vue's h()
// and the Vant components the app registers (van-nav-bar, van-cell…). The bundle's ConsoleExtension (ConsoleScreens)
// names it; the app lists it while the module runs (GET /api/app/extensions).
import { h, ref, onMounted, resolveComponent } from 'vue';
import { useRouter } from 'vue-router';
import { api, showFailToast, when } from '@unionhub/app-kit';

const Items = {
  setup() {
    const router = useRouter();
    const items = ref([]);
    const loading = ref(true);
    onMounted(async () => {
      try {
        items.value = (await api('${moduleId}/items?limit=50')).items;
      } catch (e) {
        showFailToast(e.message);
      } finally {
        loading.value = false;
      }
    });
    return () => {
      const [NavBar, CellGroup, Cell, Empty] = ['van-nav-bar', 'van-cell-group', 'van-cell', 'van-empty'].map(n => resolveComponent(n));
      return h('div', { class: 'uh-page', id: '${moduleId}-items' }, [
        h(NavBar, { title: '${moduleName}', leftArrow: true, leftText: '首页', onClickLeft: () => router.push('/') }),
        items.value.length
          ? h(CellGroup, { inset: true, style: 'margin-top: 12px' }, () => items.value.map(i =>
            h(Cell, { key: i.id, title: i.title, label: i.note || '', value: when(i.createdAt) })))
          : (loading.value ? null : h(Empty, { description: '暂无内容' }))
      ]);
    };
  }
};

// routes under /m/${moduleId}; a tile on 首页 and an entry on 我的 (icon: a Vant icon name)
export const routes = [{ path: '', component: Items }];
export const tiles = [{ title: '${moduleName}', icon: 'notes-o', to: '' }];
export const mine = [];
