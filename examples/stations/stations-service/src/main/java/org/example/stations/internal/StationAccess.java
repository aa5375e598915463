package org.example.stations.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.example.stations.api.StationState;
import org.unionhub.api.HubException;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/** Who may manage a station, and the checks every write on a station starts with. */
final class StationAccess {

    private final ModuleContext ctx;

    StationAccess(ModuleContext ctx) {
        this.ctx = ctx;
    }

    /** The station, or 404. */
    static StationRow station(Connection c, long stationId) throws SQLException {
        return StationStore.find(c, stationId).orElseThrow(() -> HubException.notFound("station", stationId));
    }

    /** The station, if the caller is an officer of its organisation (or above it) or an admin. */
    StationRow requireManage(Caller caller, long stationId) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        StationRow s = ctx.db.read(c -> station(c, stationId));
        if (!caller.canManage(s.orgId(), ctx.directory)) {
            throw HubException.forbidden("station " + stationId + " is outside your organisation");
        }
        return s;
    }

    /** The station, if it is not closed (409 otherwise). */
    static StationRow requireActive(Connection c, long stationId) throws SQLException {
        StationRow s = station(c, stationId);
        if (s.state() != StationState.ACTIVE) {
            throw HubException.conflict("station " + stationId + " is closed");
        }
        return s;
    }

    /** The member himself, or an officer who manages the station. */
    void requireOwnerOrManager(Caller caller, long memberId, long stationId) {
        if (caller.memberId() != null && caller.memberId() == memberId) {
            return;
        }
        if (caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
            StationRow s = ctx.db.read(c -> station(c, stationId));
            if (caller.canManage(s.orgId(), ctx.directory)) {
                return;
            }
        }
        throw HubException.forbidden("this booking belongs to another member");
    }
}
