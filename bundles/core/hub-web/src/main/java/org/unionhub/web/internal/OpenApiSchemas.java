package org.unionhub.web.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.unionhub.api.validation.Decimal;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code components/schemas} of the OpenAPI document, from the records resources read and write. A schema is
 * named after the module that owns its record ({@code JobfairsFair}, {@code FairsFair}, {@code HubMember}), so two
 * modules' records of the same short name never share one. Every record component is a property; the limits the
 * JSON reader enforces ({@link InputRules}) are published ({@code maxLength}, money digits, date range), and so is
 * what {@link Required} marks: required and not null; every other non-primitive property is {@code nullable}.
 */
final class OpenApiSchemas {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> HUB_PACKAGES = Set.of("api", "core", "web", "console", "shell");

    private final Map<String, ObjectNode> schemas = new TreeMap<>();
    private final Map<String, Class<?>> owners = new TreeMap<>();
    private final Set<String> written = new HashSet<>();
    private final Set<String> pending = new HashSet<>();
    private final Set<String> enums = new HashSet<>();
    private final Map<String, String> names = new HashMap<>();

    /** The schema of {@code type}; {@code out} when the hub writes it (a response), not when it reads it. */
    ObjectNode of(Type type, boolean out) {
        return of(type, out, null);
    }

    ObjectNode of(Type type, boolean out, RecordComponent limits) {
        ObjectNode s = F.objectNode();
        Class<?> raw = raw(type);
        if (raw == String.class || raw == char.class || raw == Character.class) {
            s.put("type", "string");
            if (limits != null && !out) {
                MaxLength max = limits.getAnnotation(MaxLength.class);
                s.put("maxLength", max == null ? MaxLength.DEFAULT : max.value());
            }
        } else if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
            s.put("type", "integer").put("format", "int64");
        } else if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            s.put("type", "integer").put("format", "int32");
        } else if (raw == BigDecimal.class) {
            decimal(s, limits == null ? null : limits.getAnnotation(Decimal.class), out);
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            s.put("type", "number").put("format", "double");
        } else if (raw == boolean.class || raw == Boolean.class) {
            s.put("type", "boolean");
        } else if (raw == LocalDate.class) {
            s.put("type", "string").put("format", "date");
        } else if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class
                || raw == LocalDateTime.class) {
            s.put("type", "string").put("format", "date-time");
        } else if (raw == LocalTime.class) {
            s.put("type", "string").put("pattern", "^\\d{2}:\\d{2}(:\\d{2})?$");
        } else if (raw == byte[].class) {
            s.put("type", "string").put("format", "binary");
        } else if (raw.isEnum()) {
            // one named schema per enum, so that a generated client has one type for it, not one per property
            String name = unique(raw, raw);
            if (!schemas.containsKey(name)) {
                ObjectNode e = F.objectNode().put("type", "string");
                ArrayNode values = e.putArray("enum");
                Arrays.stream(raw.getEnumConstants()).forEach(c -> values.add(((Enum<?>) c).name()));
                schemas.put(name, e);
                enums.add(name);
            }
            s.put("$ref", "#/components/schemas/" + name);
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            s.put("type", "array");
            s.set("items", of(raw.isArray() ? raw.getComponentType() : typeArg(type, 0), out, limits));
            if (Set.class.isAssignableFrom(raw)) {
                s.put("uniqueItems", true);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            s.put("type", "object");
            Type value = typeArg(type, 1);
            s.set("additionalProperties", value == Object.class ? F.objectNode() : of(value, out));
        } else if (raw.isRecord()) {
            s.put("$ref", "#/components/schemas/" + record(type, raw, out));
        } else {
            s.put("type", "object");
        }
        return s;
    }

    /**
     * All schemas, each record's with {@code required} and {@code nullable} from its components: {@link Required}
     * ones are required and never null; so are primitives (always written, and the reader refuses a record without
     * one: null cannot become an int); every other property may be null (or, in a request, left out).
     */
    ObjectNode build() {
        ObjectNode all = F.objectNode();
        schemas.forEach((name, def) -> {
            Class<?> owner = owners.get(name);
            if (owner != null && !enums.contains(name)) {
                boolean out = written.contains(name);
                ObjectNode props = (ObjectNode) def.get("properties");
                ArrayNode required = F.arrayNode();
                for (RecordComponent rc : owner.getRecordComponents()) {
                    boolean always = rc.isAnnotationPresent(Required.class);
                    if (always || rc.getType().isPrimitive()) {
                        required.add(rc.getName());
                        if (always && !out) {
                            nonEmpty((ObjectNode) props.get(rc.getName()));
                        }
                    } else if (!rc.getType().isPrimitive()) {
                        nullable(props, rc.getName(), enums);
                    }
                }
                if (out) {
                    props.fields().forEachRemaining(e -> {
                        if (e.getValue().path("readOnly").asBoolean()) {
                            required.add(e.getKey()); // a derived boolean (derived()): always written
                        }
                    });
                }
                if (!required.isEmpty()) {
                    def.set("required", required);
                }
            }
            all.set(name, def);
        });
        return all;
    }

    /** A required request field is refused blank or empty too (InputRules), which the schema says as well. */
    private static void nonEmpty(ObjectNode p) {
        if ("string".equals(p.path("type").asText()) && !p.has("format")) {
            p.put("minLength", 1);
        } else if ("array".equals(p.path("type").asText())) {
            p.put("minItems", 1);
        }
    }

    /** Problem and its field errors: the body of every 4xx and 5xx. */
    ObjectNode problem() {
        String name = "HubProblem";
        if (!schemas.containsKey(name)) {
            ObjectNode p = F.objectNode().put("type", "object")
                    .put("description", "An RFC 9457 problem: every 4xx and 5xx answer of the hub.");
            ObjectNode props = p.putObject("properties");
            props.putObject("type").put("type", "string").put("example", "about:blank");
            props.putObject("title").put("type", "string").put("example", "Invalid request");
            props.putObject("status").put("type", "integer").put("format", "int32").put("example", 422);
            props.putObject("detail").put("type", "string");
            ObjectNode item = props.putObject("errors").put("type", "array").putObject("items");
            item.put("type", "object").putArray("required").add("field").add("message");
            ObjectNode ip = item.putObject("properties");
            ip.putObject("field").put("type", "string").put("example", "idNumber");
            ip.putObject("message").put("type", "string").put("example", "check digit does not match");
            p.putArray("required").add("title").add("status");
            schemas.put(name, p);
        }
        return F.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    /** The schema name of a type; a second class with the same module-qualified name gets its outer class's too. */
    private String unique(Type type, Class<?> raw) {
        String key = type.getTypeName();
        String assigned = names.get(key);
        if (assigned != null) {
            return assigned;
        }
        String name = name(type);
        if (names.containsValue(name)) {
            Class<?> outer = raw.getEnclosingClass();
            name = name + "Of" + (outer != null ? outer.getSimpleName() : Integer.toString(names.size()));
        }
        names.put(key, name);
        return name;
    }

    private String record(Type type, Class<?> raw, boolean out) {
        String name = unique(type, raw);
        if (out) {
            written.add(name);
        }
        if (schemas.containsKey(name)) {
            // seen before; a record first seen as a request may now be written too: its parts are written as well
            if (out && pending.add(name + "#out")) {
                for (RecordComponent rc : raw.getRecordComponents()) {
                    of(resolve(rc.getGenericType(), type, raw), true, rc);
                }
            }
            return name;
        }
        ObjectNode def = F.objectNode().put("type", "object");
        schemas.put(name, def);
        owners.put(name, raw);
        if (out) {
            pending.add(name + "#out");
        }
        ObjectNode props = def.putObject("properties");
        for (RecordComponent rc : raw.getRecordComponents()) {
            props.set(rc.getName(), of(resolve(rc.getGenericType(), type, raw), out, rc));
        }
        if (out) {
            derived(raw, props);
        }
        return name;
    }

    /**
     * Jackson writes a record's public {@code isX()} besides its components (ModuleHealth's {@code up}): a read-only
     * boolean property, always there.
     */
    private static void derived(Class<?> raw, ObjectNode props) {
        for (java.lang.reflect.Method m : raw.getMethods()) {
            String n = m.getName();
            if (n.length() > 2 && n.startsWith("is") && Character.isUpperCase(n.charAt(2)) && m.getParameterCount() == 0
                    && m.getReturnType() == boolean.class && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                String property = Character.toLowerCase(n.charAt(2)) + n.substring(3);
                if (!props.has(property)) {
                    props.putObject(property).put("type", "boolean").put("readOnly", true);
                }
            }
        }
    }

    private static void nullable(ObjectNode props, String property, Set<String> enums) {
        ObjectNode p = (ObjectNode) props.get(property);
        if (p.has("$ref")) {
            // OpenAPI 3.0 ignores a sibling of $ref: wrap it so that "nullable" counts
            ObjectNode wrapped = F.objectNode();
            String target = p.get("$ref").asText().replace("#/components/schemas/", "");
            wrapped.put("type", enums.contains(target) ? "string" : "object");
            wrapped.putArray("allOf").add(p.deepCopy());
            wrapped.put("nullable", true);
            props.set(property, wrapped);
        } else {
            p.put("nullable", true);
        }
    }

    private static void decimal(ObjectNode s, Decimal column, boolean out) {
        s.put("type", "number");
        int precision = column == null ? InputRules.MONEY_PRECISION : column.precision();
        int scale = column == null ? InputRules.MONEY_SCALE : column.scale();
        if (!out) {
            s.put("multipleOf", new BigDecimal(BigInteger.ONE, scale));
            s.put("maximum", BigDecimal.TEN.pow(precision - scale).subtract(new BigDecimal(BigInteger.ONE, scale)));
        }
    }

    /** The module-qualified name: {@code org.unionhub.jobfairs.…Fair} → {@code JobfairsFair}. */
    static String name(Type type) {
        Class<?> raw = raw(type);
        StringBuilder sb = new StringBuilder(prefix(raw)).append(raw.getSimpleName());
        if (type instanceof ParameterizedType pt) {
            for (Type a : pt.getActualTypeArguments()) {
                sb.append("Of").append(raw(a).isRecord() ? name(a) : raw(a).getSimpleName());
            }
        }
        return sb.toString();
    }

    private static String prefix(Class<?> raw) {
        String[] parts = raw.getPackageName().split("\\.");
        if (parts.length < 3) {
            return "";
        }
        String module = "org".equals(parts[0]) && "unionhub".equals(parts[1]) ? parts[2] : parts[parts.length - 1];
        if (HUB_PACKAGES.contains(module) && "unionhub".equals(parts[1])) {
            return "Hub";
        }
        if ("internal".equals(module) || "api".equals(module)) {
            module = parts[parts.length - 2];
        }
        return module.substring(0, 1).toUpperCase(Locale.ROOT) + module.substring(1);
    }

    /** Replaces a record's type variable (e.g. Page's T) with the actual argument. */
    private static Type resolve(Type component, Type owner, Class<?> raw) {
        if (component instanceof TypeVariable<?> tv && owner instanceof ParameterizedType pt) {
            TypeVariable<?>[] vars = raw.getTypeParameters();
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

    static Class<?> raw(Type t) {
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
}
