package org.unionhub.recuperation.internal.rest;

import java.time.LocalDate;

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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.QueryParams;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.recuperation.internal.Catalogue;
import org.unionhub.recuperation.internal.Programme;
import org.unionhub.recuperation.internal.ProgrammeRequest;

@Component(service = ProgrammeResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.recuperation)")
@JSONRequired
@Path("programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    /** The date problem answers give as an example: a programme's season. */
    private static final LocalDate EXAMPLE_DATE = LocalDate.of(2027, 3, 1);

    private final Catalogue catalogue;

    @Activate
    public ProgrammeResource(@Reference Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = Programme.class, status = 201)
    public Response create(ProgrammeRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Programme p = catalogue.createProgramme(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(p.id())).build()).entity(p).build();
    }

    @GET
    public Page<Programme> list(@QueryParam("sanatoriumId") Long sanatoriumId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        return catalogue.listProgrammes(sanatoriumId, QueryParams.date("from", from, EXAMPLE_DATE),
                QueryParams.date("to", to, EXAMPLE_DATE), PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id}")
    public Programme get(@PathParam("id") long id) {
        return catalogue.getProgramme(id);
    }
}
