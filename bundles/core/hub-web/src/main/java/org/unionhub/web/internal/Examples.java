package org.unionhub.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.web.Example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The request examples a record names with {@link Example}, read from the record's own bundle once per class (the
 * document is built on every request). A missing or broken resource is logged and left out: the document must not
 * fail for it, and the contract test notices an example that went missing.
 */
final class Examples {

    private static final Logger LOG = LoggerFactory.getLogger(Examples.class);
    /** Weak keys: a module's update leaves its old classes to be collected. */
    private static final Map<Class<?>, JsonNode> READ = Collections.synchronizedMap(new WeakHashMap<>());

    private Examples() {
    }

    /** The example of {@code type}, or null. */
    static JsonNode of(Class<?> type) {
        Example example = type.getAnnotation(Example.class);
        if (example == null) {
            return null;
        }
        JsonNode node = READ.computeIfAbsent(type, t -> read(t, example.value()));
        return node.isMissingNode() ? null : node.deepCopy();
    }

    private static JsonNode read(Class<?> type, String name) {
        try (InputStream in = type.getResourceAsStream(name)) {
            if (in == null) {
                LOG.warn("{} names the example {}, which is not next to it", type.getName(), name);
                return MissingNode.getInstance();
            }
            return JsonProvider.MAPPER.readTree(in);
        } catch (IOException e) {
            LOG.warn("The example {} of {} is not JSON: {}", name, type.getName(), e.getMessage());
            return MissingNode.getInstance();
        }
    }
}
