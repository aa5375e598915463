package org.unionhub.web.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ext.ParamConverter;
import javax.ws.rs.ext.ParamConverterProvider;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;

/**
 * Path, query and header parameters of the common types, converted so that a bad one is a 400 naming the
 * parameter and saying what it must be ({@code limit: must be a whole number}), not JAX-RS's bare 404 "a parameter
 * has the wrong type". Dates and amounts meet the same limits as in a body ({@link InputRules}).
 */
@Component(service = ParamConverterProvider.class)
@JaxrsExtension
@JaxrsApplicationSelect("(unionhub.app=true)")
@JaxrsName("unionhub.params")
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) of(name, Integer::valueOf, "must be a whole number");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) of(name, Long::valueOf, "must be a whole number");
        }
        if (rawType == BigDecimal.class) {
            return (ParamConverter<T>) of(name, BigDecimal::new, "must be a number like 120.50");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) of(name, LocalDate::parse, "must be a date like 2025-03-22");
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) of(name, Instant::parse, "must be a time like 2025-03-22T09:00:00Z");
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) of(name, OffsetDateTime::parse, "must be a time like 2025-03-22T09:00:00+08:00");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            // exact first, then upper case, as the modules' own parsing accepted "pending" for PENDING
            return (ParamConverter<T>) of(name, v -> {
                try {
                    return Enum.valueOf(type, v);
                } catch (IllegalArgumentException e) {
                    return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
                }
            },
                    "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
        return null;
    }

    private static <T> ParamConverter<T> of(String name, Function<String, T> parse, String rule) {
        return new ParamConverter<T>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                T result;
                try {
                    result = parse.apply(value.trim());
                } catch (RuntimeException e) {
                    throw HubException.badRequest(name, rule);
                }
                List<FieldError> errors = InputRules.errorsOf(name, result, null);
                if (!errors.isEmpty()) {
                    throw HubException.badRequest(name, errors.get(0).message());
                }
                return result;
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
            if (a instanceof MatrixParam m) {
                return m.value();
            }
            if (a instanceof FormParam f) {
                return f.value();
            }
        }
        return null;
    }
}
