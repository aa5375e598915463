package org.unionhub.core.internal.figures;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
import org.unionhub.api.HubException;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;

/** /api/figures: every installed module's figures by period and union level, with the region's targets. */
@Component(service = FiguresResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("figures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FiguresResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Figures figures;

    @Activate
    public FiguresResource(@Reference Figures figures) {
        this.figures = figures;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public FigureReport report(@QueryParam("period") String period, @QueryParam("orgId") Long orgId,
            @Context SecurityContext sc) {
        return figures.report(Requests.caller(sc), period, orgId);
    }

    /** The same report as a spreadsheet: {@code format} xlsx (default) or csv (UTF-8 with a byte-order mark). */
    @GET
    @Path("export")
    @Produces({XLSX, "text/csv; charset=UTF-8"})
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(byte[].class)
    public Response export(@QueryParam("period") String period, @QueryParam("orgId") Long orgId,
            @QueryParam("format") String format, @Context SecurityContext sc) {
        boolean csv = "csv".equals(format);
        if (format != null && !csv && !"xlsx".equals(format)) {
            throw HubException.badRequest("format", "must be xlsx or csv");
        }
        FigureReport report = figures.report(Requests.caller(sc), period, orgId);
        StreamingOutput body = out -> {
            if (csv) {
                FiguresSheet.csv(report, out);
            } else {
                FiguresSheet.xlsx(report, out);
            }
        };
        String name = "figures-" + report.orgId() + "-" + report.period() + (csv ? ".csv" : ".xlsx");
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** The region (an admin) sets the target of one figure for one organisation and period; answers the target. */
    @PUT
    @Path("targets")
    @RolesAllowed(Roles.ADMIN)
    public TargetRequest setTarget(TargetRequest req, @Context SecurityContext sc) {
        figures.setTarget(Requests.caller(sc), Requests.body(req));
        return req;
    }
}
