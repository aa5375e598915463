package org.unionhub.booths.api;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** A second module with a record of the same short name as the first's. */
@Path("fairs")
@Produces(MediaType.APPLICATION_JSON)
public class BoothsResource {

    public record Fair(long id, String title, String livestreamUrl) {
    }

    @GET
    @Path("{id}")
    public Fair get(@PathParam("id") long id) {
        return null;
    }
}
