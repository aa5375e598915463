package org.unionhub.testkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data where it does not belong (issue 22): ID-card numbers (18 characters with a valid check
 * character), mobile phone numbers and the diagnoses of the test data, in text the hub wrote to karaf.log, to the
 * audit's change text or into an error body. {@link HubTestSupport} runs it after every test method, over what was
 * written since the last run, and fails the test that caused it. Values are reported masked.
 */
public final class PersonalDataScan {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dX](?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
    /** Diagnoses and health notes the tests write into claims, requests and surveys. */
    private static final List<String> DIAGNOSES = List.of("腰椎", "膝关节", "骨折", "肺炎", "癌症", "糖尿病");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private PersonalDataScan() {
    }

    /** Each finding as {@code where: kind …masked}. */
    public static List<String> find(String where, String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher id = ID_NUMBER.matcher(text);
        while (id.find()) {
            if (validIdNumber(id.group())) {
                out.add(where + ": ID number …" + id.group().substring(14));
            }
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            out.add(where + ": phone number …" + phone.group().substring(7));
        }
        for (String d : DIAGNOSES) {
            if (text.contains(d)) {
                out.add(where + ": diagnosis " + d.charAt(0) + "…");
            }
        }
        return out;
    }

    /** A valid check character and a real birth date (a credit code of digits may pass the check alone). */
    static boolean validIdNumber(String s) {
        try {
            java.time.LocalDate born = java.time.LocalDate.parse(s.substring(6, 14),
                    java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            if (born.getYear() < 1900) {
                return false;
            }
        } catch (java.time.format.DateTimeParseException notADate) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == s.charAt(17);
    }

    /** What was appended to {@code file} after {@code offset[0]}, which moves to the end; empty for no file. */
    static String appended(Path file, long[] offset) throws IOException {
        if (file == null || !Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            if (length < offset[0]) {
                offset[0] = 0; // rotated
            }
            byte[] buf = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - offset[0])];
            f.seek(offset[0]);
            f.readFully(buf);
            offset[0] += buf.length;
            return new String(buf, StandardCharsets.UTF_8);
        }
    }
}
