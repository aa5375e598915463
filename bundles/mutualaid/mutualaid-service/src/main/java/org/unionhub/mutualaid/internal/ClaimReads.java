package org.unionhub.mutualaid.internal;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unionhub.api.AuditLog;
import org.unionhub.api.security.Caller;

/**
 * The audit of claims read in a list. Every claim a list shows is a read of medical data and is audited — as one
 * row per page naming the filter, how many claims it showed and their ids (at most 500, within the audit's 8,000
 * characters), not one row per claim, which cost 4–6 times the page itself at a province's size (issue 18).
 */
final class ClaimReads {

    private ClaimReads() {
    }

    static void auditList(AuditLog audit, Connection c, Caller caller, Long planId, ClaimStatus status, Long memberId,
            List<Long> ids) {
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("planId", planId);
        read.put("status", status);
        read.put("memberId", memberId);
        read.put("rows", ids.size());
        read.put("ids", ids);
        audit.record(c, caller, "mutualaid.claim.list", "claim", null, read);
    }
}
