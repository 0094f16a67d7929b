package org.kinlink.ui;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Dates and times as the user's language shows them: Persian users see the Solar Hijri date (ICU4J,
 * Persian digits) followed by the Gregorian date in parentheses; English and Albanian users see the
 * Gregorian date in their locale's format. Views format every date they show through this class.
 */
public final class Dates {

    private static final DateTimeFormatter ISO_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Dates() {}

    /** True when dates in this language are shown in the Solar Hijri calendar beside the Gregorian one. */
    public static boolean usesSolarHijri(Locale locale) {
        return "fa".equals(locale.getLanguage());
    }

    /** A calendar date, e.g. {@code 21 Mar 2026} or, in Persian, {@code ۱ فروردین ۱۴۰۵ (۲۱ مارس ۲۰۲۶)}. */
    public static String date(LocalDate date, Locale locale) {
        if (!usesSolarHijri(locale)) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(locale)
                    .format(date);
        }
        Date day = Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
        return solarHijri(date) + " (" + persianGregorian(day, TimeZone.GMT_ZONE) + ")";
    }

    /** The calendar day of an instant in the zone. */
    public static String date(Instant instant, ZoneId zone, Locale locale) {
        return date(instant.atZone(zone).toLocalDate(), locale);
    }

    /** A date with the time of day (hours and minutes) in the zone. */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        if (!usesSolarHijri(locale)) {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale)
                    .withZone(zone)
                    .format(instant);
        }
        DateFormat persian = DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, PERSIAN_CALENDAR);
        persian.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return persian.format(Date.from(instant)) + " ("
                + persianGregorian(Date.from(instant), TimeZone.getTimeZone(zone.getId())) + ")";
    }

    /**
     * An exact time stamp to the second, as the audit log shows it: {@code 2026-03-21 14:30:05}, and for
     * Persian users the Solar Hijri stamp in Persian digits followed by that one in parentheses.
     */
    public static String timestamp(Instant instant, ZoneId zone, Locale locale) {
        String iso = ISO_TIMESTAMP.withZone(zone).format(instant);
        if (!usesSolarHijri(locale)) {
            return iso;
        }
        var persian = new com.ibm.icu.text.SimpleDateFormat("yyyy/MM/dd HH:mm:ss", PERSIAN_CALENDAR);
        persian.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return persian.format(Date.from(instant)) + " (" + iso + ")";
    }

    /** The Solar Hijri date in Persian with Persian digits, e.g. {@code ۱ فروردین ۱۴۰۵}. */
    public static String solarHijri(LocalDate date) {
        DateFormat persian = DateFormat.getDateInstance(DateFormat.LONG, PERSIAN_CALENDAR);
        persian.setTimeZone(TimeZone.GMT_ZONE);
        return persian.format(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /**
     * Date pickers stay Gregorian (Vaadin has no Persian calendar); for Persian users the picker shows the
     * Solar Hijri date of its value as helper text, kept up to date as the value changes.
     */
    public static void showSolarHijri(DatePicker picker, Locale locale) {
        if (!usesSolarHijri(locale)) {
            return;
        }
        picker.setHelperText(solarHijriOrEmpty(picker.getValue()));
        picker.addValueChangeListener(change -> picker.setHelperText(solarHijriOrEmpty(change.getValue())));
    }

    /** The same for date-and-time pickers: the Solar Hijri day of the value as helper text. */
    public static void showSolarHijri(DateTimePicker picker, Locale locale) {
        if (!usesSolarHijri(locale)) {
            return;
        }
        picker.setHelperText(solarHijriOrEmpty(
                picker.getValue() == null ? null : picker.getValue().toLocalDate()));
        picker.addValueChangeListener(change -> picker.setHelperText(solarHijriOrEmpty(
                change.getValue() == null ? null : change.getValue().toLocalDate())));
    }

    private static String solarHijriOrEmpty(@Nullable LocalDate date) {
        return date == null ? "" : solarHijri(date);
    }

    /** The Gregorian date written in Persian, with Persian digits. */
    private static String persianGregorian(Date day, TimeZone zone) {
        DateFormat gregorian = DateFormat.getDateInstance(DateFormat.MEDIUM, GREGORIAN_IN_PERSIAN);
        gregorian.setTimeZone(zone);
        return gregorian.format(day);
    }

    private static final ULocale PERSIAN_CALENDAR = new ULocale("fa_IR@calendar=persian");
    private static final ULocale GREGORIAN_IN_PERSIAN = new ULocale("fa_IR@calendar=gregorian");
}
