package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.unionhub.api.web.Returns;

import com.fasterxml.jackson.databind.JsonNode;

/** Answers the document declares beyond the success: the same report with another status, and Jetty's 414. */
class OpenApiAnswersTest {

    @Path("")
    public static class Health {
        @GET
        @Path("health")
        @PermitAll
        @Returns(value = Map.class, alsoWith = 503)
        public Response health() {
            return Response.ok().build();
        }

        @GET
        @Path("search")
        @PermitAll
        public Map<String, String> search(@QueryParam("q") String q) {
            return Map.of();
        }
    }

    @Test
    void aStartingHubsReportIsItsOwnBodyAndAQueryMayBeTooLong() {
        JsonNode doc = new OpenApiBuilder("t", "1", "d").add(Health.class, "core").build();
        JsonNode health = doc.at("/paths/~1health/get/responses");
        assertEquals(health.at("/200/content"), health.at("/503/content"));
        assertFalse(health.has("414"), "no query, no long URI");
        assertEquals("#/components/responses/UriTooLong", doc.at("/paths/~1search/get/responses/414/$ref").asText());
    }
}
