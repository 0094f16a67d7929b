package org.kinlink.letters;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Settings of the letters module: {@code kinlink.letters.weekend} (days of the week, default
 * SATURDAY,SUNDAY), {@code kinlink.letters.holidays} (ISO dates, comma-separated), and the follow-up
 * period in working days, {@code kinlink.letters.follow-up-days.default} (20) and per institution
 * type {@code kinlink.letters.follow-up-days.<TYPE>}.
 */
@Configuration
class LettersConfiguration {

    @Bean
    WorkingDays workingDays(Environment env, Clock clock) {
        Set<DayOfWeek> weekend = split(env.getProperty("kinlink.letters.weekend", "SATURDAY,SUNDAY")).stream()
                .map(day -> DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toSet());
        Set<LocalDate> holidays = split(env.getProperty("kinlink.letters.holidays", "")).stream()
                .map(LocalDate::parse)
                .collect(Collectors.toSet());
        return new WorkingDays(weekend, holidays, clock);
    }

    @Bean
    FollowUpPeriods followUpPeriods(Environment env) {
        int fallback = env.getProperty("kinlink.letters.follow-up-days.default", Integer.class, 20);
        return type -> env.getProperty("kinlink.letters.follow-up-days." + type.name(), Integer.class, fallback);
    }

    private static Set<String> split(String value) {
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
