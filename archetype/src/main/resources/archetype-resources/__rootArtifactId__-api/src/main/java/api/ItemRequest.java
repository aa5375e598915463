package ${package}.api;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;
import org.unionhub.api.web.Example;

/**
 * What a client sends to create an item. Boxed on purpose: the service validates every field and answers all
 * errors at once. The annotations are the hub's contract for the field: {@code @Required} ones are refused when
 * missing (422, before the service runs) and listed as required in /api/openapi.json; {@code @MaxLength} is the
 * column's length, checked as the body is read and published as maxLength. A money field would carry
 * {@code @Decimal(precision, scale)} when its column is not DECIMAL(14,2). The example next to this class
 * (ItemRequest.example.json) is what the document shows for the create.
 */
@Example("ItemRequest.example.json")
public record ItemRequest(@Required Long orgId, @Required @MaxLength(ItemRequest.TITLE_MAX) String title,
        @MaxLength(ItemRequest.NOTE_MAX) String note) {

    public static final int TITLE_MAX = 200;
    public static final int NOTE_MAX = 1000;
}
