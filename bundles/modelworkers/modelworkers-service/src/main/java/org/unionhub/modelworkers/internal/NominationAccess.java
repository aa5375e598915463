package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.modelworkers.internal.NominationStore.Nom;

/**
 * Who may see, change and decide a nomination, and what he sees of it. A nomination outside the caller's reach answers
 * 404, as if it did not exist; the ID-card number is shown in full only to those {@link IdReads} allows, and audited.
 */
final class NominationAccess {

    private static final Set<NominationState> EDITABLE = Set.of(NominationState.DRAFT, NominationState.RETURNED);

    private final MemberDirectory directory;
    private final HubSettings hub;
    private final Configured config;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final NominationLevels levels;

    NominationAccess(MemberDirectory directory, HubSettings hub, Configured config, PersonalDataCipher cipher, AuditLog audit,
            NominationLevels levels) {
        this.directory = directory;
        this.hub = hub;
        this.config = config;
        this.cipher = cipher;
        this.audit = audit;
        this.levels = levels;
    }

    boolean isReviewer(Caller caller, long orgId) {
        if (caller.isAdmin()) {
            return true;
        }
        return caller.hasRole(Nominations.REVIEWER) && (caller.orgId() == null || directory.isWithin(orgId, caller.orgId()));
    }

    /**
     * Whether the caller reviews for the level that holds a nomination ({@code level} null: the region, as for a
     * nomination submitted before levels existed). Each level decides for itself: a reviewer of a higher union
     * does not recommend in a lower one's place.
     */
    boolean reviewsLevel(Caller caller, Long level) {
        if (caller.isAdmin()) {
            return true;
        }
        if (!caller.hasRole(Nominations.REVIEWER)) {
            return false;
        }
        if (caller.orgId() == null) {
            return levels.isRegion(level);
        }
        return level == null ? levels.isRegion(caller.orgId()) : caller.orgId() == level.longValue();
    }

    boolean canRead(Caller caller, long orgId) {
        return caller.canManage(orgId, directory) || isReviewer(caller, orgId);
    }

    Nom visible(Connection c, Caller caller, long nominationId) throws SQLException {
        Nom nom = NominationStore.find(c, nominationId).orElseThrow(() -> HubException.notFound("nomination", nominationId));
        if (!canRead(caller, nom.orgId())) {
            throw HubException.notFound("nomination", nominationId);
        }
        return nom;
    }

    /** The nomination, if the caller's union may still change it. */
    Nom writable(Connection c, Caller caller, long nominationId) throws SQLException {
        Nom nom = visible(c, caller, nominationId);
        Scope.requireManage(caller, nom.orgId(), directory);
        if (!EDITABLE.contains(nom.state())) {
            throw HubException.conflict("state", "a " + nom.state() + " nomination cannot be changed");
        }
        return nom;
    }

    /** The nomination, if it awaits a decision and the caller may take it (never the one who submitted it). */
    Nom decidable(Connection c, Caller caller, long nominationId) throws SQLException {
        Nom nom = visible(c, caller, nominationId);
        if (!reviewsLevel(caller, nom.atOrgId())) {
            throw HubException.forbidden("requires role admin or " + Nominations.REVIEWER + " of "
                    + (nom.atOrgId() == null ? "the region" : levels.name(nom.atOrgId())));
        }
        if (nom.state() != NominationState.SUBMITTED) {
            throw HubException.conflict("state", "only a SUBMITTED nomination can be decided; this one is " + nom.state());
        }
        if (caller.username().equals(nom.submittedBy()) && !caller.isAdmin()) {
            throw HubException.forbidden("the account that submitted a nomination cannot decide it");
        }
        return nom;
    }

    /** A SUBMITTED nomination its reviewer decides, or a RECOMMENDED one the conferring body did not confer. */
    Nom rejectable(Connection c, Caller caller, long nominationId) throws SQLException {
        Nom nom = visible(c, caller, nominationId);
        if (nom.state() == NominationState.RECOMMENDED && caller.isAdmin()) {
            return nom;
        }
        return decidable(c, caller, nominationId);
    }

    NominationView view(Connection c, Caller caller, Nom n) throws SQLException {
        Map<String, MaterialView> attached = new HashMap<>();
        for (NominationStore.Material m : NominationStore.materials(c, n.id())) {
            attached.put(m.item(), new MaterialView(m.item(), true, m.fileName(), m.contentType(), m.size(), time(m.uploadedAt())));
        }
        List<MaterialView> materials = new ArrayList<>();
        for (String item : config.get().materials()) {
            MaterialView m = attached.remove(item);
            materials.add(m == null ? new MaterialView(item, false, null, null, null, null) : m);
        }
        materials.addAll(attached.values());
        List<Comment> comments = n.round() == 0 ? List.of() : NominationStore.comments(c, n.id(), n.round()).stream()
                .map(r -> new Comment(r.field(), r.message(), r.createdBy(), time(r.createdAt()))).toList();
        String idShown = IdReads.shown(c, caller, n.id(), n.sealed(), n.masked(), cipher, audit);
        NominationConsents.Ids consent = NominationConsents.of(c, n.id());
        return new NominationView(n.id(), n.orgId(), n.state(), n.candidateName(), idShown, n.workplace(), n.contact(),
                n.proposedTitle(), n.achievements(), materials, comments, n.recordId(), n.decisionNote(), n.createdBy(),
                n.submittedBy(), time(n.createdAt()), time(n.updatedAt()), time(n.submittedAt()), time(n.decidedAt()),
                n.atOrgId(), n.atOrgId() == null ? null : levels.name(n.atOrgId()), levels.route(c, n.id()),
                consent.consentId(), consent.idNumberConsentId());
    }

    OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, hub.zone());
    }
}
