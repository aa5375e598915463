package org.unionhub.core.internal.personal;

import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.security.Caller;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;

/** /api/me/data: the signed-in member's own copy of what the hub holds on him (his requests: /api/me/data-requests). */
@Component(service = MyDataResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("me/data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MyDataResource {

    private final MyData data;

    @Activate
    public MyDataResource(@Reference MyData data) {
        this.data = data;
    }

    /** Everything every installed module holds on the member, by module and section, and the list of his files. */
    @GET
    public Map<String, Object> export(@Context SecurityContext sc) {
        return data.export(Requests.caller(sc));
    }

    /** The same as a ZIP: one JSON file per module, {@code attachments.json} and the files under {@code attachments/}. */
    @GET
    @Path("archive")
    @Produces("application/zip")
    @Returns(byte[].class)
    public Response archive(@Context SecurityContext sc) {
        Caller caller = Requests.caller(sc);
        data.memberId(caller); // refuses other accounts before the answer starts streaming
        StreamingOutput body = out -> data.zip(caller, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"my-data.zip\"").build();
    }
}
