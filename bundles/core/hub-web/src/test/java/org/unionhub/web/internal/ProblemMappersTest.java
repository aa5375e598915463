package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLDataException;
import java.util.List;
import java.util.Set;

import javax.annotation.security.PermitAll;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.db.DatabaseException;
import org.unionhub.api.validation.Decimal;
import org.unionhub.api.validation.MaxLength;

import com.fasterxml.jackson.databind.JsonNode;

/** Every failure becomes problem+json: the client's mistakes a 4xx naming the field, the hub's own a bare 500 or a 503. */
class ProblemMappersTest {

    private static WebStack web;

    public enum Kind { STALL, BOOTH }

    public record Stall(@MaxLength(20) String name, Integer days, Kind kind, @Decimal(precision = 14, scale = 2) BigDecimal fee,
            List<String> tags) {
    }

    @Path("/failing")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public static class Failing {
        @POST
        @Path("stalls")
        public Stall create(Stall stall) {
            return stall;
        }

        @GET
        @Path("stalls/{id}")
        public String one(@PathParam("id") long id, @QueryParam("limit") Integer limit) {
            throw HubException.notFound("stall", id);
        }

        @GET
        @Path("invalid")
        public String invalid() {
            throw HubException.invalid(List.of(new FieldError("days", "must be between 2 and 6"),
                    new FieldError("startsOn", "must be from November to May")));
        }

        @GET
        @Path("bug")
        public String bug() {
            throw new IllegalStateException("secret internals at Foo.java:42");
        }

        @GET
        @Path("busy")
        public String busy() {
            throw new DatabaseException("Connection is not available, request timed out after 30000ms", null, true);
        }

        @GET
        @Path("column")
        public String column() {
            throw new RuntimeException(new SQLDataException("A truncation error was encountered", "22001"));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        web = new WebStack(Set.of(new JsonProvider(), new ProblemMappers(), new ParamConverters(), new Failing()));
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    private static HttpResponse<String> post(String json) throws Exception {
        return web.send(web.to("/failing/stalls").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return web.send(web.to(path).GET());
    }

    private static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(Problem.MEDIA_TYPE, r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
        JsonNode body = JsonProvider.MAPPER.readTree(r.body());
        assertEquals(status, body.get("status").asInt());
        return body;
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asText();
    }

    @Test
    void aGoodBodyPassesUntouched() throws Exception {
        HttpResponse<String> r = post("{\"name\":\"海沧集市\",\"days\":3,\"kind\":\"STALL\",\"fee\":0.00,\"tags\":[\"免摊位费\"]}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("海沧集市"));
    }

    @Test
    void theHubsOwnRefusalsKeepTheirStatusAndEveryField() throws Exception {
        problem(get("/failing/stalls/7"), 404);
        JsonNode invalid = problem(get("/failing/invalid"), 422);
        assertEquals(2, invalid.get("errors").size());
        assertEquals("startsOn", invalid.get("errors").get(1).get("field").asText());
    }

    @Test
    void malformedJsonSaysWhere() throws Exception {
        JsonNode p = problem(post("{\"name\": \"a\",, }"), 400);
        assertTrue(p.get("detail").asText().contains("line 1, column"), p.toString());
    }

    @Test
    void aWrongTypeAFractionOrANumberForAnEnumNamesTheField() throws Exception {
        assertEquals("days", field(problem(post("{\"days\":\"three\"}"), 400)));
        JsonNode fraction = problem(post("{\"days\":1.5}"), 400);
        assertEquals("days", field(fraction));
        assertTrue(fraction.get("detail").asText().contains("whole number"), fraction.toString());
        JsonNode kind = problem(post("{\"kind\":\"TENT\"}"), 400);
        assertEquals("kind", field(kind));
        assertTrue(kind.get("detail").asText().contains("STALL"), kind.toString());
        assertTrue(post("{\"kind\":0}").statusCode() >= 400);
    }

    @Test
    void limitsOfTheStorageAreCheckedAtTheEdge() throws Exception {
        assertEquals("name", field(problem(post("{\"name\":\"" + "集".repeat(21) + "\"}"), 422)));
        assertEquals("fee", field(problem(post("{\"fee\":1e308}"), 422)));
        assertEquals("tags[1]", field(problem(post("{\"tags\":[\"a\",null]}"), 422)));
        assertEquals("name", field(problem(post("{\"name\":\"a\\u0000b\"}"), 422)));
    }

    @Test
    void aParameterThatDoesNotConvertIsTheClientsMistakeNot404() throws Exception {
        JsonNode id = problem(get("/failing/stalls/abc"), 400);
        assertTrue(id.toString().contains("id"), id.toString());
        JsonNode limit = problem(get("/failing/stalls/1?limit=many"), 400);
        assertTrue(limit.toString().contains("limit"), limit.toString());
    }

    @Test
    void aBugIsA500WithAnIncidentIdAndNoInternals() throws Exception {
        JsonNode p = problem(get("/failing/bug"), 500);
        assertTrue(p.get("detail").asText().matches("the hub failed to answer; incident [0-9a-f-]{36}"), p.toString());
        assertFalse(p.toString().contains("Foo.java"));
    }

    @Test
    void aBusyDatabaseIs503WithRetryAfterAndAColumnThatRefusesIs422() throws Exception {
        HttpResponse<String> busy = get("/failing/busy");
        problem(busy, 503);
        assertTrue(busy.headers().firstValue("Retry-After").isPresent());
        problem(get("/failing/column"), 422);
    }

    @Test
    void anUnknownPathOrMethodIsProblemJsonToo() throws Exception {
        problem(get("/failing/nothing-here"), 404);
        problem(web.send(web.to("/failing/bug").DELETE()), 405);
    }
}
