package ${package}.api;

import org.unionhub.api.Topics;

/** EventAdmin topics of ${moduleName}; posted after the change has committed. */
public final class ItemEvents {

    public static final String MODULE = "${moduleId}";

    /** An item was created. Properties: {@code id}, {@code orgId}, {@code title}. */
    public static final String ITEM_CREATED = Topics.of(MODULE, "ITEM_CREATED");

    /** Every topic of this module, for an EventHandler's {@code event.topics}. */
    public static final String ALL = Topics.all(MODULE);

    private ItemEvents() {
    }
}
