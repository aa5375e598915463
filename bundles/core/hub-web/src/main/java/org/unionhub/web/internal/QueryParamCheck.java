package org.unionhub.web.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.annotation.Priority;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Priorities;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.unionhub.api.FieldError;

/**
 * Answers 400 naming every query parameter that the matched resource method does not declare, for every module:
 * a client that writes {@code size=200} instead of {@code limit=200} is told so instead of silently getting 50
 * rows. The method's {@code @QueryParam}s (on its parameters, on {@code @BeanParam} types and on the resource
 * class's fields) are found through {@link ResourceInfo} once per method and kept on the resource class itself (a
 * {@link ClassValue}), so that an updated module's old classes take theirs with them.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect("(unionhub.app=true)")
@JaxrsName("unionhub.query-params")
@JSONRequired
@Priority(Priorities.USER)
public class QueryParamCheck implements ContainerRequestFilter {

    @Context
    private ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        Set<String> given = request.getUriInfo().getQueryParameters(false).keySet();
        if (method == null || given.isEmpty()) {
            return; // no resource matched (its 404/405 follows), or nothing to check
        }
        Class<?> type = resourceInfo.getResourceClass();
        Set<String> known = type == null ? declared(method, null)
                : DECLARED.get(type).computeIfAbsent(method, m -> Collections.unmodifiableSet(declared(m, type)));
        List<FieldError> errors = new ArrayList<>();
        for (String name : new TreeSet<>(given)) {
            if (!known.contains(name)) {
                errors.add(new FieldError(name, known.isEmpty() ? "is not a parameter of this request; it takes none"
                        : "is not a parameter of this request; it takes " + String.join(", ", known)));
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? "unknown query parameter " + errors.get(0).field()
                    : errors.size() + " unknown query parameters";
            request.abortWith(Problem.response(400, "Bad request", detail, errors));
        }
    }

    private static final ClassValue<Map<Method, Set<String>>> DECLARED = new ClassValue<>() {
        @Override
        protected Map<Method, Set<String>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    static Set<String> declared(Method method, Class<?> resourceClass) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                }
            }
        }
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] all = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            for (Annotation a : all[i]) {
                if (a instanceof BeanParam) {
                    fields(types[i], names);
                }
            }
        }
        if (resourceClass != null) {
            fields(resourceClass, names);
        }
        return names;
    }

    private static void fields(Class<?> type, Set<String> names) {
        for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
            for (Field f : t.getDeclaredFields()) {
                QueryParam q = f.getAnnotation(QueryParam.class);
                if (q != null) {
                    names.add(q.value());
                }
            }
            for (Method m : t.getDeclaredMethods()) {
                QueryParam q = m.getAnnotation(QueryParam.class);
                if (q != null) {
                    names.add(q.value());
                }
            }
        }
    }
}
