package org.unionhub.modelworkers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionhub.api.Validation;
import org.unionhub.api.validation.IdCardNumber;

/** The archive's use of ID-card numbers: validation into field errors, and birth date and sex derived from them. */
class IdCardDerivationTest {

    @Test
    void derivesBirthDateAndSexFromAGoodNumber() {
        Validation v = new Validation();
        IdCardNumber id = Archive.idNumber(v, "idNumber", "11010519491231002X");
        assertTrue(v.isValid());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(IdCardNumber.Sex.FEMALE, id.sex(), "the 17th digit 2 is even: female");
        IdCardNumber man = Archive.idNumber(new Validation(), "idNumber", "440524198001010013");
        assertEquals(LocalDate.of(1980, 1, 1), man.birthDate());
        assertEquals(IdCardNumber.Sex.MALE, man.sex(), "the 17th digit 1 is odd: male");
    }

    @Test
    void acceptsALowerCaseXAndStoresItUpperCase() {
        Validation v = new Validation();
        IdCardNumber id = Archive.idNumber(v, "idNumber", "11010519491231002x");
        assertTrue(v.isValid());
        assertEquals("11010519491231002X", id.value());
        assertEquals("**************002X", IdCardNumber.mask(id.value()));
    }

    @Test
    void refusesAWrongCheckDigitNamingTheField() {
        Validation v = new Validation();
        assertNull(Archive.idNumber(v, "idNumber", "110105194912310021"));
        assertEquals(List.of("idNumber"), v.errors().stream().map(e -> e.field()).toList());
        assertEquals("check digit does not match", v.errors().get(0).message());
    }

    @Test
    void refusesABadBirthDate() {
        // 1981-02-30 does not exist; the check digit is made right so that only the date is wrong
        String first17 = "44052419810230001";
        Validation v = new Validation();
        assertNull(Archive.idNumber(v, "idNumber", first17 + IdCardNumber.checkCharacter(first17)));
        assertEquals("does not hold a valid birth date", v.errors().get(0).message());
        String future = "440524" + (LocalDate.now().getYear() + 1) + "0101001";
        Validation w = new Validation();
        Archive.idNumber(w, "idNumber", future + IdCardNumber.checkCharacter(future));
        assertFalse(w.isValid(), "a birth date in the future");
    }

    @Test
    void refusesMissingShortAndNonDigitNumbers() {
        Validation v = new Validation();
        Archive.idNumber(v, "idNumber", null);
        Archive.idNumber(v, "idNumber", "   ");
        Archive.idNumber(v, "idNumber", "1101051949123100");
        Archive.idNumber(v, "idNumber", "1101051949123100AX");
        assertEquals(List.of("is required", "is required", "must be 18 characters", "the first 17 characters must be digits"),
                v.errors().stream().map(e -> e.message()).toList());
    }
}
