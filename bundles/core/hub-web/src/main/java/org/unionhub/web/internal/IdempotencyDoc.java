package org.unionhub.web.internal;

import org.unionhub.api.web.IdempotentRequests;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Declares the optional {@code Idempotency-Key} header on every signed-in POST that answers 201 (a create). */
final class IdempotencyDoc {

    private IdempotencyDoc() {
    }

    static void declare(ObjectNode op, String verb, boolean secured) {
        if (!"post".equals(verb) || !secured || !op.path("responses").has("201")) {
            return;
        }
        ArrayNode params = op.has("parameters") ? (ArrayNode) op.get("parameters") : op.putArray("parameters");
        ObjectNode p = params.addObject();
        p.put("name", IdempotentRequests.HEADER).put("in", "header").put("required", false)
                .put("description", "A key per form submission (a UUID): a repeat with the same key within "
                        + IdempotentRequests.RETENTION_HOURS + " hours makes no second record and gets the first answer "
                        + "(status, body, Location, with Idempotent-Replayed: true); the same key with another body is "
                        + "a 422 naming Idempotency-Key");
        p.putObject("schema").put("type", "string").put("maxLength", IdempotencyFilter.MAX_KEY);
    }
}
