// Console strings in Chinese and English; modules pass their own tables to t() as a second argument.
const strings = {
  zh: {
    home: '首页', members: '会员', orgs: '组织', audit: '审计日志', admin: '模块管理', platform: '平台', modules: '服务模块',
    signin: '登录', signout: '退出', username: '用户名', password: '密码', wrong: '用户名或密码错误',
    region: '地区', health: '运行状态', database: '数据库', module: '模块', state: '状态', version: '版本',
    enable: '启用', disable: '停用', swap: '切换政策', policy: '政策', save: '保存', create: '新建', cancel: '取消',
    prev: '上一页', next: '下一页', of: '共', name: '姓名', phone: '手机', org: '所属组织', employmentForm: '就业形态',
    newFormKind: '新业态类型', cardNumber: '会员卡号', joinedOn: '入会日期', idNumber: '身份证号', kind: '类型', parent: '上级组织',
    actor: '操作人', action: '操作', entity: '对象', at: '时间', changes: '变更', saved: '已保存', search: '搜索',
    neededBy: '依赖它的模块', dataKept: '保留的数据', confirmDisable: '停用后数据保留。确定停用？', nothing: '无',
    headlines: '主要数字', noModules: '尚未安装服务模块', lang: 'English'
  },
  en: {
    home: 'Home', members: 'Members', orgs: 'Organisations', audit: 'Audit log', admin: 'Modules', platform: 'Platform', modules: 'Services',
    signin: 'Sign in', signout: 'Sign out', username: 'User name', password: 'Password', wrong: 'Wrong user name or password',
    region: 'Region', health: 'Health', database: 'Database', module: 'Module', state: 'State', version: 'Version',
    enable: 'Enable', disable: 'Disable', swap: 'Swap policy', policy: 'Policy', save: 'Save', create: 'New', cancel: 'Cancel',
    prev: 'Previous', next: 'Next', of: 'of', name: 'Name', phone: 'Phone', org: 'Organisation', employmentForm: 'Employment form',
    newFormKind: 'New-form kind', cardNumber: 'Card number', joinedOn: 'Joined on', idNumber: 'ID-card number', kind: 'Kind', parent: 'Parent',
    actor: 'Actor', action: 'Action', entity: 'Entity', at: 'At', changes: 'Changes', saved: 'Saved', search: 'Search',
    neededBy: 'Needed by', dataKept: 'Data kept', confirmDisable: 'The data stays. Disable?', nothing: 'none',
    headlines: 'Headline figures', noModules: 'No service module installed yet', lang: '中文'
  }
};

export let lang = localStorage.getItem('unionhub.lang') || 'zh';

export function setLang(l) {
  lang = l;
  localStorage.setItem('unionhub.lang', l);
}

/** Translates key from the module's own table first, then the console's. */
export function t(key, table) {
  const own = table && table[lang] && table[lang][key];
  return own || (strings[lang] && strings[lang][key]) || key;
}
