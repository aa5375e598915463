package org.unionhub.itests;

import org.unionhub.testkit.contract.Contract;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A bounded, seeded fuzz of every write operation in the contract: each gets {@link #PER_OPERATION} requests with
 * one thing wrong (a field of the wrong type, null, a NUL, text or numbers far too long, a year 0 or +999999999, a
 * fraction for an integer, a number for an enum, null list elements, a broken body, a wrong media type, a bad path
 * or query parameter), as admin, member or nobody. Any 5xx fails, and so does any error that is not problem+json
 * or an answer the contract does not declare. The seed is printed and can be set with {@code -Dunionhub.fuzz.seed}.
 */
public class FuzzIT {

    private static final int PER_OPERATION = Integer.getInteger("unionhub.fuzz.perOperation", 40);
    private static final long SEED = Long.getLong("unionhub.fuzz.seed", 15L);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> VERBS = List.of("post", "put", "patch", "delete");
    private static final Object[] BAD_VALUES = {null, "", "\u0000", "a\u0000b", "x".repeat(5000), "礼".repeat(100_000),
        1.5, -1, 0, 1e308, "1e2000000", "12345678901234567890123456789012345", true, "not-a-date", "0000-01-01",
        "+999999999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", List.of(), "[null]", "{}", 99999999999999999999.0};

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String base;
    private static final Contract CONTRACT = new Contract();

    @BeforeClass
    public static void startHub() throws Exception {
        base = ContractIT.startAllModules("fuzz-it");
    }

    @AfterClass
    public static void stopHub() throws Exception {
        ContractIT.stopHub();
    }

    @Test
    public void noWriteOperationAnswers5xxOrAnErrorThatIsNotAProblem() throws Exception {
        JsonNode doc = Contract.JSON.readTree(Contract.read());
        JsonNode schemas = doc.path("components").path("schemas");
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String verb : VERBS) {
                JsonNode op = path.getValue().path(verb);
                if (op.isMissingNode()) {
                    continue;
                }
                operations++;
                for (int i = 0; i < PER_OPERATION; i++) {
                    String failure = one(random, verb, path.getKey(), op, schemas);
                    sent++;
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
            }
        }
        System.out.println("fuzz: seed " + SEED + ", " + operations + " write operations, " + sent + " requests, "
                + failures.size() + " failures");
        assertTrue("no write operations in the contract", operations > 0);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + sent + " requests (seed " + SEED + ") got a 5xx or an error that is not a "
                    + "problem:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        }
        CONTRACT.assertKept();
    }

    /** Sends one request with one thing wrong; answers what went wrong with the answer, or null. */
    private String one(Random random, String verb, String template, JsonNode op, JsonNode schemas) throws Exception {
        int kind = random.nextInt(10);
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            String value = kind == 0 ? badParameter(random) : goodParameter(p);
            if ("path".equals(p.path("in").asText())) {
                path = path.replace("{" + p.path("name").asText() + "}", encode(value));
            } else if ("query".equals(p.path("in").asText()) && (kind == 0 || random.nextBoolean())) {
                query.append(query.length() == 0 ? "?" : "&").append(p.path("name").asText()).append('=').append(encode(value));
            }
        }
        String contentType = "application/json";
        String body = null;
        JsonNode content = op.path("requestBody").path("content");
        if (content.has("application/json")) {
            JsonNode sample = sample(content.path("application/json").path("schema"), schemas, 0);
            body = switch (kind) {
                case 1 -> List.of("{", "[]", "null", "\"text\"", "123", "", "{\"a\":", "[".repeat(2000))
                        .get(random.nextInt(8));
                case 2 -> {
                    contentType = "text/plain";
                    yield sample.toString();
                }
                default -> mutate(sample, random).toString();
            };
        } else if (content.size() > 0) {
            contentType = content.fieldNames().next();
            body = kind == 1 ? "\u0000\u0001garbage" : "name,idNumber\n\u0000,1e2000000\n";
        }
        // the public join page's operations (issue 21) are fuzzed without credentials, as strangers send them
        String who = template.startsWith("/join") || template.startsWith("/auth/phone") ? ""
                : List.of("admin", "admin", "admin", "member", "").get(random.nextInt(5));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api" + path + query))
                .timeout(Duration.ofSeconds(30));
        if ((path + query).contains("%00")) {
            // Jetty refuses a NUL in the URI before it reads any body (400 problem+json and Connection: close, which
            // InputLimitsIT checks with the body declared) and closes the connection; a body still on its way then
            // resets it, and the client loses the answer (twice in CI: "header parser received no bytes"). The JDK
            // 17 client's Expect: 100-continue waits forever for a final answer instead of a 100, so such a request
            // goes without its body: the body cannot change an answer given before it is read.
            body = null;
        }
        if (!who.isEmpty()) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((who + ":" + who).getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        b.method(verb.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> r;
        try {
            r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // a request the hub dropped without an answer is a failure like a 5xx, named like one
            return verb.toUpperCase() + " " + path + query + " as " + (who.isEmpty() ? "nobody" : who)
                    + " → no answer (" + e + ") for " + (body == null ? "no body" : body.substring(0, Math.min(200, body.length())));
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() >= 500 || (r.statusCode() >= 400 && !type.startsWith("application/problem+json"))) {
            return verb.toUpperCase() + " " + path + query + " as " + (who.isEmpty() ? "nobody" : who) + " → "
                    + r.statusCode() + " " + type + ": " + r.body().substring(0, Math.min(200, r.body().length()))
                    + " for " + (body == null ? "no body" : body.substring(0, Math.min(200, body.length())));
        }
        CONTRACT.check(verb, r.uri(), r.statusCode(), r.headers().map(), r.body());
        return null;
    }

    private static String goodParameter(JsonNode p) {
        JsonNode schema = p.path("schema");
        if (schema.has("$ref") || "string".equals(schema.path("type").asText())) {
            return "member";
        }
        return "boolean".equals(schema.path("type").asText()) ? "true" : "1";
    }

    private static String badParameter(Random random) {
        return List.of("abc", "-1", "1.5", "99999999999999999999", "\u0000", "%", "x".repeat(3000), "0000-01-01",
                "", "NOPE").get(random.nextInt(10));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A plausible value for {@code schema}: the body the mutation starts from. */
    private static JsonNode sample(JsonNode schema, JsonNode schemas, int depth) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            return sample(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), schemas, depth + 1);
        }
        if (schema.has("allOf")) {
            return sample(schema.path("allOf").get(0), schemas, depth + 1);
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        switch (schema.path("type").asText("object")) {
            case "string":
                return F.textNode(switch (schema.path("format").asText()) {
                    case "date" -> "2026-05-01";
                    case "date-time" -> "2026-05-01T09:00:00+08:00";
                    default -> "海沧";
                });
            case "integer":
                return F.numberNode(1);
            case "number":
                return F.numberNode(new java.math.BigDecimal("10.50"));
            case "boolean":
                return F.booleanNode(true);
            case "array":
                return depth > 6 ? F.arrayNode() : F.arrayNode().add(sample(schema.path("items"), schemas, depth + 1));
            default:
                ObjectNode o = F.objectNode();
                if (depth <= 6) {
                    schema.path("properties").fields().forEachRemaining(e -> o.set(e.getKey(),
                            sample(e.getValue(), schemas, depth + 1)));
                }
                return o;
        }
    }

    /** The sample with one property, at any depth, replaced by a bad value. */
    private static JsonNode mutate(JsonNode sample, Random random) {
        JsonNode copy = sample.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collect(copy, containers);
        if (containers.isEmpty()) {
            return Contract.JSON.valueToTree(BAD_VALUES[random.nextInt(BAD_VALUES.length)]);
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        Object bad = BAD_VALUES[random.nextInt(BAD_VALUES.length)];
        JsonNode value = "[null]".equals(bad) ? F.arrayNode().addNull() : "{}".equals(bad) ? F.objectNode()
                : "1e2000000".equals(bad) ? F.numberNode(new java.math.BigDecimal("1e2000000"))
                : Contract.JSON.valueToTree(bad);
        if (target.isObject() && target.size() > 0) {
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            ((ObjectNode) target).set(names.get(random.nextInt(names.size())), value);
        } else if (target.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) target).add(value);
        }
        return copy;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(n -> collect(n, containers));
        }
    }
}
