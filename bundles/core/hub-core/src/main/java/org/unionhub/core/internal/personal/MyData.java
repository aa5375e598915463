package org.unionhub.core.internal.personal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.personal.PersonalAttachment;
import org.unionhub.api.personal.PersonalData;
import org.unionhub.api.security.Caller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A member's own copy of what the hub holds on him (个人信息保护法 art. 45): every installed module's sections and the
 * list of his files as JSON, or a ZIP with one JSON file per module and the files themselves. Each download is audited.
 */
@Component(service = MyData.class)
public class MyData {

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final PersonalDataModules modules;
    private final Consents consents;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Activate
    public MyData(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference PersonalDataModules modules, @Reference Consents consents) {
        this.consents = consents;
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.modules = modules;
    }

    /** The signed-in member, or 403 for accounts that are not a member's. */
    static MemberInfo member(Caller caller, MemberDirectory directory) {
        if (caller.memberId() == null) {
            throw HubException.forbidden("only a member's own account has personal data of its own");
        }
        return directory.member(caller.memberId())
                .orElseThrow(() -> HubException.forbidden("the account's member record is gone"));
    }

    /** The signed-in member's id; 403 for accounts that are not a member's. */
    public long memberId(Caller caller) {
        return member(caller, directory).id();
    }

    /** {@code memberId}, {@code exportedAt}, {@code modules} (module → section → rows) and {@code attachments}. */
    public Map<String, Object> export(Caller caller) {
        long memberId = member(caller, directory).id();
        Map<String, Object> sections = new LinkedHashMap<>();
        List<Map<String, Object>> files = new ArrayList<>();
        for (PersonalData p : modules.inOrder()) {
            sections.put(p.module(), part(p, memberId));
            for (PersonalAttachment a : p.attachments(memberId)) {
                files.add(describe(p.module(), a));
            }
        }
        audited(caller, memberId, "json", sections.keySet());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("memberId", memberId);
        out.put("exportedAt", Instant.now().toString());
        out.put("modules", sections);
        out.put("attachments", files);
        return out;
    }

    /** The same as a ZIP: {@code <module>.json} per module, {@code attachments.json} and {@code attachments/…}. */
    public void zip(Caller caller, OutputStream target) throws IOException {
        long memberId = member(caller, directory).id();
        List<PersonalData> all = modules.inOrder();
        audited(caller, memberId, "zip", all.stream().map(PersonalData::module).toList());
        List<Map<String, Object>> files = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            for (PersonalData p : all) {
                entry(zip, p.module() + ".json", json.writeValueAsBytes(part(p, memberId)));
                for (PersonalAttachment a : p.attachments(memberId)) {
                    Map<String, Object> d = describe(p.module(), a);
                    String name = "attachments/" + p.module() + "/" + a.id() + "-" + safe(a.fileName());
                    d.put("path", name);
                    files.add(d);
                    zip.putNextEntry(new ZipEntry(name));
                    p.copyAttachment(memberId, a.id(), zip);
                    zip.closeEntry();
                }
            }
            entry(zip, "attachments.json", json.writeValueAsBytes(files));
        }
    }

    /**
     * One module's part of the copy; the core's with section {@code consents}: every consent {@code /api/me/consents}
     * lists, those given for the modules' records about him included (the core cannot name those records in SQL).
     */
    private Map<String, List<Map<String, Object>>> part(PersonalData p, long memberId) {
        Map<String, List<Map<String, Object>>> part = new LinkedHashMap<>(p.export(memberId));
        if ("core".equals(p.module())) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Consent c : consents.of(memberId)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", c.id());
                row.put("subjectKind", c.subjectKind());
                row.put("subjectRef", c.subjectRef());
                row.put("purpose", c.purpose());
                row.put("module", c.module());
                row.put("noticeVersion", c.noticeVersion());
                row.put("region", c.region());
                row.put("kind", c.kind());
                row.put("channel", c.channel());
                row.put("givenAt", c.givenAt() == null ? null : c.givenAt().toString());
                row.put("withdrawnAt", c.withdrawnAt() == null ? null : c.withdrawnAt().toString());
                rows.add(0, row); // oldest first, as the other sections
            }
            part.put("consents", rows);
        }
        return part;
    }

    private void audited(Caller caller, long memberId, String format, java.util.Collection<String> modulesAsked) {
        db.inTransaction(c -> {
            audit.record(c, caller, "core.personaldata.export", "member", memberId,
                    Map.of("format", format, "modules", List.copyOf(modulesAsked)));
            return null;
        });
    }

    private static Map<String, Object> describe(String module, PersonalAttachment a) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("module", module);
        d.put("section", a.section());
        d.put("id", a.id());
        d.put("fileName", a.fileName());
        d.put("contentType", a.contentType());
        d.put("sizeBytes", a.sizeBytes());
        return d;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** A file name safe inside the ZIP: no folders, no control characters. */
    static String safe(String fileName) {
        String s = fileName == null || fileName.isBlank() ? "file" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return s.length() > 100 ? s.substring(s.length() - 100) : s;
    }
}
