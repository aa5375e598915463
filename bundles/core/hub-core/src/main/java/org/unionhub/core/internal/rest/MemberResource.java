package org.unionhub.core.internal.rest;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.EmploymentForm;
import org.unionhub.api.NewFormKind;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.ProblemMessages;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.core.internal.directory.Directory;
import org.unionhub.core.internal.directory.Member;
import org.unionhub.core.internal.directory.MemberExport;
import org.unionhub.core.internal.directory.MemberFilter;
import org.unionhub.core.internal.directory.MemberImport;
import org.unionhub.core.internal.directory.MemberImportReport;
import org.unionhub.core.internal.directory.MemberRequest;

@Component(service = MemberResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    private final Directory directory;
    private final MemberExport export;
    private final MemberImport imports;
    private final ProblemMessages messages;

    @Activate
    public MemberResource(@Reference Directory directory, @Reference MemberExport export, @Reference MemberImport imports,
            @Reference ProblemMessages messages) {
        this.directory = directory;
        this.export = export;
        this.imports = imports;
        this.messages = messages;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = Member.class, status = 201)
    public Response create(MemberRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Member m = directory.createMember(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(m.id())).build()).entity(m).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Page<Member> list(@QueryParam("orgId") Long orgId, @QueryParam("name") String name,
            @QueryParam("employmentForm") EmploymentForm employmentForm, @QueryParam("newFormKind") NewFormKind newFormKind,
            @QueryParam("cardNumber") String cardNumber, @QueryParam("phone") String phone,
            @QueryParam("idNumber") String idNumber, @QueryParam("reason") String reason, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return directory.listMembers(Requests.caller(sc),
                new MemberFilter(orgId, name, employmentForm, newFormKind, cardNumber, phone, idNumber, reason),
                PageRequest.of(offset, limit, page, cursor, sort));
    }

    /** The members of the caller's scope (or of {@code orgId} within it) as CSV, streamed while they are read. */
    @GET
    @Path("export")
    @Produces("text/csv; charset=UTF-8")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = String.class, mediaTypes = "text/csv")
    public Response export(@QueryParam("orgId") Long orgId, @Context SecurityContext sc) {
        Caller caller = Requests.caller(sc);
        export.check(caller, orgId);
        StreamingOutput csv = os -> export.write(caller, orgId,
                new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 64 * 1024));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"members.csv\"").build();
    }

    /**
     * Members from a CSV file (UTF-8, a header naming name, orgId, employmentForm and optionally phone, newFormKind,
     * cardNumber, joinedOn, idNumber), read and written while it arrives; answers the refused lines with their numbers,
     * each error with its catalogue code and its message in the language of {@code Accept-Language}, as problems.
     */
    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public MemberImportReport importCsv(InputStream body, @HeaderParam("Accept-Language") String language,
            @Context SecurityContext sc) {
        return imports.importCsv(Requests.caller(sc), body).inLanguage(messages, language);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Member get(@PathParam("id") long id, @Context SecurityContext sc) {
        return directory.getMember(Requests.caller(sc), id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Member update(@PathParam("id") long id, MemberRequest req, @Context SecurityContext sc) {
        return directory.updateMember(Requests.caller(sc), id, Requests.body(req));
    }
}
