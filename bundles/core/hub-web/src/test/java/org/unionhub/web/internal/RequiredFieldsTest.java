package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@link Required} is one source of truth: the reader's 422 and the document's {@code required} say the same. */
class RequiredFieldsTest {

    enum State { OPEN, CLOSED }

    record Venue(@Required @MaxLength(100) String city, String hall) {
    }

    record StallRequest(@Required @MaxLength(200) String companyName, @Required List<String> goods, Venue venue,
            BigDecimal fee, int days) {
    }

    record Stall(long id, @Required String companyName, @Required State state, String note, Venue venue,
            OffsetDateTime closedAt, int days) {
    }

    private static Object read(Class<?> type, String json) throws Exception {
        @SuppressWarnings("unchecked")
        Class<Object> t = (Class<Object>) type;
        return new JsonProvider().readFrom(t, type, new java.lang.annotation.Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, null, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> refused(String json) {
        HubException e = assertThrows(HubException.class, () -> read(StallRequest.class, json));
        assertEquals(422, e.status());
        return e.errors().stream().map(FieldError::field).sorted().collect(Collectors.toList());
    }

    @Test
    void theReaderNamesEveryMissingNullOrBlankRequiredField() throws Exception {
        assertEquals(List.of("companyName", "goods"), refused("{\"days\":2}"));
        assertEquals(List.of("companyName", "goods"), refused("{\"companyName\":\"  \",\"goods\":[],\"days\":2}"));
        assertEquals(List.of("companyName", "venue.city"),
                refused("{\"companyName\":null,\"goods\":[\"茶叶\"],\"venue\":{\"hall\":\"A\"},\"days\":2}"));
        HubException e = assertThrows(HubException.class, () -> read(StallRequest.class, "{\"days\":1}"));
        assertEquals("is required", e.errors().get(0).message());
        // optional fields may be left out or null; a required one present is fine
        read(StallRequest.class, "{\"companyName\":\"厦门海沧茶业\",\"goods\":[\"铁观音\"],\"venue\":null,\"days\":3}");
    }

    @Test
    void theDocumentSaysTheSameForRequestsAndAnswers() {
        OpenApiSchemas schemas = new OpenApiSchemas();
        schemas.of(StallRequest.class, false);
        schemas.of(Stall.class, true);
        ObjectNode all = schemas.build();

        JsonNode request = all.get(OpenApiSchemas.name(StallRequest.class));
        // a primitive too: the reader refuses a body without it (null cannot become an int)
        assertEquals(List.of("companyName", "goods", "days"), names(request.get("required")));
        assertEquals(1, request.at("/properties/companyName/minLength").asInt());
        assertEquals(1, request.at("/properties/goods/minItems").asInt());
        assertFalse(request.at("/properties/companyName/nullable").asBoolean());
        assertTrue(request.at("/properties/fee/nullable").asBoolean());
        assertTrue(request.at("/properties/venue/nullable").asBoolean(), "a record property is wrapped to be nullable");
        assertFalse(request.at("/properties/days").has("nullable"));
        JsonNode venue = all.get(OpenApiSchemas.name(Venue.class));
        assertEquals(List.of("city"), names(venue.get("required")));

        JsonNode answer = all.get(OpenApiSchemas.name(Stall.class));
        // written: primitives always, marked fields never null; the rest may be null and is not required
        assertEquals(List.of("id", "companyName", "state", "days"), names(answer.get("required")));
        assertTrue(answer.at("/properties/note/nullable").asBoolean());
        assertTrue(answer.at("/properties/closedAt/nullable").asBoolean());
        assertFalse(answer.at("/properties/state").has("nullable"));
        assertFalse(answer.at("/properties/companyName").has("minLength"), "an answer's text may be empty");
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
