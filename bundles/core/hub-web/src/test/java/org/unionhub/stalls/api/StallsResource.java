package org.unionhub.stalls.api;

import java.util.List;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.web.Returns;

/** A module's resource, for the OpenAPI builder's tests: a create, a read by id, a list, a CSV import, an open read. */
@Path("fairs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "officer"})
public class StallsResource {

    public enum Status { OPEN, CLOSED }

    public record Fair(long id, String name, Status status, String note) {
    }

    public record FairRequest(@MaxLength(200) String name, Integer stalls) {
    }

    @POST
    @Returns(value = Fair.class, status = 201)
    public Response create(FairRequest request) {
        return Response.status(201).build();
    }

    @GET
    @Path("{id}")
    public Fair get(@PathParam("id") long id) {
        return null;
    }

    @GET
    @PermitAll
    public List<Fair> list(@QueryParam("status") Status status, @QueryParam("limit") Integer limit) {
        return List.of();
    }

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed("admin")
    public Fair importCsv(String csv) {
        return null;
    }
}
