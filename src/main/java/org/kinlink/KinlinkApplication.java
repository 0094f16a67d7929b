package org.kinlink;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles/kinlink.css")
@Meta(name = "referrer", content = "no-referrer")
public class KinlinkApplication implements AppShellConfigurator {

    private static final String GENERATE_KEYSET = "--generate-keyset=";
    private static final String ROTATE_FIELD_KEY = "--rotate-field-key";

    public static void main(String[] args) {
        if (args.length == 1 && args[0].startsWith(GENERATE_KEYSET)) {
            var file = java.nio.file.Path.of(args[0].substring(GENERATE_KEYSET.length()));
            if (java.nio.file.Files.exists(file)) {
                System.err.println("Refusing to overwrite the existing keyset " + file.toAbsolutePath());
                System.exit(2);
            }
            org.kinlink.crypto.KeyRing.generate(file);
            System.out.println("Wrote a new keyset to " + file.toAbsolutePath() + "; keep it outside the database"
                    + " and back it up: without it the encrypted data cannot be read.");
            return;
        }
        if (java.util.Arrays.asList(args).contains(ROTATE_FIELD_KEY)) {
            // start, let the rotation runner do its work, then end (no web server on a fixed port)
            var context = new org.springframework.boot.builder.SpringApplicationBuilder(KinlinkApplication.class)
                    .properties("server.port=0")
                    .run(args);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(KinlinkApplication.class, args);
    }

    /** All times are taken from this clock (UTC); tests replace it to control time. */
    @org.springframework.context.annotation.Bean
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }
}
