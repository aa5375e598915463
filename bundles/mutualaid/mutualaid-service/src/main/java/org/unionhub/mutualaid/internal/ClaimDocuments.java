package org.unionhub.mutualaid.internal;

import java.io.InputStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.upload.FileType;
import org.unionhub.api.upload.Uploads;
import org.unionhub.api.validation.Texts;

/**
 * A claim's documents: uploads checked by size, by their first bytes and against the declared type, hashed and
 * stored while the claim is open for documents; every download audited with whose claim it was.
 */
final class ClaimDocuments {

    private static final Set<ClaimStatus> OPEN_FOR_DOCUMENTS = EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW,
            ClaimStatus.RETURNED);

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final HubSettings settings;
    private final MemberDirectory directory;
    private final Configured config;
    private final ClaimService claims;

    ClaimDocuments(ModuleDatabase db, AuditLog audit, HubSettings settings, MemberDirectory directory, Configured config,
            ClaimService claims) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
        this.directory = directory;
        this.config = config;
        this.claims = claims;
    }

    Attachment upload(Caller caller, long claimId, String kindText, String fileName, String declaredType, InputStream in) {
        Validation v = new Validation();
        v.required("kind", kindText);
        AttachmentKind kind = null;
        if (kindText != null && !kindText.isBlank()) {
            try {
                kind = AttachmentKind.valueOf(kindText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.error("kind", "must be one of " + java.util.Arrays.toString(AttachmentKind.values()));
            }
        }
        v.maxLength("fileName", fileName, 200);
        v.throwIfInvalid();
        long max = config.attachmentMaxBytes();
        byte[] bytes = Uploads.read(in, max, () -> Uploads.tooLarge("a document may have at most " + max + " bytes", "body",
                "larger than " + max + " bytes"), e -> HubException.badRequest("body", "could not read the upload: " + e.getMessage()));
        if (bytes.length == 0) {
            throw HubException.invalid("body", "the document is empty");
        }
        FileType detected = FileType.detect(bytes);
        if (detected == null) {
            throw HubException.invalid("body", "must be a PDF, JPEG or PNG file (checked by its first bytes)");
        }
        String type = detected.mediaType();
        String declared = FileType.bare(declaredType);
        if (FileType.ofMediaType(declared) != null && !declared.equals(type)) {
            throw HubException.invalid("Content-Type", "says " + declared + " but the content is " + type);
        }
        AttachmentKind k = kind;
        String sha = Uploads.sha256(bytes);
        return db.inTransaction(c -> {
            ClaimService.Row r = claims.load(c, claimId);
            long org = claims.orgOf(r);
            if (!Access.actsFor(caller, r.claim().memberId(), org, directory) && !Access.reviews(caller, org, directory)) {
                throw HubException.notFound("claim", claimId);
            }
            if (!OPEN_FOR_DOCUMENTS.contains(r.claim().status())) {
                throw HubException.conflict("claim " + claimId + " is " + r.claim().status() + "; documents are accepted while "
                        + "it is " + OPEN_FOR_DOCUMENTS);
            }
            Instant now = Instant.now();
            long id = ClaimStore.insertAttachment(c, claimId, k, type, Texts.blankToNull(fileName), bytes, sha,
                    caller.username(), now);
            audit.record(c, caller, "mutualaid.attachment.create", "claim", claimId,
                    Map.of("attachmentId", id, "kind", k, "contentType", type, "size", bytes.length));
            return new Attachment(id, claimId, k, type, Texts.blankToNull(fileName), bytes.length, sha, caller.username(),
                    Times.at(now, settings.zone()));
        });
    }

    ClaimService.Content download(Caller caller, long claimId, long attachmentId) {
        return db.inTransaction(c -> {
            ClaimService.Row r = claims.visible(c, caller, claimId);
            ClaimService.Content content = ClaimStore.content(c, claimId, attachmentId).orElseThrow(() -> HubException.notFound("attachment", attachmentId));
            audit.record(c, caller, "mutualaid.attachment.read", "claim", claimId, Map.of("attachmentId", attachmentId,
                    "memberId", r.claim().memberId()));
            return content;
        });
    }
}
