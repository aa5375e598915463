package org.unionhub.core.internal.personal;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.personal.KeyRotationReport;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;

/**
 * {@code POST /api/admin/personal-data-key/rotations}: the same rotation as {@code hub:rotate-personal-data-key}, for
 * an admin without shell access. It answers when the old key is destroyed (seconds for a city's members).
 */
@Component(service = KeyRotationResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("admin/personal-data-key")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class KeyRotationResource {

    private final KeyRotation rotation;

    @Activate
    public KeyRotationResource(@Reference KeyRotation rotation) {
        this.rotation = rotation;
    }

    @POST
    @Path("rotations")
    @Consumes(MediaType.WILDCARD)
    public KeyRotationReport rotate(@Context SecurityContext sc) {
        return rotation.rotate(Requests.caller(sc).username());
    }
}
