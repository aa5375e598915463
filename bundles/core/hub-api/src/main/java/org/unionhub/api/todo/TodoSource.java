package org.unionhub.api.todo;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.unionhub.api.security.Caller;

/**
 * A module's 待办 counts for the console's 工作台: register one as an OSGi service from the module's bundle and
 * {@code GET /api/todos} lists its items while the module runs. Each count is the caller's own: rows of his
 * organisation and below, and only those he may act on (his roles), so that the list it links to shows exactly them.
 */
@ConsumerType
public interface TodoSource {

    /** One kind of work waiting: {@code key} unique in the module, {@code label} in Chinese, {@code path} the
     * console's route of the filtered list ({@code /fairs/applications?status=ALLOCATED}). */
    record Todo(String key, String label, long count, String path) {
    }

    /** The module id, as in {@code GET /api/modules}. */
    String moduleId();

    /** The caller's items; empty when he has nothing to act on in this module (or no role for it). */
    List<Todo> todos(Caller caller);
}
