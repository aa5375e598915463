package ${package}.api;

/**
 * What a client sends to create an item. Boxed and unchecked on purpose: the service validates every field
 * and answers all errors at once.
 */
public record ItemRequest(Long orgId, String title, String note) {

    public static final int TITLE_MAX = 200;
    public static final int NOTE_MAX = 1000;
}
