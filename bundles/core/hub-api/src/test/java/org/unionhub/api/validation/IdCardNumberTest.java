package org.unionhub.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdCardNumberTest {

    @ParameterizedTest
    @CsvSource({
        // the example of GB 11643-1999 itself
        "11010519491231002X, 1949-12-31, FEMALE",
        "440524198001010013, 1980-01-01, MALE",
        "11010519491231002x, 1949-12-31, FEMALE"
    })
    void acceptsValidNumbersAndDerivesBirthDateAndSex(String number, LocalDate birth, IdCardNumber.Sex sex) {
        IdCardNumber id = IdCardNumber.parse(number).orElseThrow();
        assertEquals(birth, id.birthDate());
        assertEquals(sex, id.sex());
        assertEquals(number.toUpperCase(), id.value());
    }

    @ParameterizedTest
    @CsvSource({
        "110105194912310021, check digit does not match",
        "11010519491331002X, does not hold a valid birth date",
        "11010519490230002X, does not hold a valid birth date",
        "1101051949123100, must be 18 characters",
        "1101051949123100AX, the first 17 characters must be digits",
        "110105299912310028, does not hold a valid birth date"
    })
    void refusesBadNumbersWithTheReason(String number, String reason) {
        assertEquals(reason, IdCardNumber.problem(number));
        assertFalse(IdCardNumber.isValid(number));
    }

    @Test
    void nullIsRequired() {
        assertEquals("is required", IdCardNumber.problem(null));
    }

    @Test
    void masksAllButTheLastFour() {
        assertEquals("**************002X", IdCardNumber.mask("11010519491231002X"));
        assertEquals("**************002X", IdCardNumber.mask("110***********002X"), "masking the older mask gives the new one");
        org.junit.jupiter.api.Assertions.assertTrue(IdCardNumber.isMaskOf("**************002X", "110***********002X"));
        org.junit.jupiter.api.Assertions.assertFalse(IdCardNumber.isMaskOf("11010519491231002X", "110***********002X"),
                "a full number is never taken for the mask");
        assertNull(IdCardNumber.mask(null));
    }

    @Test
    void checkCharacterMatchesEveryGeneratedNumber() {
        String body = "32010219800101123";
        String number = body + IdCardNumber.checkCharacter(body);
        assertTrue(IdCardNumber.isValid(number));
    }
}
