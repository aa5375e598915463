package org.unionhub.mutualaid.internal.rest;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.mutualaid.internal.Allocation;
import org.unionhub.mutualaid.internal.AllocationRequest;
import org.unionhub.mutualaid.internal.Allocations;

/** Money a union, an employer or a donor puts into a plan's fund. */
@Component(service = AllocationResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.mutualaid)")
@JSONRequired
@Path("plans/{id}/fund/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AllocationResource {

    private final Allocations allocations;

    @Activate
    public AllocationResource(@Reference Allocations allocations) {
        this.allocations = allocations;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Returns(value = Allocation.class, status = 201)
    public Response add(@PathParam("id") long id, AllocationRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Allocation a = allocations.add(Requests.caller(sc), id, Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(a.id())).build()).entity(a).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public List<Allocation> list(@PathParam("id") long id) {
        return allocations.list(id);
    }
}
