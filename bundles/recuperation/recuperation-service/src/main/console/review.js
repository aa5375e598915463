// Money filed by one union is reviewed and paid above it (SeparateDuties on the server): never by that union's own
// officers, never by whoever filed it. The screens offer 批准/驳回/支付 only where the server would allow them.
import { session } from '@unionhub/console-kit';
import { isAdmin } from './labels.js';

export function mayReview(orgId, filedBy) {
  const user = session.user || {};
  return (isAdmin() || orgId !== user.orgId) && filedBy !== user.username;
}

/** Asks for a text (a reason, a payment reference, an amount): the kit's, shared with the other modules. */
export { ask } from '@unionhub/console-kit';
