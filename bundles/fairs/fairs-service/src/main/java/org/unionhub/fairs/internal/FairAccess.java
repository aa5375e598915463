package org.unionhub.fairs.internal;

import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/** Who manages which fair: admins every fair, an officer those of his organisation and below it. */
final class FairAccess {

    private final ModuleDatabase db;
    private final MemberDirectory directory;

    FairAccess(ModuleDatabase db, MemberDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    boolean canManage(Caller caller, FairRow f) {
        if (caller.isAdmin()) {
            return true;
        }
        return caller.hasRole(Roles.OFFICER) && f.orgId() != null && caller.canManage(f.orgId(), directory);
    }

    boolean canManageFair(Caller caller, long fairId) {
        if (caller.isAnonymous() || !caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER)) {
            return false; // no directory look-up for the rush of anonymous merchants
        }
        return db.read(c -> FairStore.row(c, fairId)).map(f -> canManage(caller, f)).orElse(false);
    }

    /** Read outside the write transaction: the directory uses its own connection, and a rush must not hold two. */
    FairRow requireManage(Caller caller, long fairId) {
        FairRow f = db.read(c -> FairStore.row(c, fairId)).orElseThrow(() -> HubException.notFound("fair", fairId));
        if (!canManage(caller, f)) {
            throw HubException.forbidden("fair " + fairId + " is outside your organisation");
        }
        return f;
    }
}
