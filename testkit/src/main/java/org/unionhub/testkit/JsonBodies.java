package org.unionhub.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies for tests, written as key-value pairs. */
public final class JsonBodies {

    /** Jackson with java.time support, as the hub reads and writes JSON. */
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private JsonBodies() {
    }

    /** {@code obj("name", "x", "count", 3)} is {@code {"name":"x","count":3}}; values go through Jackson. */
    public static ObjectNode obj(Object... keyValues) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            n.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return n;
    }
}
