package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import javax.ws.rs.BeanParam;
import javax.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;

class QueryParamCheckTest {

    static class Paging {
        @QueryParam("cursor")
        String cursor;

        @QueryParam("sort")
        void setSort(String sort) {
        }
    }

    static class Resource {
        @QueryParam("trace")
        String trace;

        public Object list(@QueryParam("name") String name, @QueryParam("limit") Integer limit, @BeanParam Paging paging,
                String body) {
            return null;
        }
    }

    @Test
    void readsTheMethodsParametersBeanParamsAndTheResourceFields() throws Exception {
        Set<String> names = QueryParamCheck.declared(
                Resource.class.getMethod("list", String.class, Integer.class, Paging.class, String.class), Resource.class);
        assertEquals(Set.of("name", "limit", "cursor", "sort", "trace"), names);
    }
}
