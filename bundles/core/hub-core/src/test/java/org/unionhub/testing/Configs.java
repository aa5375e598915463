package org.unionhub.testing;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component property type (a DS configuration annotation) with its declared defaults, some of them overridden,
 * as Declarative Services would hand it to a component: keys use the property names ({@code token_hours} is
 * {@code token.hours}).
 */
public final class Configs {

    private Configs() {
    }

    public static <A> A of(Class<A> type, Map<String, ?> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getName().equals("annotationType")) {
                return type;
            }
            if (m.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, m, args, type);
            }
            Object v = values.get(m.getName().replace('_', '.'));
            return v != null ? v : m.getDefaultValue();
        }));
    }

    private static Object objectMethod(Object proxy, Method m, Object[] args, Class<?> type) {
        return switch (m.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "@" + type.getSimpleName();
        };
    }
}
