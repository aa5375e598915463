package org.unionhub.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditCodeTest {

    @ParameterizedTest
    @CsvSource({
        // published codes of well-known enterprises
        "91110000100000000R",
        "91110108551385082Q",
        "91110108551385082q"
    })
    void acceptsValidCodes(String code) {
        assertNull(CreditCode.problem(code), code);
    }

    @ParameterizedTest
    @CsvSource({
        "91110108551385082A, check character does not match",
        "9111010855138508, must be 18 characters",
        "91110108551385O82Q, character 15 ('O') is not allowed",
        "91AB0108551385082Q, characters 3 to 8 must be the digits of an administrative division"
    })
    void refusesBadCodes(String code, String reason) {
        assertEquals(reason, CreditCode.problem(code));
    }
}
