package org.unionhub.core.internal.personal;

import javax.annotation.security.PermitAll;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/notices/{purpose}}: the notice a form shows before it collects (anyone: the join form is public). */
@Component(service = NoticeResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoticeResource {

    private final Notices notices;

    @Activate
    public NoticeResource(@Reference Notices notices) {
        this.notices = notices;
    }

    /** The notice a form shows before it collects: join, claim, cv, nomination, jobboard, programme, trip or survey. */
    @GET
    @Path("{purpose}")
    @PermitAll
    public Notice notice(@PathParam("purpose") String purpose) {
        return notices.get(purpose);
    }

}
