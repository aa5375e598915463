package org.unionhub.jobfairs.internal.rest;

import java.math.BigDecimal;
import java.util.List;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.jobfairs.api.FairMode;
import org.unionhub.jobfairs.internal.Education;
import org.unionhub.jobfairs.internal.Employer;
import org.unionhub.jobfairs.internal.EmployerRequest;
import org.unionhub.jobfairs.internal.EmployerService;
import org.unionhub.jobfairs.internal.EmployerStatus;
import org.unionhub.jobfairs.internal.Fair;
import org.unionhub.jobfairs.internal.FairRequest;
import org.unionhub.jobfairs.internal.FairService;
import org.unionhub.jobfairs.internal.Livestream;
import org.unionhub.jobfairs.internal.LivestreamRequest;
import org.unionhub.jobfairs.internal.LivestreamService;
import org.unionhub.jobfairs.internal.Position;
import org.unionhub.jobfairs.internal.PositionQuery;
import org.unionhub.jobfairs.internal.PositionRequest;
import org.unionhub.jobfairs.internal.PositionService;
import org.unionhub.jobfairs.internal.PositionStatus;
import org.unionhub.jobfairs.internal.Stats;
import org.unionhub.jobfairs.internal.StatsService;

/** /api/jobfairs: fairs, and what hangs below one fair (employers, positions, livestreams, figures). */
@Component(service = FairResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.jobfairs)")
@JSONRequired
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FairResource {

    private static final String EMPLOYER = "employer";

    private final FairService fairs;
    private final EmployerService employers;
    private final PositionService positions;
    private final LivestreamService livestreams;
    private final StatsService stats;

    @Activate
    public FairResource(@Reference FairService fairs, @Reference EmployerService employers,
            @Reference PositionService positions, @Reference LivestreamService livestreams, @Reference StatsService stats) {
        this.fairs = fairs;
        this.employers = employers;
        this.positions = positions;
        this.livestreams = livestreams;
        this.stats = stats;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = Fair.class, status = 201)
    public Response create(FairRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Fair f = fairs.create(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(f.id())).build()).entity(f).build();
    }

    @GET
    @PermitAll
    public Page<Fair> list(@QueryParam("mode") FairMode mode, @QueryParam("orgId") Long orgId,
            @QueryParam("name") String name, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        return fairs.list(mode, orgId, name, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id: \\d+}")
    @PermitAll
    public Fair get(@PathParam("id") long id) {
        return fairs.get(id);
    }

    @PUT
    @Path("{id: \\d+}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Fair update(@PathParam("id") long id, FairRequest req, @Context SecurityContext sc) {
        return fairs.update(Requests.caller(sc), id, Requests.body(req));
    }

    @GET
    @Path("{id: \\d+}/stats")
    @PermitAll
    public Stats stats(@PathParam("id") long id) {
        return stats.stats(id);
    }

    // ---- employers of a fair

    @POST
    @Path("{id: \\d+}/employers")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, EMPLOYER})
    @Returns(value = Employer.class, status = 201)
    public Response register(@PathParam("id") long id, EmployerRequest req, @Context SecurityContext sc,
            @Context UriInfo uri) {
        Employer e = employers.register(Requests.caller(sc), id, Requests.body(req));
        return Response.created(uri.getBaseUriBuilder().path("employers/" + e.id()).build()).entity(e).build();
    }

    @GET
    @Path("{id: \\d+}/employers")
    @PermitAll
    public Page<Employer> employers(@PathParam("id") long id, @QueryParam("status") EmployerStatus status,
            @QueryParam("industry") String industry, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return employers.list(Requests.caller(sc), id, status, industry, PageRequest.of(offset, limit, page, cursor, sort));
    }

    // ---- positions of a fair

    @POST
    @Path("{id: \\d+}/positions")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, EMPLOYER})
    @Returns(value = Position.class, status = 201)
    public Response post(@PathParam("id") long id, PositionRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Position p = positions.create(Requests.caller(sc), id, Requests.body(req));
        return Response.created(uri.getBaseUriBuilder().path("positions/" + p.id()).build()).entity(p).build();
    }

    /** Public search: keyword (title, description, employer), industry, salaryFloor, location, paged and sorted. */
    @GET
    @Path("{id: \\d+}/positions")
    @PermitAll
    public Page<Position> positions(@PathParam("id") long id, @QueryParam("q") String keyword,
            @QueryParam("industry") String industry, @QueryParam("salaryFloor") BigDecimal salaryFloor,
            @QueryParam("location") String location, @QueryParam("education") Education education,
            @QueryParam("employerId") Long employerId, @QueryParam("status") PositionStatus status,
            @QueryParam("sort") String sort, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor) {
        return positions.search(id, new PositionQuery(keyword, industry, salaryFloor, location, education, employerId,
                status, sort), PageRequest.of(offset, limit, page, cursor, sort));
    }

    // ---- livestream sessions of a fair

    @POST
    @Path("{id: \\d+}/livestreams")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = Livestream.class, status = 201)
    public Response schedule(@PathParam("id") long id, LivestreamRequest req, @Context SecurityContext sc,
            @Context UriInfo uri) {
        Livestream l = livestreams.create(Requests.caller(sc), id, Requests.body(req));
        return Response.created(uri.getBaseUriBuilder().path("livestreams/" + l.id()).build()).entity(l).build();
    }

    @GET
    @Path("{id: \\d+}/livestreams")
    @PermitAll
    public List<Livestream> livestreams(@PathParam("id") long id) {
        return livestreams.list(id);
    }
}
