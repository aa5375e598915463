package org.unionhub.core.internal.rest;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.core.internal.join.JoinIntake;
import org.unionhub.core.internal.join.JoinUnion;
import org.unionhub.core.internal.join.PrivacyNotice;

/** What the public join page (`/m/join`) reads before anyone signs in: unions to pick, the QR's union, the notice. */
@Component(service = JoinResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("join")
@Produces(MediaType.APPLICATION_JSON)
public class JoinResource {

    private final JoinIntake intake;

    @Activate
    public JoinResource(@Reference JoinIntake intake) {
        this.intake = intake;
    }

    /** Grassroots, industry and new-form unions, by name (a part of it) with the list contract; sort {@code name}. */
    @GET
    @Path("unions")
    @PermitAll
    public Page<JoinUnion> unions(@QueryParam("name") String name, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort) {
        if (name != null && name.length() > 100) {
            throw org.unionhub.api.HubException.badRequest("name", "at most 100 characters");
        }
        return intake.unions(name, PageRequest.of(offset, limit, page, cursor, sort));
    }

    /** The union behind a QR code's token ({@code /m/join?u=<token>}); 404 for an unknown token. */
    @GET
    @Path("codes/{token}")
    @PermitAll
    public JoinUnion union(@PathParam("token") String token) {
        return intake.unionByToken(token);
    }

    /**
     * What is collected, why and for how long; a join request names the version agreed to. The same text and version
     * as {@code GET /api/notices/join}.
     */
    @GET
    @Path("privacy-notice")
    @PermitAll
    public PrivacyNotice notice() {
        return intake.notice();
    }
}
