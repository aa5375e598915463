package org.unionhub.core.internal.personal;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;

/**
 * /api/data-requests: officers see the requests of members of their organisation and below (admins all) and decide
 * them; the member himself reads his own by id.
 */
@Component(service = DataRequestResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("data-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DataRequestResource {

    private final DataRequests requests;

    @Activate
    public DataRequestResource(@Reference DataRequests requests) {
        this.requests = requests;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Page<DataRequest> list(@QueryParam("status") String status, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return requests.list(Requests.caller(sc), status, PageRequest.of(offset, limit));
    }

    @GET
    @Path("{id}")
    public DataRequest get(@PathParam("id") long id, @Context SecurityContext sc) {
        return requests.get(Requests.caller(sc), id);
    }

    /** Accepts a correction (the officer then corrects the record), or carries out a deletion in every module. */
    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public DataRequest approve(@PathParam("id") long id, @Context SecurityContext sc) {
        return requests.approve(Requests.caller(sc), id);
    }

    @POST
    @Path("{id}/refuse")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public DataRequest refuse(@PathParam("id") long id, RefusalBody body, @Context SecurityContext sc) {
        return requests.refuse(Requests.caller(sc), id, Requests.body(body));
    }
}
