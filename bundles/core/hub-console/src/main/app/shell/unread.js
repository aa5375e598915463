// The unread count on the tab bar and 首页: read after sign-in, on every tab change and when a message is opened.
import { ref } from 'vue';
import { api, session } from '@unionhub/app-kit';

export const unread = ref(0);

export async function refreshUnread() {
  if (!session.token) {
    unread.value = 0;
    return;
  }
  try {
    unread.value = (await api('me/inbox/unread')).unread;
  } catch (e) {
    unread.value = 0;
  }
}
