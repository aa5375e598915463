package org.unionhub.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.unionhub.testkit.HubTestSupport.Resp;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on the hub's error answers: every refusal is {@code application/problem+json} naming its field. */
public final class Problems {

    private Problems() {
    }

    /** Asserts a problem+json answer with this status that names {@code field} among its errors (null: any). */
    public static void assertProblem(Resp r, int status, String field) {
        assertEquals("status; body: " + r.raw(), status, r.status());
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            fail("expected application/problem+json, got " + type + ": " + r.raw());
        }
        if (field != null) {
            for (JsonNode e : r.json().path("errors")) {
                if (field.equals(e.path("field").asText())) {
                    return;
                }
            }
            fail("no error names field '" + field + "': " + r.raw());
        }
    }
}
