package org.kinlink.importing;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.Relationship;

/** Parsing of cell values: dates (several formats and the Solar Hijri calendar), years, statuses. */
public final class ImportValues {

    private static final List<DateTimeFormatter> GREGORIAN = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final Pattern SOLAR = Pattern.compile("(1[2-4]\\d\\d)[/-](\\d{1,2})[/-](\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("(1[89]\\d\\d|20\\d\\d)");
    private static final Pattern SOLAR_YEAR = Pattern.compile("(1[2-4]\\d\\d)");

    /** Common spellings of statuses in spreadsheets (lower case, English and Persian). */
    private static final Map<String, CaseStatus> STATUSES = Map.ofEntries(
            Map.entry("new", CaseStatus.NEW),
            Map.entry("open", CaseStatus.NEW),
            Map.entry("opened", CaseStatus.NEW),
            Map.entry("جدید", CaseStatus.NEW),
            Map.entry("intake", CaseStatus.INTAKE),
            Map.entry("tracing", CaseStatus.TRACING),
            Map.entry("searching", CaseStatus.TRACING),
            Map.entry("in progress", CaseStatus.TRACING),
            Map.entry("ongoing", CaseStatus.TRACING),
            Map.entry("جستجو", CaseStatus.TRACING),
            Map.entry("located", CaseStatus.LOCATED),
            Map.entry("found", CaseStatus.LOCATED),
            Map.entry("پیدا شده", CaseStatus.LOCATED),
            Map.entry("contact requested", CaseStatus.CONTACT_REQUESTED),
            Map.entry("on hold", CaseStatus.ON_HOLD),
            Map.entry("paused", CaseStatus.ON_HOLD),
            Map.entry("معلق", CaseStatus.ON_HOLD),
            Map.entry("closed unresolved", CaseStatus.CLOSED_UNRESOLVED),
            Map.entry("unresolved", CaseStatus.CLOSED_UNRESOLVED),
            Map.entry("closed", CaseStatus.CLOSED),
            Map.entry("بسته", CaseStatus.CLOSED),
            Map.entry("reunited", CaseStatus.REUNITED),
            Map.entry("contact established", CaseStatus.CONTACT_ESTABLISHED),
            Map.entry("declined", CaseStatus.DECLINED));

    private static final Map<String, Relationship> RELATIONSHIPS = Map.ofEntries(
            Map.entry("mother", Relationship.MOTHER),
            Map.entry("مادر", Relationship.MOTHER),
            Map.entry("father", Relationship.FATHER),
            Map.entry("پدر", Relationship.FATHER),
            Map.entry("sibling", Relationship.SIBLING),
            Map.entry("brother", Relationship.SIBLING),
            Map.entry("sister", Relationship.SIBLING),
            Map.entry("برادر", Relationship.SIBLING),
            Map.entry("خواهر", Relationship.SIBLING),
            Map.entry("spouse", Relationship.SPOUSE),
            Map.entry("wife", Relationship.SPOUSE),
            Map.entry("husband", Relationship.SPOUSE),
            Map.entry("همسر", Relationship.SPOUSE),
            Map.entry("child", Relationship.CHILD),
            Map.entry("son", Relationship.CHILD),
            Map.entry("daughter", Relationship.CHILD),
            Map.entry("پسر", Relationship.CHILD),
            Map.entry("دختر", Relationship.CHILD),
            Map.entry("other relative", Relationship.OTHER_RELATIVE),
            Map.entry("relative", Relationship.OTHER_RELATIVE),
            Map.entry("not related", Relationship.NOT_RELATED));

    private ImportValues() {}

    /** The enquirer's relationship to the sought person (English and Persian words), or empty. */
    public static Optional<Relationship> relationship(String value) {
        String key = ImportMapping.normalise(value).replace('-', ' ').replace('_', ' ');
        return Optional.ofNullable(RELATIONSHIPS.get(key));
    }

    /** Persian and Arabic-Indic digits to ASCII. */
    public static String latinDigits(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + c - '\u06F0'));
            } else if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + c - '\u0660'));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A date in ISO (2019-03-21), dd/MM/yyyy, dd.MM.yyyy or Solar Hijri yyyy/MM/dd (years 1200 to
     * 1499, Persian or Latin digits), or empty if it is none of these.
     */
    public static Optional<LocalDate> date(String value) {
        String text = latinDigits(value.strip());
        var solar = SOLAR.matcher(text);
        if (solar.matches()) {
            return solar(
                    Integer.parseInt(solar.group(1)),
                    Integer.parseInt(solar.group(2)),
                    Integer.parseInt(solar.group(3)));
        }
        for (DateTimeFormatter format : GREGORIAN) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return Optional.empty();
    }

    /** A birth value: a full date, or a year alone (Gregorian, or Solar Hijri converted). */
    public static Optional<Birth> birth(String value) {
        String text = latinDigits(value.strip());
        if (YEAR.matcher(text).matches()) {
            return Optional.of(new Birth(null, Integer.parseInt(text)));
        }
        if (SOLAR_YEAR.matcher(text).matches()) {
            return Optional.of(new Birth(null, Integer.parseInt(text) + 621));
        }
        return date(text).map(d -> new Birth(d, d.getYear()));
    }

    public record Birth(@org.jspecify.annotations.Nullable LocalDate date, int year) {}

    /** The status a spelling means (enum names, common English and Persian words), or empty. */
    public static Optional<CaseStatus> status(String value) {
        String key = ImportMapping.normalise(value).replace('-', ' ');
        for (CaseStatus status : CaseStatus.values()) {
            if (status.name().replace('_', ' ').toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(status);
            }
        }
        return Optional.ofNullable(STATUSES.get(key));
    }

    private static Optional<LocalDate> solar(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > (month <= 6 ? 31 : 30)) {
            return Optional.empty();
        }
        var calendar = new PersianCalendar(TimeZone.GMT_ZONE, com.ibm.icu.util.ULocale.ROOT);
        calendar.clear();
        calendar.setLenient(false);
        calendar.set(year, month - 1, day);
        try {
            var gregorian = Calendar.getInstance(TimeZone.GMT_ZONE);
            gregorian.setTimeInMillis(calendar.getTimeInMillis());
            return Optional.of(LocalDate.of(
                    gregorian.get(Calendar.YEAR),
                    gregorian.get(Calendar.MONTH) + 1,
                    gregorian.get(Calendar.DAY_OF_MONTH)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
