package org.unionhub.testkit.contract;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The committed API contract ({@code api-client/openapi.json}) and the check of an answer against it: status
 * declared for the operation, media type declared, body valid against the declared schema. Requests are not
 * checked: the fuzz sends wrong ones on purpose.
 */
public final class Contract {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Path FILE = Path.of(System.getProperty("unionhub.contract", "../api-client/openapi.json"));

    /** The contract with requests judged too, for the examples; built once. */
    private static OpenApiInteractionValidator bodies;

    private final OpenApiInteractionValidator validator;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> kinds = new java.util.TreeMap<>();
    private int checked;

    public Contract() {
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(forValidator(read()))
                // requests are the fuzz's business; an answer is what the contract promises
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", com.atlassian.oai.validator.report.ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /**
     * The contract as the validator needs it. A nullable property of a record type is {@code allOf: [$ref],
     * nullable: true} (the OpenAPI 3.0 way, which generators understand); the validator applies the inner schema to
     * a null as well, so here such a property gets a copy of the record's schema marked nullable instead.
     */
    public static String forValidator(String contract) {
        try {
            ObjectNode doc = (ObjectNode) JSON.readTree(contract);
            JsonNode schemas = doc.path("components").path("schemas");
            inlineNullableRefs(doc, schemas);
            return JSON.writeValueAsString(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void inlineNullableRefs(JsonNode node, JsonNode schemas) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = o.get(name);
                if (child.path("nullable").asBoolean() && child.path("allOf").size() == 1
                        && child.path("allOf").get(0).has("$ref")) {
                    String ref = child.path("allOf").get(0).path("$ref").asText();
                    ObjectNode copy = schemas.path(ref.substring(ref.lastIndexOf('/') + 1)).deepCopy();
                    copy.put("nullable", true);
                    o.set(name, copy);
                } else {
                    inlineNullableRefs(child, schemas);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> inlineNullableRefs(n, schemas));
        }
    }

    /**
     * The problems of a request body against the contract's schema for {@code method path} (path parameters filled
     * in), as the validator words them; none when it fits. Only the body is judged: the caller's credentials and
     * parameters are not what an example is about.
     */
    public static synchronized List<String> requestProblems(String method, String path, String body) {
        if (bodies == null) {
            bodies = OpenApiInteractionValidator.createForInlineApiSpecification(forValidator(read())).build();
        }
        SimpleRequest request = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), path)
                .withContentType("application/json").withBody(body).withAuthorization("Basic YWRtaW46YWRtaW4=").build();
        return bodies.validateRequest(request).getMessages().stream()
                .filter(m -> m.getKey().startsWith("validation.request.body") || m.getKey().startsWith("validation.schema"))
                .map(m -> m.getKey() + " " + m.getMessage()).collect(Collectors.toList());
    }

    public static String read() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new IllegalStateException("no contract at " + FILE.toAbsolutePath(), e);
        }
    }

    /** Records a failure unless the answer is what the contract declares for {@code method path}. */
    public synchronized void check(String method, URI uri, int status, Map<String, List<String>> headers, String body) {
        checked++;
        String path = uri.getPath().replaceFirst("^/api", "");
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((k, v) -> response.withHeader(k, v));
        if (body != null && !body.isEmpty()) {
            // CSV and files too: the validator checks that a declared body came (the schema only for JSON)
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
                response.build());
        if (report.hasErrors()) {
            kinds.merge(status + " " + report.getMessages().get(0).getKey(), 1, Integer::sum);
            failures.add(method + " " + uri + " → " + status + ": " + report.getMessages().stream()
                    .map(m -> m.getKey() + " " + m.getMessage()).collect(Collectors.joining("; "))
                    + (body == null ? "" : " body: " + body.substring(0, Math.min(body.length(), 300))));
        }
    }

    public int checked() {
        return checked;
    }

    /** Fails with every answer that broke the contract so far. */
    public synchronized void assertKept() {
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + checked + " answers broke the contract " + kinds + ":\n" + String.join("\n",
                    failures.subList(0, Math.min(failures.size(), 40))));
        }
    }

    /** The document with what may differ between builds of the same contract (the version) taken out. */
    public static JsonNode comparable(String document) throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(document);
        ((ObjectNode) doc.path("info")).remove("version");
        return doc;
    }
}
