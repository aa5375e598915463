package org.unionhub.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/labels}: the Chinese label of every code and JSON property of the core and of each enabled module,
 * as each ships it in {@code labels/zh-CN.json}. Only zh-CN is shipped, so every caller gets it ({@code lang} says
 * which); {@code values} are keyed by the code, or by {@code Schema.VALUE} where one module uses one code with two
 * meanings; {@code fields} by JSON property name.
 */
@Component(service = LabelsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("labels")
@Produces(MediaType.APPLICATION_JSON)
public class LabelsResource {

    public static final String LANG = "zh-CN";

    /** One module's labels. */
    public record ModuleLabels(Map<String, String> values, Map<String, String> fields) {
    }

    /** Every enabled module's labels by module id ({@code core} for the hub's own). */
    public record Labels(String lang, Map<String, ModuleLabels> modules) {
    }

    private final Catalogues catalogues;

    @Activate
    public LabelsResource(@Reference Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @GET
    public Labels labels() {
        Map<String, ModuleLabels> modules = new LinkedHashMap<>();
        for (Catalogues.Catalogue c : catalogues.all()) {
            if (c.module() != null && c.labels() != null) {
                modules.put(c.module(), new ModuleLabels(map(c.labels().path("values")), map(c.labels().path("fields"))));
            }
        }
        return new Labels(LANG, modules);
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
