package org.unionhub.core.internal.rest;

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
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.HubException;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Returns;
import org.unionhub.core.internal.backup.BackupService;
import org.unionhub.core.internal.backup.Manifest;

/**
 * {@code /api/admin/backups}: an online backup into the configured backup folder ({@code bin/backup} calls it),
 * and the list of finished ones. The hub chooses where it writes: a caller never names a path.
 */
@Component(service = BackupResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("admin/backups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class BackupResource {

    /** One backup as listed: its folder name and the figures of its manifest without the per-table detail. */
    public record BackupSummary(String name, String path, String createdAt, long durationMillis, long bytes, String hubVersion,
            int tables, long rows, int files, String personalDataKeySha256) {

        static BackupSummary of(java.nio.file.Path root, Manifest m) {
            long rows = m.tables().values().stream().mapToLong(t -> t.rows()).sum();
            return new BackupSummary(m.name(), root.resolve(m.name()).toString(), m.createdAt(), m.durationMillis(), m.bytes(),
                    m.hubVersion(), m.tables().size(), rows, m.files().size(), m.personalDataKeySha256());
        }
    }

    private final BackupService backups;

    @Activate
    public BackupResource(@Reference BackupService backups) {
        this.backups = backups;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Returns(value = BackupSummary.class, status = 201)
    public Response create(@Context UriInfo uri) {
        Manifest m = backups.backup();
        return Response.created(uri.getAbsolutePathBuilder().path(m.name()).build())
                .entity(BackupSummary.of(backups.directory(), m)).build();
    }

    @GET
    public List<BackupSummary> list() {
        return backups.list().stream().map(m -> BackupSummary.of(backups.directory(), m)).toList();
    }

    /** The whole manifest of one backup: per-table rows and checksums, fund balances, file hashes, versions. */
    @GET
    @Path("{name}")
    public Manifest manifest(@PathParam("name") String name) {
        return backups.list().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> HubException.notFound("backup", name));
    }
}
