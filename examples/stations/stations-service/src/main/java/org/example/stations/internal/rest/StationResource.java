package org.example.stations.internal.rest;

import java.time.LocalDate;
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
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;

import org.example.stations.api.BookedSlot;
import org.example.stations.api.Booking;
import org.example.stations.api.BookingRequest;
import org.example.stations.api.ClosureReport;
import org.example.stations.api.ClosureReportRequest;
import org.example.stations.api.Locker;
import org.example.stations.api.LockerRequest;
import org.example.stations.api.Rating;
import org.example.stations.api.RatingRequest;
import org.example.stations.api.RestockRequest;
import org.example.stations.api.Station;
import org.example.stations.api.StationCard;
import org.example.stations.api.StationFilter;
import org.example.stations.api.StationRequest;
import org.example.stations.api.StationState;
import org.example.stations.api.StationsService;
import org.example.stations.api.Visit;
import org.example.stations.api.VisitRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.Texts;
import org.unionhub.api.web.QueryParams;
import org.unionhub.api.web.Requests;

/** Stations, their lockers, bookings made at them, ratings, visits and closure reports under /api/stations. */
@Component(service = StationResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.stations)")
@JSONRequired
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StationResource {

    /** The date problem answers give as an example. */
    private static final LocalDate EXAMPLE_DAY = LocalDate.of(2026, 3, 23);

    private final StationsService stations;

    @Activate
    public StationResource(@Reference StationsService stations) {
        this.stations = stations;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Response create(StationRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Station s = stations.createStation(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(s.id())).build()).entity(s).build();
    }

    @GET
    @PermitAll
    public Page<Station> list(@QueryParam("orgId") String orgId, @QueryParam("service") String service,
            @QueryParam("state") String state, @QueryParam("openNow") String openNow,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return stations.stations(new StationFilter(QueryParams.id("orgId", orgId), Texts.blankToNull(service),
                QueryParams.enumValue("state", state, StationState.class), QueryParams.bool("openNow", openNow)), PageRequest.of(offset, limit));
    }

    @GET
    @Path("{id}")
    @PermitAll
    public Station get(@PathParam("id") long id) {
        return stations.station(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Station update(@PathParam("id") long id, StationRequest req, @Context SecurityContext sc) {
        return stations.updateStation(Requests.caller(sc), id, Requests.body(req));
    }

    // ---- lockers

    @POST
    @Path("{id}/lockers")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Response addLocker(@PathParam("id") long id, LockerRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Locker l = stations.addLocker(Requests.caller(sc), id, Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(l.id())).build()).entity(l).build();
    }

    @GET
    @Path("{id}/lockers")
    @PermitAll
    public List<Locker> lockers(@PathParam("id") long id) {
        return stations.lockers(id);
    }

    @PUT
    @Path("{id}/lockers/{lockerId}/stock")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Locker restock(@PathParam("id") long id, @PathParam("lockerId") long lockerId, RestockRequest req,
            @Context SecurityContext sc) {
        return stations.restock(Requests.caller(sc), id, lockerId, Requests.body(req));
    }

    // ---- bookings (read, cancel and collect them under /api/stations/bookings)

    @POST
    @Path("{id}/bookings")
    public Response book(@PathParam("id") long id, BookingRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Booking b = stations.book(Requests.caller(sc), id, Requests.body(req));
        UriBuilder location = uri.getBaseUriBuilder().path("bookings").path(Long.toString(b.id()));
        return Response.created(location.build()).entity(b).build();
    }

    /** Which compartment slots are taken on a day (default today), so that members pick a free one. */
    @GET
    @Path("{id}/booked-slots")
    @PermitAll
    public List<BookedSlot> bookedSlots(@PathParam("id") long id, @QueryParam("day") String day) {
        return stations.bookedSlots(id, QueryParams.date("day", day, EXAMPLE_DAY));
    }

    // ---- ratings, visits, closure reports, cards

    @POST
    @Path("{id}/ratings")
    public Response rate(@PathParam("id") long id, RatingRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Rating r = stations.rate(Requests.caller(sc), id, Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(r.id())).build()).entity(r).build();
    }

    @GET
    @Path("{id}/ratings")
    @PermitAll
    public Page<Rating> ratings(@PathParam("id") long id, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return stations.ratings(id, PageRequest.of(offset, limit));
    }

    @GET
    @Path("{id}/ratings/{ratingId}")
    @PermitAll
    public Rating rating(@PathParam("id") long id, @PathParam("ratingId") long ratingId) {
        return stations.rating(id, ratingId);
    }

    @POST
    @Path("{id}/visits")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Response visits(@PathParam("id") long id, VisitRequest req, @Context SecurityContext sc) {
        Visit v = stations.recordVisits(Requests.caller(sc), id, Requests.body(req));
        return Response.status(Response.Status.CREATED).entity(v).build();
    }

    /** Any signed-in account: workers report a station they found shut; a bare POST means "now". */
    @POST
    @Path("{id}/closure-reports")
    public Response reportClosure(@PathParam("id") long id, ClosureReportRequest req, @Context SecurityContext sc) {
        ClosureReport r = stations.reportClosure(Requests.caller(sc), id, req == null ? new ClosureReportRequest(null, null) : req);
        return Response.status(Response.Status.CREATED).entity(r).build();
    }

    @GET
    @Path("{id}/closure-reports")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Page<ClosureReport> closureReports(@PathParam("id") long id, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return stations.closureReports(Requests.caller(sc), id, PageRequest.of(offset, limit));
    }

    @GET
    @Path("{id}/cards")
    @PermitAll
    public List<StationCard> cards(@PathParam("id") long id) {
        return stations.cards(id);
    }
}
