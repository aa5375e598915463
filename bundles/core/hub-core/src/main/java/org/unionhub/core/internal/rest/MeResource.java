package org.unionhub.core.internal.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.GET;
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
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.security.Caller;
import org.unionhub.api.web.Requests;

/**
 * {@code GET /api/me}: who is signed in, as the console's 工作台 shows it — the account, its roles, the officer's
 * union by name with the names above it from the region down, the member's name, and the region's time zone (the
 * console shows every time in it).
 */
@Component(service = MeResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** The signed-in account; {@code orgPath} names the organisations from the region down to {@code orgName}. */
    public record Me(String username, Set<String> roles, Long orgId, String orgName, List<String> orgPath,
            Long memberId, String memberName, String zone) {
    }

    private final MemberDirectory directory;
    private final HubSettings settings;

    @Activate
    public MeResource(@Reference MemberDirectory directory, @Reference HubSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    @GET
    public Me me(@Context SecurityContext sc) {
        Caller caller = Requests.caller(sc);
        List<String> path = new ArrayList<>();
        Long orgId = caller.orgId();
        if (orgId == null && caller.memberId() != null) {
            orgId = directory.member(caller.memberId()).map(MemberInfo::orgId).orElse(null);
        }
        // walk up from the caller's organisation; a bound on the depth guards against a cycle in bad data
        Long at = orgId;
        for (int depth = 0; at != null && depth < 20; depth++) {
            Optional<OrgInfo> org = directory.org(at);
            if (org.isEmpty()) {
                break;
            }
            path.add(org.get().name());
            at = org.get().parentId();
        }
        Collections.reverse(path);
        String memberName = caller.memberId() == null ? null
                : directory.member(caller.memberId()).map(MemberInfo::name).orElse(null);
        return new Me(caller.username(), new TreeSet<>(caller.roles()), orgId, path.isEmpty() ? null : path.get(path.size() - 1),
                List.copyOf(path), caller.memberId(), memberName, settings.zone().getId());
    }
}
