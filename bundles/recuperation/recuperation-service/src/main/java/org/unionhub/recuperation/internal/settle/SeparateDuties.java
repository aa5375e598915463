package org.unionhub.recuperation.internal.settle;

import org.unionhub.api.HubException;
import org.unionhub.api.security.Caller;

/** Money filed by one union is reviewed and paid above it: never by that union's own officers, never by whoever filed it. */
public final class SeparateDuties {

    private SeparateDuties() {
    }

    public static void refuseOwn(Caller caller, long filingOrgId, String filedBy, String what) {
        if (!caller.isAdmin() && caller.orgId() != null && caller.orgId() == filingOrgId) {
            throw HubException.forbidden("the union that filed " + what + " does not review or pay it; a union above it does");
        }
        if (caller.username().equals(filedBy)) {
            throw HubException.forbidden("whoever filed " + what + " does not review or pay it");
        }
    }
}
