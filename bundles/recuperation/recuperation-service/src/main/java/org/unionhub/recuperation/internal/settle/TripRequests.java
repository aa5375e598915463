package org.unionhub.recuperation.internal.settle;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.db.Sql;
import org.unionhub.api.personal.ConsentRecord;
import org.unionhub.api.personal.Consents;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.Texts;
import org.unionhub.recuperation.internal.Catalogue;
import org.unionhub.recuperation.internal.Programme;

/**
 * A member asks; his union books ("各级工会…组织"): the request is how the subsidised trip starts. It waits in the
 * union's list until an officer books the member on the programme, which marks it BOOKED in the booking's own
 * transaction ({@link #markBooked}); cancelling the booking puts it back.
 */
@Component(service = TripRequests.class)
public class TripRequests {

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final Catalogue catalogue;
    private final Consents consents;

    @Activate
    public TripRequests(@Reference(target = "(unionhub.module=recuperation)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference Catalogue catalogue, @Reference Consents consents) {
        this.consents = consents;
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.catalogue = catalogue;
    }

    public TripRequest request(Caller caller, TripRequestBody body) {
        caller.require(Roles.MEMBER);
        if (caller.memberId() == null) {
            throw HubException.forbidden("a request needs a member account");
        }
        Validation v = new Validation();
        v.required("programmeId", body.programmeId());
        v.throwIfInvalid();
        Programme p = catalogue.getProgrammeOr422(body.programmeId());
        if (!p.startDate().isAfter(catalogue.today())) {
            throw HubException.conflict("programmeId", "programme " + p.id() + " started on " + p.startDate());
        }
        MemberInfo me = directory.member(caller.memberId()).orElseThrow(() -> HubException.forbidden("no such member"));
        String note = Texts.blankToNull(body.note());
        long id = db.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM RECUPERATION_REQUEST WHERE PROGRAMME_ID = ? AND MEMBER_ID = ?", p.id(), me.id()) > 0) {
                throw HubException.conflict("programmeId", "you already asked for programme " + p.id());
            }
            long rid = Sql.insert(c, "INSERT INTO RECUPERATION_REQUEST (PROGRAMME_ID, MEMBER_ID, ORG_ID, NOTE, STATUS, CREATED_AT) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", p.id(), me.id(), me.orgId(), note, TripRequest.REQUESTED, Instant.now());
            audit.record(c, caller, "recuperation.request.create", "request", rid, Map.of("programmeId", p.id()));
            // in the request's transaction: a refused consent leaves no request, a failed request no consent
            ConsentRecord given = consents.record(c, caller, me.id(), "trip", body.consent(),
                    note == null ? Set.of() : Set.of("MEDICAL"));
            if (given != null) {
                Sql.update(c, "UPDATE RECUPERATION_REQUEST SET CONSENT_ID = ?, MEDICAL_CONSENT_ID = ? WHERE ID = ?",
                        given.generalId(), given.sensitiveId("MEDICAL"), rid);
            }
            return rid;
        });
        return db.read(c -> load(c, id));
    }

    private static final Keyset PAGES = Keyset.by("R.ID");

    /** An officer sees the requests of members in his part of the tree, a member his own. */
    public Page<TripRequest> list(Caller caller, Long programmeId, String status, PageRequest page) {
        return db.read(c -> {
            StringBuilder where = new StringBuilder(" FROM RECUPERATION_REQUEST R WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (programmeId != null) {
                where.append(" AND R.PROGRAMME_ID = ?");
                params.add(programmeId);
            }
            if (status != null) {
                where.append(" AND R.STATUS = ?");
                params.add(status);
            }
            if (!OrgScope.appendFor(caller, directory, "R.ORG_ID", where, params)) {
                where.append(" AND R.MEMBER_ID = ?");
                params.add(caller.memberId() == null ? -1L : caller.memberId());
            }
            Page<Long> ids = PAGES.page(c, "SELECT R.ID", where.toString(), params, page, rs -> rs.getLong(1));
            List<TripRequest> items = new ArrayList<>();
            for (long id : ids.items()) {
                items.add(load(c, id));
            }
            return new Page<>(items, ids.total(), ids.offset(), ids.limit(), ids.nextCursor(), ids.totalExact());
        });
    }

    /** Called in the booking's transaction: the members' open requests for the programme are now booked. */
    public static void markBooked(Connection c, long programmeId, List<Long> memberIds, long bookingId) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(TripRequest.BOOKED, bookingId, programmeId, TripRequest.REQUESTED));
        params.addAll(memberIds);
        Sql.update(c, "UPDATE RECUPERATION_REQUEST SET STATUS = ?, BOOKING_ID = ? WHERE PROGRAMME_ID = ? AND STATUS = ? AND MEMBER_ID IN ("
                + memberIds.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")", params.toArray());
    }

    /** Called in the cancellation's transaction: the requests wait for the union again. */
    public static void reopen(Connection c, long bookingId) throws SQLException {
        Sql.update(c, "UPDATE RECUPERATION_REQUEST SET STATUS = ?, BOOKING_ID = NULL WHERE BOOKING_ID = ?", TripRequest.REQUESTED,
                bookingId);
    }

    private TripRequest load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM RECUPERATION_REQUEST WHERE ID = ?", rs -> new TripRequest(rs.getLong("ID"),
                rs.getLong("PROGRAMME_ID"), rs.getLong("MEMBER_ID"), rs.getLong("ORG_ID"), rs.getString("NOTE"), rs.getString("STATUS"),
                Sql.getLong(rs, "BOOKING_ID"), catalogue.at(Sql.getInstant(rs, "CREATED_AT"))), id)
                .orElseThrow(() -> HubException.notFound("request", id));
    }
}
