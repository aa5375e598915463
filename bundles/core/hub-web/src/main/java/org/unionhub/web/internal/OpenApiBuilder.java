package org.unionhub.web.internal;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.unionhub.api.web.Returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds an OpenAPI 3.0 document by reading the JAX-RS annotations of the resources that are registered
 * right now, so the document always shows exactly the installed modules. Each operation gets its module as tag,
 * a summary, a description with the roles it needs, typed success answers ({@link Returns} where the signature
 * says {@code Response}; 201 with {@code Location}), the problem+json answers that can happen, and bodies in the
 * media types the resource consumes. Schemas come from {@link OpenApiSchemas}.
 */
final class OpenApiBuilder {

    /** Where the whiteboard serves every application today; the document's one server. */
    static final String API_BASE = "/api";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<Class<? extends Annotation>> VERBS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);
    private static final List<String> BINARY = List.of("application/pdf", "image/jpeg", "image/png",
            MediaType.APPLICATION_OCTET_STREAM);

    private final ObjectNode doc = F.objectNode();
    private final TreeMap<String, ObjectNode> paths = new TreeMap<>();
    private final OpenApiSchemas schemas = new OpenApiSchemas();
    private final Set<String> tags = new HashSet<>();
    private final Set<String> operationIds = new HashSet<>();

    OpenApiBuilder(String title, String version, String description) {
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", title);
        info.put("version", version);
        info.put("description", description);
        info.putObject("contact").put("name", "UnionHub").put("url", "https://unionhub.org");
        info.putObject("license").put("name", "Apache-2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        doc.putArray("servers").addObject().put("url", API_BASE).put("description", "this hub");
    }

    /**
     * The full path of a resource method: {@link #API_BASE}, its application's path below it (e.g. {@code fairs}
     * for {@code /api/fairs}, empty for the core's application at {@code /api}), the resource's and the method's
     * {@code @Path}.
     */
    static String fullPath(String applicationPath, Class<?> resource, Method m) {
        return join(API_BASE, join(applicationPath, join(pathOf(resource.getAnnotation(Path.class)),
                pathOf(m.getAnnotation(Path.class)))));
    }

    /** Adds one resource class of the core's application under {@code tag}. */
    OpenApiBuilder add(Class<?> resource, String tag) {
        return add(resource, tag, "");
    }

    /** Adds one resource class under {@code tag} (the module id), whose application's base is {@code applicationPath} below {@code /api}. */
    OpenApiBuilder add(Class<?> resource, String tag, String applicationPath) {
        Method[] methods = resource.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        tags.add(tag);
        for (Method m : methods) {
            String verb = verb(m);
            if (verb == null || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String full = fullPath(applicationPath, resource, m);
            String path = full.substring(API_BASE.length()).isEmpty() ? "/" : full.substring(API_BASE.length());
            ObjectNode pathItem = paths.computeIfAbsent(path, p -> F.objectNode());
            if (pathItem.has(verb)) {
                // a second method for the same verb and path differs by what it consumes (JSON or CSV)
                addBody((ObjectNode) pathItem.get(verb), m, resource);
                continue;
            }
            ObjectNode op = pathItem.putObject(verb);
            op.putArray("tags").add(tag);
            String noun = words(resource.getSimpleName().replaceAll("Resource$", ""));
            op.put("summary", capitalise(words(m.getName())) + " (" + noun + ")");
            op.put("operationId", operationId(tag, resource, m));
            boolean secured = security(op, m, resource, verb, full);
            int params = parameters(op, m);
            boolean hasBody = addBody(op, m, resource);
            responses(op, m, resource, verb, secured, full.contains("{"), params > 0 || hasBody);
            IdempotencyDoc.declare(op, verb, secured);
            if (hasQuery(op)) {
                // a query can make the URI longer than the server reads: Jetty's 414, as problem+json (JettyProblems)
                ((ObjectNode) op.get("responses")).putObject("414").put("$ref", "#/components/responses/UriTooLong");
            }
        }
        return this;
    }

    ObjectNode build() {
        ObjectNode p = doc.putObject("paths");
        paths.forEach(p::set);
        ObjectNode components = doc.putObject("components");
        ObjectNode problem = schemas.problem();
        ObjectNode responses = components.putObject("responses");
        problemResponse(responses, "BadRequest", "The request is malformed or a parameter has the wrong type.", problem);
        problemResponse(responses, "Unauthorized", "No or wrong credentials.", problem);
        problemResponse(responses, "Forbidden", "The account lacks the role or the organisation.", problem);
        problemResponse(responses, "NotFound", "No such resource.", problem);
        problemResponse(responses, "NotAcceptable", "The operation does not answer in the media types of Accept.",
                problem);
        problemResponse(responses, "UnsupportedMediaType", "The body is not in a media type the operation reads.",
                problem);
        problemResponse(responses, "Conflict", "A duplicate or a state that does not allow it.", problem);
        problemResponse(responses, "Invalid", "One or more fields are invalid; each is named in errors.", problem);
        problemResponse(responses, "TooManyRequests", "Too many failed sign-ins or rationed requests; retry after "
                + "Retry-After seconds.", problem);
        problemResponse(responses, "PayloadTooLarge", "The body is larger than the operation takes.", problem);
        problemResponse(responses, "UriTooLong", "The URI is longer than the server reads.", problem);
        problemResponse(responses, "Unavailable", "The database is busy; retry after Retry-After seconds.", problem);
        components.set("schemas", schemas.build());
        ObjectNode sec = components.putObject("securitySchemes");
        sec.putObject("basic").put("type", "http").put("scheme", "basic");
        sec.putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "A token from POST /auth/token");
        ArrayNode t = doc.putArray("tags");
        tags.stream().sorted().forEach(name -> t.addObject().put("name", name)
                .put("description", "core".equals(name) ? "The hub: organisations, members, accounts, modules"
                        : "The " + name + " module"));
        return doc;
    }

    private static void problemResponse(ObjectNode responses, String name, String text, ObjectNode problem) {
        responses.putObject(name).put("description", text).putObject("content")
                .putObject("application/problem+json").set("schema", problem);
    }

    private String operationId(String tag, Class<?> resource, Method m) {
        String base = camel(tag) + resource.getSimpleName().replaceAll("Resource$", "") + capitalise(m.getName());
        String id = base;
        for (int i = 2; !operationIds.add(id); i++) {
            id = base + i;
        }
        return id;
    }

    private int parameters(ObjectNode op, Method m) {
        ArrayNode params = F.arrayNode();
        for (Parameter p : m.getParameters()) {
            String in = null;
            String name = null;
            if (p.getAnnotation(PathParam.class) != null) {
                in = "path";
                name = p.getAnnotation(PathParam.class).value();
            } else if (p.getAnnotation(QueryParam.class) != null) {
                in = "query";
                name = p.getAnnotation(QueryParam.class).value();
            } else if (p.getAnnotation(HeaderParam.class) != null
                    && !Set.of("content-type", "authorization", "accept")
                            .contains(p.getAnnotation(HeaderParam.class).value().toLowerCase(Locale.ROOT))) {
                in = "header";
                name = p.getAnnotation(HeaderParam.class).value();
            }
            if (in != null) {
                ObjectNode param = params.addObject();
                param.put("name", name).put("in", in).put("required", "path".equals(in));
                param.set("schema", schemas.of(p.getParameterizedType(), false));
            }
        }
        if (!params.isEmpty()) {
            op.set("parameters", params);
        }
        return params.size();
    }

    /** The request body, in the media types the method consumes; false when it takes none. */
    private boolean addBody(ObjectNode op, Method m, Class<?> resource) {
        for (Parameter p : m.getParameters()) {
            if (p.getAnnotations().length > 0 && (p.isAnnotationPresent(Context.class)
                    || p.isAnnotationPresent(BeanParam.class) || p.isAnnotationPresent(PathParam.class)
                    || p.isAnnotationPresent(QueryParam.class) || p.isAnnotationPresent(HeaderParam.class))) {
                continue;
            }
            ObjectNode body = op.has("requestBody") ? (ObjectNode) op.get("requestBody") : op.putObject("requestBody");
            ObjectNode content = body.has("content") ? (ObjectNode) body.get("content") : body.putObject("content");
            Class<?> type = p.getType();
            List<String> consumes = consumes(m, resource);
            boolean raw = type == InputStream.class || type == byte[].class;
            if (raw && consumes.contains(MediaType.WILDCARD)) {
                consumes = BINARY;
            }
            boolean text = type == String.class;
            body.put("required", !(text && consumes.contains(MediaType.WILDCARD)));
            for (String media : consumes) {
                ObjectNode schema;
                if (raw) {
                    schema = media.startsWith("text/") ? F.objectNode().put("type", "string")
                            : F.objectNode().put("type", "string").put("format", "binary");
                } else if (text && media.equals(MediaType.WILDCARD)) {
                    // read as text and parsed by the resource: a JSON object or nothing at all
                    media = MediaType.APPLICATION_JSON;
                    schema = F.objectNode().put("type", "object");
                } else if (text) {
                    schema = F.objectNode().put("type", "string");
                } else {
                    schema = schemas.of(p.getParameterizedType(), false);
                }
                ObjectNode mediaType = content.putObject(media.replaceAll(";.*", "").trim());
                mediaType.set("schema", schema);
                JsonNode example = media.contains("json") ? Examples.of(type) : null;
                if (example != null) {
                    mediaType.set("example", example);
                }
            }
            return true;
        }
        return false;
    }

    private static List<String> consumes(Method m, Class<?> resource) {
        Consumes c = m.getAnnotation(Consumes.class) != null ? m.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        return c == null ? List.of(MediaType.APPLICATION_JSON) : List.of(c.value());
    }

    private void responses(ObjectNode op, Method m, Class<?> resource, String verb, boolean secured, boolean byId,
            boolean hasInput) {
        ObjectNode responses = op.putObject("responses");
        Returns returns = m.getAnnotation(Returns.class);
        Type type = returns != null ? returns.value() : m.getGenericReturnType();
        boolean none = type == void.class || type == Void.class || (returns == null && m.getReturnType() == Response.class);
        int status = returns != null ? returns.status() : none ? 204 : 200;
        ObjectNode ok = responses.putObject(Integer.toString(status));
        ok.put("description", status == 201 ? "created" : none ? "done, nothing to answer" : "success");
        if (status == 201) {
            ok.putObject("headers").putObject("Location").put("description", "the URL of what was created")
                    .putObject("schema").put("type", "string").put("format", "uri");
        }
        if (!none) {
            ObjectNode content = ok.putObject("content");
            for (String media : produces(m, resource, returns)) {
                content.putObject(media).set("schema", schemas.of(type, true));
            }
        }
        if (hasInput || byId) {
            ref(responses, "400", "BadRequest");
        }
        // wrong credentials are refused on any operation, open ones included
        ref(responses, "401", "Unauthorized");
        if (secured || !"get".equals(verb)) {
            // an open write may still be refused by its module (a withdrawal without the applicant's token)
            ref(responses, "403", "Forbidden");
        }
        if (byId) {
            ref(responses, "404", "NotFound");
        }
        if (!"get".equals(verb)) {
            ref(responses, "409", "Conflict");
        }
        if (!"get".equals(verb) || hasQuery(op)) {
            // a read refuses query values that do not go together (a range whose end is before its start)
            ref(responses, "422", "Invalid");
        }
        if (op.has("requestBody")) {
            ref(responses, "413", "PayloadTooLarge"); // over request.max.bytes, or an upload over its module's limit
            ref(responses, "415", "UnsupportedMediaType");
        }
        if (responses.size() == 2) {
            // nothing else can go wrong here but asking for a media type the operation does not answer in
            ref(responses, "406", "NotAcceptable");
        }
        // credentials of an account under sign-in throttling are refused on any operation (and modules ration some)
        ref(responses, "429", "TooManyRequests");
        ref(responses, "503", "Unavailable");
        if (returns != null && ok.has("content")) {
            for (int also : returns.alsoWith()) {
                // the same body as the success, in place of a problem (the health report of a hub still starting)
                ObjectNode same = responses.putObject(Integer.toString(also));
                same.put("description", "the same report, with this status");
                same.set("content", ok.get("content").deepCopy());
            }
        }
    }

    private static boolean hasQuery(ObjectNode op) {
        return op.path("parameters").findValuesAsText("in").contains("query");
    }

    private static List<String> produces(Method m, Class<?> resource, Returns returns) {
        if (returns != null && returns.mediaTypes().length > 0) {
            return List.of(returns.mediaTypes());
        }
        Produces p = m.getAnnotation(Produces.class) != null ? m.getAnnotation(Produces.class)
                : resource.getAnnotation(Produces.class);
        if (p == null || p.value().length == 0 || p.value()[0].equals(MediaType.WILDCARD)) {
            return returns != null && returns.value() == byte[].class ? BINARY : List.of(MediaType.APPLICATION_JSON);
        }
        return Arrays.stream(p.value()).map(v -> v.replaceAll(";.*", "").trim()).distinct().toList();
    }

    private static void ref(ObjectNode responses, String status, String name) {
        responses.putObject(status).put("$ref", "#/components/responses/" + name);
    }

    /** Declares who may call the operation, as security, {@code x-roles} and in words; true when sign-in is needed. */
    private boolean security(ObjectNode op, Method m, Class<?> resource, String verb, String full) {
        String where = "`" + verb.toUpperCase(Locale.ROOT) + " " + full + "`. ";
        if (m.isAnnotationPresent(PermitAll.class)
                || (!m.isAnnotationPresent(RolesAllowed.class) && resource.isAnnotationPresent(PermitAll.class))) {
            op.putArray("security").addObject();
            op.put("description", where + "Open to anyone, signed in or not.");
            return false;
        }
        ArrayNode security = op.putArray("security");
        security.addObject().putArray("basic");
        security.addObject().putArray("bearer");
        RolesAllowed roles = m.getAnnotation(RolesAllowed.class) != null ? m.getAnnotation(RolesAllowed.class)
                : resource.getAnnotation(RolesAllowed.class);
        ArrayNode r = op.putArray("x-roles");
        if (roles != null) {
            Arrays.stream(roles.value()).forEach(r::add);
        }
        op.put("description", where + (roles == null ? "Any signed-in account."
                : "Roles: " + String.join(", ", roles.value()) + "; an officer only within his organisation."));
        return true;
    }

    private static String verb(Method m) {
        for (Class<? extends Annotation> v : VERBS) {
            if (m.isAnnotationPresent(v)) {
                return v.getSimpleName().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String camel(String id) {
        String[] parts = id.split("[^A-Za-z0-9]+");
        StringBuilder sb = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
        for (int i = 1; i < parts.length; i++) {
            sb.append(capitalise(parts[i]));
        }
        return sb.toString();
    }

    private static String pathOf(Path p) {
        return p == null ? "" : p.value();
    }

    static String join(String base, String sub) {
        String a = base.replaceAll("^/+|/+$", "");
        String b = sub.replaceAll("^/+|/+$", "");
        String joined = a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
        return "/" + joined.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
    }
}
