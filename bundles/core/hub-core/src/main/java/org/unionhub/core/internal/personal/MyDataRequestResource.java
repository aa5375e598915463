package org.unionhub.core.internal.personal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;

/** /api/me/data-requests: the signed-in member asks to correct or delete his data, and follows his requests. */
@Component(service = MyDataRequestResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("me/data-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MyDataRequestResource {

    private final DataRequests requests;

    @Activate
    public MyDataRequestResource(@Reference DataRequests requests) {
        this.requests = requests;
    }

    @POST
    @Returns(value = DataRequest.class, status = 201)
    public Response create(DataRequestBody body, @Context SecurityContext sc, @Context javax.ws.rs.core.UriInfo uri) {
        DataRequest r = requests.create(Requests.caller(sc), Requests.body(body));
        UriBuilder location = uri.getBaseUriBuilder().path("data-requests").path(Long.toString(r.id()));
        return Response.created(location.build()).entity(r).build();
    }

    @GET
    public List<DataRequest> mine(@Context SecurityContext sc) {
        return requests.mine(Requests.caller(sc));
    }
}
