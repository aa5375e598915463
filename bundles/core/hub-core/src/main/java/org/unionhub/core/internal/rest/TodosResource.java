package org.unionhub.core.internal.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.security.Caller;
import org.unionhub.api.todo.TodoSource;
import org.unionhub.api.web.Requests;

/** {@code GET /api/todos}: the signed-in caller's 待办 counts from every running module that counts them. */
@Component(service = TodosResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("todos")
@Produces(MediaType.APPLICATION_JSON)
public class TodosResource {

    /** One item: which module, its key, the Chinese label, how many and the console route of the list. */
    public record TodoItem(String module, String key, String label, long count, String path) {
    }

    public record Todos(List<TodoItem> items) {
    }

    private final Logger logger = LoggerFactory.getLogger(TodosResource.class);
    private final List<TodoSource> sources = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(TodoSource source) {
        sources.add(source);
    }

    void removeSource(TodoSource source) {
        sources.remove(source);
    }

    @GET
    public Todos todos(@Context SecurityContext sc) {
        Caller caller = Requests.caller(sc);
        List<TodoItem> items = new ArrayList<>();
        List<TodoSource> bySource = new ArrayList<>(sources);
        bySource.sort(Comparator.comparing(TodoSource::moduleId));
        for (TodoSource s : bySource) {
            try {
                for (TodoSource.Todo t : s.todos(caller)) {
                    items.add(new TodoItem(s.moduleId(), t.key(), t.label(), t.count(), t.path()));
                }
            } catch (RuntimeException e) {
                // a module being updated must not take the whole 工作台 down: its counts are left out this time
                logger.warn("The todos of module {} failed: {}", s.moduleId(), e.toString());
            }
        }
        return new Todos(items);
    }
}
