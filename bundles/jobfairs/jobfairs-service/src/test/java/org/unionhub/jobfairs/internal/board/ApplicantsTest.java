package org.unionhub.jobfairs.internal.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.IdCardNumber;

/** "灵活就业直通车": who may apply without a member record, and what is kept of his ID number. */
class ApplicantsTest {

    /** Reversible and keyed enough to tell values apart; the hub's AES cipher is tested in hub-core. */
    private static final PersonalDataCipher CIPHER = new PersonalDataCipher() {
        @Override
        public String encrypt(String plain) {
            return "sealed:" + new StringBuilder(plain).reverse();
        }

        @Override
        public String decrypt(String sealed) {
            return new StringBuilder(sealed.substring(7)).reverse().toString();
        }

        @Override
        public String blindIndex(String plain) {
            return Integer.toHexString(plain.hashCode());
        }
    };
    private static final String FIRST17 = "35020519900101123";
    private static final String ID = FIRST17 + IdCardNumber.checkCharacter(FIRST17);

    @Test
    void aFlexibleWorkerAppliesWithHisIdNumberKeptSealedAndMasked() {
        Applicants a = Applicants.of(Caller.ANONYMOUS, new Applicant(ApplicantKind.FLEXIBLE, " 赵敏 ", "13900000001", ID),
                "applicant", CIPHER);
        assertEquals(ApplicantKind.FLEXIBLE, a.kind());
        assertNull(a.memberId());
        assertEquals("赵敏", a.name());
        assertEquals(ID, CIPHER.decrypt(a.sealed()));
        assertEquals("**************" + ID.substring(14), a.masked());
        assertEquals("id:" + CIPHER.blindIndex(ID), a.key());
    }

    @Test
    void aMemberAppliesAsAMemberWhateverHeSends() {
        Caller member = new Caller("member", Set.of(Roles.MEMBER), null, 7L);
        Applicants a = Applicants.of(member, new Applicant(ApplicantKind.NON_MEMBER, "王磊", "13800000003", null), "applicant",
                CIPHER);
        assertEquals(ApplicantKind.MEMBER, a.kind());
        assertEquals(7L, a.memberId());
        assertEquals("member:7", a.key());
        assertNull(a.sealed());
    }

    @Test
    void everyBadFieldIsNamed() {
        String wrong = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        HubException e = assertThrows(HubException.class, () -> Applicants.of(Caller.ANONYMOUS,
                new Applicant(ApplicantKind.MEMBER, "", "12345", wrong), "applicant", CIPHER));
        assertEquals(422, e.status());
        assertEquals(List.of("applicant.name", "applicant.phone", "applicant.kind", "applicant.idNumber"),
                e.errors().stream().map(FieldError::field).toList());
        HubException noKind = assertThrows(HubException.class, () -> Applicants.of(Caller.ANONYMOUS,
                new Applicant(null, "钱多", "13900000002", ID), "applicant", CIPHER));
        assertEquals("applicant.kind", noKind.errors().get(0).field());
        HubException none = assertThrows(HubException.class, () -> Applicants.of(Caller.ANONYMOUS, null, "applicant", CIPHER));
        assertEquals("applicant", none.errors().get(0).field());
    }
}
