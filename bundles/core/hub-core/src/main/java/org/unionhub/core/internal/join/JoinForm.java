package org.unionhub.core.internal.join;

import java.util.List;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.NewFormKind;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * What a person sends from the public join page: who he is (the ID-card number checked by GB 11643), the phone he
 * proved with a {@code JOIN} code, where and how he works (a rider, driver or courier is {@code NEW_FORM} with its
 * kind), the union (from the QR {@code token}, or {@code orgId} picked from the list) and his consent to the privacy
 * notice he was shown.
 */
public record JoinForm(@Required @MaxLength(100) String name, @Required @MaxLength(18) String idNumber,
        @Required @MaxLength(20) String phone, @Required @MaxLength(6) String code,
        @Required @MaxLength(200) String employer, @Required EmploymentForm employmentForm, NewFormKind newFormKind,
        Long orgId, @MaxLength(64) String token, @Required Consent consent) {

    /**
     * The privacy notice's version the applicant agreed to, where ({@code H5}, {@code WECHAT}, {@code APP}), and his
     * separate consents for sensitive data: {@code ID_NUMBER}, which the join notice asks for.
     */
    public record Consent(@Required @MaxLength(32) String noticeVersion, @Required @MaxLength(16) String channel,
            List<String> sensitive) {
    }
}
