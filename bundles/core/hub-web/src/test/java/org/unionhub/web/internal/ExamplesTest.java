package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import javax.ws.rs.POST;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.unionhub.api.validation.Required;
import org.unionhub.api.web.Example;

import com.fasterxml.jackson.databind.JsonNode;

/** A record's {@link Example} is the example of every operation that reads it; the resource must be next to it. */
class ExamplesTest {

    @Example("Stall.example.json")
    record StallRequest(@Required String companyName, List<String> goods, int days) {
    }

    @Example("Nowhere.example.json")
    record Lost(String name) {
    }

    @Path("stalls")
    public static class StallResource {
        @POST
        public StallRequest create(StallRequest body) {
            return body;
        }

        @POST
        @Path("lost")
        public Lost lost(Lost body) {
            return body;
        }
    }

    @Test
    void theExampleIsInTheRequestBodyAndAMissingOneIsLeftOut() {
        JsonNode doc = new OpenApiBuilder("t", "1", "d").add(StallResource.class, "fairs", "fairs").build();
        JsonNode example = doc.at("/paths/~1fairs~1stalls/post/requestBody/content/application~1json/example");
        assertEquals("厦门海沧茶业有限公司", example.path("companyName").asText());
        assertEquals(2, example.path("days").asInt());
        assertFalse(doc.at("/paths/~1fairs~1stalls~1lost/post/requestBody/content/application~1json").has("example"));
        assertNull(Examples.of(String.class));
    }
}
