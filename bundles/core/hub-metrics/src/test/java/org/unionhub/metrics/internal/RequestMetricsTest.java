package org.unionhub.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

/** The labels of the request timer: few and stable, never a raw path with ids in it. */
class RequestMetricsTest {

    @Path("plans")
    static class Plans {
        @Path("{id: [0-9]+}/enrolments")
        public void enrolments() {
        }

        public void list() {
        }
    }

    @Path("")
    static class Root {
        public void list() {
        }
    }

    private static Path method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name).getAnnotation(Path.class);
    }

    @Test
    void theRouteIsThePathTemplateWithoutParameterPatterns() throws Exception {
        assertEquals("plans/{id}/enrolments", RequestMetrics.template(Plans.class.getAnnotation(Path.class), method(Plans.class, "enrolments")));
        assertEquals("plans", RequestMetrics.template(Plans.class.getAnnotation(Path.class), method(Plans.class, "list")));
        assertEquals("/", RequestMetrics.template(Root.class.getAnnotation(Path.class), method(Root.class, "list")));
    }

    @Test
    void theModuleIsTheApplicationsRoot() {
        assertEquals("core", RequestMetrics.module("/api/"));
        assertEquals("mutual-aid", RequestMetrics.module("/api/mutual-aid/"));
        assertEquals("fairs", RequestMetrics.module("/api/fairs"));
    }
}
