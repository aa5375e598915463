package org.unionhub.core.internal.phone;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.Validation;
import org.unionhub.core.internal.phone.PhoneCodes.Purpose;
import org.unionhub.core.internal.security.MemberAccounts;

/**
 * A member sets his password after his join was approved, and resets a forgotten one, the same way: a code to his
 * phone, then the code with the new password. Every answer is the same whether or not the phone has an account.
 */
@Component(service = PhonePasswords.class)
public class PhonePasswords {

    private final PhoneCodes codes;
    private final MemberAccounts members;

    @Activate
    public PhonePasswords(@Reference PhoneCodes codes, @Reference MemberAccounts members) {
        this.codes = codes;
        this.members = members;
    }

    /**
     * Sends a code for {@code purpose} to {@code phone}. A {@code PASSWORD} code goes only to a phone that names a
     * member's account, but the answer (and the rate limit counted) is the same either way.
     */
    public void requestCode(String phone, String purpose, String address) {
        Validation v = new Validation();
        v.required("phone", phone);
        v.required("purpose", purpose);
        v.throwIfInvalid();
        String p = PhoneCodes.checkPhone("phone", phone);
        Purpose what = purpose(purpose);
        codes.admit(p, what, address, System.currentTimeMillis());
        // a join applicant has no account yet: JOIN and CONSENT codes go to any phone (the limits hold them)
        if (what == Purpose.JOIN || what == Purpose.CONSENT || members.exists(p)) {
            codes.send(p, what);
        }
    }

    /** Sets the password of the member whose account is {@code phone}, when {@code code} is his newest code. */
    public void setPassword(String phone, String code, String password) {
        Validation v = new Validation();
        v.required("phone", phone);
        v.required("code", code);
        v.required("password", password);
        v.throwIfInvalid();
        String p = PhoneCodes.checkPhone("phone", phone);
        members.checkPassword(p, password);
        // a wrong code and a phone without an account answer alike
        if (!codes.use(p, Purpose.PASSWORD, code.trim()) || !members.setPassword(p, password)) {
            throw HubException.invalid("code", "wrong, used or expired code; request a new one");
        }
    }

    static Purpose purpose(String purpose) {
        try {
            return Purpose.valueOf(purpose.trim());
        } catch (IllegalArgumentException e) {
            throw HubException.invalid("purpose", "must be JOIN, PASSWORD or CONSENT");
        }
    }
}
