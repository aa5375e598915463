package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.booths.api.BoothsResource;
import org.unionhub.stalls.api.StallsResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The document built from two modules' resources: names, paths, statuses, roles and bodies as a client generator needs them. */
class OpenApiBuilderTest {

    private static ObjectNode doc;

    @BeforeAll
    static void build() {
        doc = new OpenApiBuilder("UnionHub", "1.0", "test").add(StallsResource.class, "stalls", "stalls")
                .add(BoothsResource.class, "booths", "booths").build();
    }

    private static JsonNode op(String path, String verb) {
        JsonNode op = doc.path("paths").path(path).path(verb);
        assertFalse(op.isMissingNode(), verb + " " + path + " in " + doc.path("paths").fieldNames());
        return op;
    }

    private static String ref(JsonNode schema) {
        return schema.path("$ref").asText().replace("#/components/schemas/", "");
    }

    @Test
    void eachModulesRecordsHaveTheirOwnSchemaEvenWithTheSameShortName() {
        String stalls = ref(op("/stalls/fairs/{id}", "get").path("responses").path("200").path("content")
                .path("application/json").path("schema"));
        String booths = ref(op("/booths/fairs/{id}", "get").path("responses").path("200").path("content")
                .path("application/json").path("schema"));
        assertEquals("StallsFair", stalls);
        assertEquals("BoothsFair", booths);
        assertTrue(doc.path("components").path("schemas").path("BoothsFair").path("properties").has("livestreamUrl"));
        assertFalse(doc.path("components").path("schemas").path("StallsFair").path("properties").has("livestreamUrl"));
    }

    @Test
    void aCreateIs201WithLocationAndTheCreatedBody() {
        JsonNode created = op("/stalls/fairs", "post").path("responses").path("201");
        assertTrue(created.path("headers").has("Location"));
        assertEquals("StallsFair", ref(created.path("content").path("application/json").path("schema")));
        assertFalse(op("/stalls/fairs", "post").path("responses").has("200"));
    }

    @Test
    void everyOperationHasATagAnIdAndItsRolesAndUniqueIds() {
        Set<String> ids = new HashSet<>();
        doc.path("paths").forEach(item -> item.forEach(op -> {
            assertTrue(op.path("tags").size() == 1, op.toString());
            assertTrue(ids.add(op.path("operationId").asText()), "unique operationId " + op.path("operationId"));
            assertFalse(op.path("summary").asText().isBlank());
        }));
        assertEquals("[\"admin\",\"officer\"]", op("/stalls/fairs/{id}", "get").path("x-roles").toString());
        assertEquals("[\"admin\"]", op("/stalls/fairs/import", "post").path("x-roles").toString());
        assertTrue(op("/stalls/fairs", "get").path("description").asText().contains("Open to anyone"));
        assertFalse(op("/stalls/fairs", "get").path("responses").has("403"), "an open operation forbids nobody");
        assertTrue(op("/stalls/fairs/{id}", "get").path("responses").has("403"));
    }

    @Test
    void errorsAreDeclaredAsProblemJsonWhereTheyCanHappen() {
        JsonNode byId = op("/stalls/fairs/{id}", "get").path("responses");
        assertEquals("#/components/responses/NotFound", byId.path("404").path("$ref").asText());
        assertFalse(op("/stalls/fairs", "get").path("responses").has("404"), "a list has no 404");
        JsonNode create = op("/stalls/fairs", "post").path("responses");
        assertTrue(create.has("422") && create.has("409") && create.has("415"));
        assertTrue(doc.path("components").path("responses").path("Invalid").path("content").has("application/problem+json"));
    }

    @Test
    void parametersAndBodiesAreTyped() {
        JsonNode params = op("/stalls/fairs", "get").path("parameters");
        assertEquals(2, params.size());
        assertEquals("query", params.get(0).path("in").asText());
        JsonNode id = op("/stalls/fairs/{id}", "get").path("parameters").get(0);
        assertTrue(id.path("required").asBoolean());
        assertEquals("integer", id.path("schema").path("type").asText());
        JsonNode csv = op("/stalls/fairs/import", "post").path("requestBody").path("content");
        assertEquals("string", csv.path("text/csv").path("schema").path("type").asText());
        assertEquals(200, doc.path("components").path("schemas").path("StallsFairRequest").path("properties")
                .path("name").path("maxLength").asInt());
    }

    @Test
    void anEnumIsListedByItsValues() {
        JsonNode status = doc.path("components").path("schemas").path("StallsStatus");
        assertEquals("[\"OPEN\",\"CLOSED\"]", status.path("enum").toString());
    }
}
