package ${package}.api;

import org.osgi.annotation.versioning.ProviderType;
import org.unionhub.api.HubException;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;

/**
 * ${moduleName}'s rules, as other modules may call them (through an optional service reference). Implemented by
 * this module only, hence {@code @ProviderType}: adding a method is a minor change for callers.
 */
@ProviderType
public interface ItemService {

    /** The role that may read every item; admins grant it with {@code POST /api/accounts}. */
    String READER = "${moduleId}-reader";

    /**
     * Creates an item in {@code request.orgId()}, which the caller must manage.
     *
     * @throws HubException 422 naming each invalid field, 403 outside the caller's organisations, 409 for a title
     *         the organisation already has or when it holds the configured maximum of items
     */
    Item create(Caller caller, ItemRequest request);

    /** @throws HubException 404 for an unknown id or one the caller may not see */
    Item get(Caller caller, long id);

    /**
     * One page of items, newest first: of {@code orgId} when given, else of the caller's own organisation (all
     * organisations for admins and readers); a member reads those of his own union only.
     */
    Page<Item> list(Caller caller, Long orgId, PageRequest page);
}
