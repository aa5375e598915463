package org.unionhub.jobfairs.internal.board;

import org.unionhub.api.HubException;
import org.unionhub.api.Validation;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.api.validation.Texts;
import org.unionhub.jobfairs.internal.Env;

/**
 * An applicant checked and made ready for storage: members are known by their member id; non-members by the
 * blind index of their ID number (the key that makes "once per position" hold), with the number sealed by the
 * hub's cipher and its mask kept for display — as the core keeps members' numbers.
 */
public record Applicants(ApplicantKind kind, Long memberId, String key, String name, String phone, String sealed,
        String masked) {

    /** Checks the applicant's data (every field error at once, prefixed with {@code field.}) and seals the ID number. */
    public static Applicants of(Caller caller, Applicant a, String field, PersonalDataCipher cipher) {
        if (a == null) {
            throw HubException.invalid(field, "is required");
        }
        boolean member = caller.hasRole(Roles.MEMBER) && caller.memberId() != null;
        Validation v = new Validation();
        v.required(field + ".name", Texts.blankToNull(a.name())).maxLength(field + ".name", a.name(), 100);
        v.required(field + ".phone", Texts.blankToNull(a.phone()));
        v.valid(field + ".phone", Texts.blankToNull(a.phone()), p -> Env.MOBILE.matcher(p).matches(),
                "must be a mobile number of 11 digits starting with 1");
        if (!member) {
            v.required(field + ".kind", a.kind());
            v.check(a.kind() != ApplicantKind.MEMBER, field + ".kind",
                    "MEMBER needs a member account; without one apply as NON_MEMBER or FLEXIBLE");
            String problem = IdCardNumber.problem(a.idNumber());
            v.check(problem == null, field + ".idNumber", problem);
        } else if (a.idNumber() != null && !a.idNumber().isBlank()) {
            v.error(field + ".idNumber", "a member's ID number is in the member record; leave it out");
        }
        v.throwIfInvalid();
        if (member) {
            return new Applicants(ApplicantKind.MEMBER, caller.memberId(), "member:" + caller.memberId(), a.name().trim(),
                    a.phone().trim(), null, null);
        }
        String id = IdCardNumber.parse(a.idNumber()).orElseThrow().value();
        return new Applicants(a.kind(), null, "id:" + cipher.blindIndex(id), a.name().trim(), a.phone().trim(),
                cipher.encrypt(id), IdCardNumber.mask(id));
    }
}
