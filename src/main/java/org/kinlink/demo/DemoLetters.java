package org.kinlink.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.kinlink.cases.CaseFacts;
import org.kinlink.cases.CaseFilter;
import org.kinlink.cases.CaseListItem;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseSort;
import org.kinlink.letters.DataCategory;
import org.kinlink.letters.Disclosed;
import org.kinlink.letters.InstitutionForm;
import org.kinlink.letters.InstitutionId;
import org.kinlink.letters.InstitutionType;
import org.kinlink.letters.Institutions;
import org.kinlink.letters.LegalBasis;
import org.kinlink.letters.LetterChannel;
import org.kinlink.letters.LetterDetails;
import org.kinlink.letters.LetterDraft;
import org.kinlink.letters.LetterStatus;
import org.kinlink.letters.Letters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo institutions (a few real public bodies with their public addresses, and fictional ones) and
 * letters: one overdue, one draft waiting for another coordinator's approval. Through the services,
 * as the demo coordinators.
 */
@Component
@Profile("demo")
@Order(40)
class DemoLetters implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLetters.class);

    private final Institutions institutions;
    private final Letters letters;
    private final CaseService cases;
    private final UserDetailsService users;

    DemoLetters(Institutions institutions, Letters letters, CaseService cases, UserDetailsService users) {
        this.institutions = institutions;
        this.letters = letters;
        this.cases = cases;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (as("coordinator", () -> !institutions.list(null, 0, 1).isEmpty())) {
            return;
        }
        InstitutionId icrc = as(
                "coordinator",
                () -> institution(
                        "ICRC Central Tracing Agency",
                        InstitutionType.RED_CROSS_RED_CRESCENT,
                        "Switzerland",
                        "International Committee of the Red Cross\n19 Avenue de la Paix\n1202 Geneva",
                        null,
                        "en"));
        as(
                "coordinator",
                () -> institution(
                        "UNHCR Headquarters",
                        InstitutionType.UN_BODY,
                        "Switzerland",
                        "Office of the United Nations High Commissioner for Refugees\nRue de Montbrillant 94\n1202 Geneva",
                        null,
                        "en"));
        as(
                "coordinator",
                () -> institution(
                        "Ministry of Foreign Affairs (example)",
                        InstitutionType.MINISTRY,
                        "Exampleland",
                        "Consular Affairs Department\n1 Example Square\nExample City",
                        "consular@ministry.example",
                        "other"));
        InstitutionId embassy = as(
                "coordinator",
                () -> institution(
                        "Embassy of Exampleland (example)",
                        InstitutionType.EMBASSY_CONSULATE,
                        "Germany",
                        "Consular section\nBeispielstraße 12\n10115 Berlin",
                        "consular@embassy.example",
                        "fa"));
        as(
                "coordinator",
                () -> institution(
                        "Bridges Home Association (fictional)",
                        InstitutionType.NGO,
                        "Netherlands",
                        "Voorbeeldweg 3\n1011 AB Amsterdam",
                        "info@bridges-home.example",
                        "en"));
        List<String> references = as(
                "coordinator",
                () -> cases.list(CaseFilter.any(), CaseSort.REFERENCE, 0, 3).stream()
                        .map(CaseListItem::reference)
                        .toList());
        if (references.size() < 3) {
            return;
        }
        // an overdue letter: sent six weeks ago, no answer
        String overdue = as(
                "coordinator",
                () -> letters.draft(draft(
                        embassy,
                        references.subList(0, 1),
                        "درخواست اطلاعات دربارهٔ یک پرونده",
                        "با سلام و احترام،\n\nدربارهٔ پرونده‌ای که شمارهٔ آن در بالا آمده است، از شما درخواست اطلاعات داریم.\n\nبا احترام",
                        "fa")));
        LetterDetails approved =
                as("lead", () -> letters.move(overdue, letters.open(overdue).version(), LetterStatus.APPROVED, null));
        as(
                "coordinator",
                () -> letters.send(overdue, approved.version(), LocalDate.now().minusDays(42)));
        // a draft about three cases, waiting for the other coordinator's approval
        as(
                "coordinator",
                () -> letters.draft(draft(
                        icrc,
                        references,
                        "Request for tracing assistance",
                        "Dear colleagues,\n\nWe kindly ask for your help in tracing the persons sought in our cases "
                                + String.join(", ", references)
                                + ". Their relatives have asked us to restore contact.\n\nYours sincerely",
                        "en")));
        log.info("Demo: created institutions and letters (one overdue, one draft to approve)");
    }

    private InstitutionId institution(
            String name, InstitutionType type, String country, String address, String email, String language) {
        return institutions
                .save(new InstitutionForm(null, 0, name, type, country, address, email, null, language, null))
                .id();
    }

    private LetterDraft draft(InstitutionId to, List<String> references, String subject, String body, String language) {
        var register = new ArrayList<Disclosed>();
        for (CaseFacts facts : cases.letterFacts(references)) {
            facts.parties()
                    .forEach(p -> register.add(new Disclosed(
                            facts.reference(), p.personId(), DataCategory.NAME, LegalBasis.LEGITIMATE_INTEREST)));
        }
        return new LetterDraft(to, references, language, LetterChannel.POST, subject, body, null, register);
    }

    private <T> T as(String username, Supplier<T> work) {
        var user = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
