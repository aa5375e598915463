package org.unionhub.core.internal.join;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.EmploymentForm;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.security.SlidingWindow;
import org.unionhub.api.security.TooManyAttempts;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.core.internal.personal.Notices;
import org.unionhub.core.internal.phone.PhoneCodes;
import org.unionhub.core.internal.security.SecurityConfig;
import org.unionhub.core.internal.phone.PhoneCodes.Purpose;

/**
 * The public side of joining online: the unions one may pick, the union behind a QR token, the privacy notice, and
 * the request itself. A request is checked whole before anything is kept (a refused one leaves no row), its phone
 * must be proven by a {@code JOIN} code, and it is answered the same way whether the person is new, already asked,
 * already a member of that union, or a member elsewhere (then it becomes a transfer request, 转会): the answer never
 * tells whether someone is a member.
 */
@Component(service = JoinIntake.class, configurationPid = SecurityConfig.PID, immediate = true)
public class JoinIntake {

    static final Set<String> CHANNELS = Set.of("H5", "WECHAT", "APP");
    private static final String ID_NUMBER = "ID_NUMBER";

    public record Receipt(String status, String message) {
    }

    private final JoinStore store = new JoinStore();
    /** Requests per client address and hour, refused or not: the form cannot be used to walk ID numbers. */
    private final SlidingWindow perAddress;
    private final ModuleDatabase db;
    private final PhoneCodes codes;
    private final PersonalDataCipher cipher;
    private final MemberDirectory members;
    private final Notices notices;

    @Activate
    public JoinIntake(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference PhoneCodes codes,
            @Reference PersonalDataCipher cipher, @Reference MemberDirectory members, @Reference Notices notices,
            SecurityConfig config) {
        this.notices = notices;
        this.perAddress = new SlidingWindow(Math.max(1, config.join_requests_per_hour()), 3_600_000L);
        this.db = db;
        this.codes = codes;
        this.cipher = cipher;
        this.members = members;
    }

    public Page<JoinUnion> unions(String name, PageRequest page) {
        return db.read(c -> store.unions(c, name, page));
    }

    public JoinUnion unionByToken(String token) {
        return Optional.ofNullable(token).filter(t -> t.length() <= 64)
                .flatMap(t -> db.read(c -> store.unionByToken(c, t)))
                .orElseThrow(() -> HubException.notFound("join code", token));
    }

    /** The union's QR token (made on first use), for its officers (and admins). */
    public String token(Caller caller, long orgId) {
        if (!caller.canManage(orgId, members)) {
            throw HubException.notFound("organisation", orgId);
        }
        return db.inTransaction(c -> {
            if (store.union(c, orgId).isEmpty()) {
                throw HubException.notFound("join code of organisation", orgId); // federations are not joined directly
            }
            return store.token(c, orgId);
        });
    }

    /** The QR code of {@code url} as a PNG of {@code size} pixels (the officer prints it). */
    public byte[] qrPng(String url, int size) {
        return QrPng.of(url, size);
    }

    /** The join notice, from the notice store: the region's text and version. */
    public PrivacyNotice notice() {
        return PrivacyNotice.of(notices.get(PrivacyNotice.PURPOSE));
    }

    public Receipt submit(JoinForm f, String address) {
        if (address != null) {
            long retry = perAddress.retryAfterSeconds(address, System.currentTimeMillis());
            if (retry > 0) {
                throw new TooManyAttempts("too many join requests from this address; retry in " + retry + " s", retry);
            }
            perAddress.record(address, System.currentTimeMillis());
        }
        IdCardNumber id = validate(f, notice());
        String phone = PhoneCodes.checkPhone("phone", f.phone());
        JoinUnion union = db.read(c -> f.token() != null && !f.token().isBlank()
                ? store.unionByToken(c, f.token().trim()).orElseThrow(() -> HubException.invalid("token", "unknown join code"))
                : store.union(c, f.orgId()).orElseThrow(() -> HubException.invalid("orgId",
                        "pick a grassroots, industry or new-form union from GET /api/join/unions")));
        if (!codes.use(phone, Purpose.JOIN, f.code().trim())) {
            throw HubException.invalid("code", "wrong, used or expired code; request a new one");
        }
        String source = f.token() != null && !f.token().isBlank() ? "QR" : "PICKED";
        String index = cipher.blindIndex(id.value());
        db.inTransaction(c -> {
            if (store.pending(c, index)) {
                return null; // asked already: the officer decides that one
            }
            Optional<long[]> member = store.member(c, index);
            if (member.isPresent() && member.get()[1] == union.id()) {
                return null; // a member of this union already: nothing to do, and nothing said
            }
            store.insert(c, f, union.id(), member.isPresent() ? "TRANSFER" : "JOIN", cipher.encrypt(id.value()), index,
                    id.value(), source, member.map(m -> m[0]).orElse(null), Instant.now());
            return null;
        });
        return new Receipt("RECEIVED", "申请已提交，工会审核后将以短信通知您。");
    }

    private static IdCardNumber validate(JoinForm f, PrivacyNotice notice) {
        Validation v = new Validation();
        v.required("name", f.name() == null || f.name().isBlank() ? null : f.name());
        v.required("idNumber", f.idNumber());
        v.required("phone", f.phone());
        v.required("code", f.code());
        v.required("employer", f.employer() == null || f.employer().isBlank() ? null : f.employer());
        v.required("employmentForm", f.employmentForm());
        v.required("consent", f.consent());
        if (f.idNumber() != null) {
            String problem = IdCardNumber.problem(f.idNumber());
            v.check(problem == null, "idNumber", problem);
        }
        v.check(f.employmentForm() != EmploymentForm.NEW_FORM || f.newFormKind() != null, "newFormKind",
                "say which new form of employment (DELIVERY_RIDER, RIDE_HAILING_DRIVER, COURIER, TRUCK_DRIVER, OTHER)");
        v.check(f.employmentForm() == EmploymentForm.NEW_FORM || f.newFormKind() == null, "newFormKind",
                "only for employmentForm NEW_FORM");
        v.check(f.orgId() != null || f.token() != null && !f.token().isBlank(), "orgId",
                "pick a union (orgId) or come from its QR code (token)");
        if (f.consent() != null) {
            v.check(notice.version().equals(f.consent().noticeVersion()), "consent.noticeVersion",
                    "agree to the current privacy notice, version " + notice.version());
            // the form collects an ID-card number: its separate consent (PIPL art. 29) where the notice asks for it
            v.check(!notice.sensitive().contains(ID_NUMBER) || f.consent().sensitive() != null
                    && f.consent().sensitive().contains(ID_NUMBER), "consent.sensitive",
                    "must include " + ID_NUMBER + ": the record holds it and it needs its own consent");
            v.check(f.consent().sensitive() == null || f.consent().sensitive().stream()
                    .allMatch(k -> k != null && notice.sensitive().contains(k)),
                    "consent.sensitive", "the notice for " + PrivacyNotice.PURPOSE + " asks for " + notice.sensitive());
            v.check(f.consent().channel() != null && CHANNELS.contains(f.consent().channel()), "consent.channel",
                    "one of " + String.join(", ", new java.util.TreeSet<>(CHANNELS)));
        }
        v.throwIfInvalid();
        return IdCardNumber.parse(f.idNumber()).orElseThrow(() -> HubException.invalid("idNumber", "not a valid ID-card number"));
    }
}
