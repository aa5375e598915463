package org.unionhub.web.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds an OpenAPI 3.0 document by reading the JAX-RS annotations of the resources that are registered
 * right now, so the document always shows exactly the installed modules. Request and response bodies
 * that are records become schemas from their components.
 */
final class OpenApiBuilder {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<Class<? extends Annotation>> VERBS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);

    private final ObjectNode doc = F.objectNode();
    private final ObjectNode paths = F.objectNode();
    private final ObjectNode schemas = F.objectNode();

    OpenApiBuilder(String title, String version, String description) {
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", title);
        info.put("version", version);
        info.put("description", description);
        doc.putArray("servers").addObject().put("url", "/api");
        ObjectNode sec = doc.putObject("components").putObject("securitySchemes");
        sec.putObject("basic").put("type", "http").put("scheme", "basic");
        sec.putObject("bearer").put("type", "http").put("scheme", "bearer");
    }

    /** Adds one resource class under {@code tag}, e.g. the module id. */
    OpenApiBuilder add(Class<?> resource, String tag) {
        return add(resource, tag, "");
    }

    /** As {@link #add(Class, String)}, for a resource whose application's base is {@code applicationPath} below {@code /api}. */
    OpenApiBuilder add(Class<?> resource, String tag, String applicationPath) {
        String base = join(applicationPath, pathOf(resource.getAnnotation(Path.class)));
        Method[] methods = resource.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            String verb = verb(m);
            if (verb == null || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String full = join(base, pathOf(m.getAnnotation(Path.class)));
            ObjectNode pathItem = paths.has(full) ? (ObjectNode) paths.get(full) : paths.putObject(full);
            ObjectNode op = pathItem.putObject(verb);
            op.putArray("tags").add(tag);
            op.put("operationId", tag + "." + resource.getSimpleName() + "." + m.getName());
            security(op, m, resource);
            ArrayNode params = F.arrayNode();
            for (Parameter p : m.getParameters()) {
                if (p.isAnnotationPresent(Context.class) || p.isAnnotationPresent(BeanParam.class)) {
                    continue;
                }
                String in = null;
                String name = null;
                if (p.getAnnotation(PathParam.class) != null) {
                    in = "path";
                    name = p.getAnnotation(PathParam.class).value();
                } else if (p.getAnnotation(QueryParam.class) != null) {
                    in = "query";
                    name = p.getAnnotation(QueryParam.class).value();
                } else if (p.getAnnotation(HeaderParam.class) != null) {
                    in = "header";
                    name = p.getAnnotation(HeaderParam.class).value();
                }
                if (in != null) {
                    ObjectNode param = params.addObject();
                    param.put("name", name).put("in", in).put("required", "path".equals(in));
                    param.set("schema", schema(p.getParameterizedType()));
                } else if (!"get".equals(verb)) {
                    op.putObject("requestBody").put("required", true).putObject("content")
                            .putObject("application/json").set("schema", schema(p.getParameterizedType()));
                }
            }
            if (!params.isEmpty()) {
                op.set("parameters", params);
            }
            ObjectNode responses = op.putObject("responses");
            ObjectNode ok = responses.putObject(m.getReturnType() == void.class ? "204" : "200");
            ok.put("description", m.getReturnType() == Response.class ? "see the endpoint's description" : "success");
            if (m.getReturnType() != void.class && m.getReturnType() != Response.class) {
                ok.putObject("content").putObject("application/json").set("schema", schema(m.getGenericReturnType()));
            }
            responses.putObject("default").put("description", "an RFC 9457 problem")
                    .putObject("content").putObject("application/problem+json").set("schema", problemSchema());
        }
        return this;
    }

    ObjectNode build() {
        doc.set("paths", paths);
        ((ObjectNode) doc.get("components")).set("schemas", schemas);
        return doc;
    }

    private void security(ObjectNode op, Method m, Class<?> resource) {
        if (m.isAnnotationPresent(PermitAll.class)
                || (!m.isAnnotationPresent(RolesAllowed.class) && resource.isAnnotationPresent(PermitAll.class))) {
            op.putArray("security");
            return;
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
    }

    private ObjectNode schema(Type type) {
        ObjectNode s = F.objectNode();
        Class<?> raw = raw(type);
        if (raw == String.class || raw == char.class || raw == Character.class) {
            s.put("type", "string");
        } else if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
            s.put("type", "integer").put("format", "int64");
        } else if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            s.put("type", "integer").put("format", "int32");
        } else if (raw == BigDecimal.class || raw == double.class || raw == Double.class || raw == float.class) {
            s.put("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            s.put("type", "boolean");
        } else if (raw == LocalDate.class) {
            s.put("type", "string").put("format", "date");
        } else if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class
                || raw == LocalDateTime.class) {
            s.put("type", "string").put("format", "date-time");
        } else if (raw.isEnum()) {
            s.put("type", "string");
            ArrayNode values = s.putArray("enum");
            Arrays.stream(raw.getEnumConstants()).forEach(c -> values.add(((Enum<?>) c).name()));
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            s.put("type", "array");
            s.set("items", schema(raw.isArray() ? raw.getComponentType() : typeArg(type, 0)));
        } else if (Map.class.isAssignableFrom(raw)) {
            s.put("type", "object");
        } else if (raw.isRecord()) {
            String name = name(type);
            if (!schemas.has(name)) {
                ObjectNode def = schemas.putObject(name);
                def.put("type", "object");
                ObjectNode props = def.putObject("properties");
                for (RecordComponent rc : raw.getRecordComponents()) {
                    props.set(rc.getName(), schema(resolve(rc.getGenericType(), type, raw)));
                }
            }
            s.put("$ref", "#/components/schemas/" + name);
        } else {
            s.put("type", "object");
        }
        return s;
    }

    /** Replaces a record's type variable (e.g. Page's T) with the actual argument. */
    private static Type resolve(Type component, Type owner, Class<?> raw) {
        if (component instanceof java.lang.reflect.TypeVariable<?> tv && owner instanceof ParameterizedType pt) {
            var vars = raw.getTypeParameters();
            for (int i = 0; i < vars.length; i++) {
                if (vars[i].getName().equals(tv.getName())) {
                    return pt.getActualTypeArguments()[i];
                }
            }
        }
        if (component instanceof ParameterizedType cp && owner instanceof ParameterizedType) {
            Type[] args = cp.getActualTypeArguments();
            Type[] resolved = new Type[args.length];
            for (int i = 0; i < args.length; i++) {
                resolved[i] = resolve(args[i], owner, raw);
            }
            return new ParameterizedType() {
                public Type[] getActualTypeArguments() {
                    return resolved;
                }

                public Type getRawType() {
                    return cp.getRawType();
                }

                public Type getOwnerType() {
                    return cp.getOwnerType();
                }
            };
        }
        return component;
    }

    private static String name(Type type) {
        Class<?> raw = raw(type);
        if (type instanceof ParameterizedType pt) {
            StringBuilder sb = new StringBuilder(raw.getSimpleName());
            for (Type a : pt.getActualTypeArguments()) {
                sb.append("Of").append(raw(a).getSimpleName());
            }
            return sb.toString();
        }
        return raw.getSimpleName();
    }

    private ObjectNode problemSchema() {
        if (!schemas.has("Problem")) {
            ObjectNode p = schemas.putObject("Problem");
            p.put("type", "object");
            ObjectNode props = p.putObject("properties");
            props.putObject("type").put("type", "string");
            props.putObject("title").put("type", "string");
            props.putObject("status").put("type", "integer");
            props.putObject("detail").put("type", "string");
            ObjectNode err = props.putObject("errors");
            err.put("type", "array");
            ObjectNode item = err.putObject("items");
            item.put("type", "object");
            item.putObject("properties").<ObjectNode>set("field", F.objectNode().put("type", "string"))
                    .set("message", F.objectNode().put("type", "string"));
        }
        return F.objectNode().put("$ref", "#/components/schemas/Problem");
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static Type typeArg(Type t, int i) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
    }

    private static String verb(Method m) {
        for (Class<? extends Annotation> v : VERBS) {
            if (m.isAnnotationPresent(v)) {
                return v.getSimpleName().toLowerCase();
            }
        }
        return null;
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
